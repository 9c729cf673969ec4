import Tabular

/// Typed reads of whole columns for the assessments, which work on small catalog
/// and sample tables and need plain Swift values with nulls as `nil`.
extension Table {
    /// The text column `name`, nulls as `nil`.
    /// - Throws: ``TableError`` `unknownColumn`, or `typeMismatch` when it is not text.
    func strings(_ name: String) throws -> [String?] {
        let column = try self.column(name)
        guard case .string(let values) = column.storage else {
            throw TableError.typeMismatch(column: name, expected: .string, found: column.type)
        }
        return (0..<rowCount).map { column.isNull($0) ? nil : values[$0] }
    }

    /// The integer column `name`, nulls as `nil`.
    /// - Throws: ``TableError`` `unknownColumn`, or `typeMismatch` when it is not int.
    func integers(_ name: String) throws -> [Int64?] {
        let column = try self.column(name)
        guard case .int64(let values) = column.storage else {
            throw TableError.typeMismatch(column: name, expected: .int64, found: column.type)
        }
        return (0..<rowCount).map { column.isNull($0) ? nil : values[$0] }
    }

    /// The numeric column `name` as doubles (an int column is widened), nulls as `nil`.
    /// - Throws: ``TableError`` `unknownColumn`, or `typeMismatch` when it is not numeric.
    func doubles(_ name: String) throws -> [Double?] {
        let column = try self.column(name)
        switch column.storage {
        case .double(let values): return (0..<rowCount).map { column.isNull($0) ? nil : values[$0] }
        case .int64(let values):
            return (0..<rowCount).map { column.isNull($0) ? nil : Double(values[$0]) }
        default: throw TableError.typeMismatch(column: name, expected: .double, found: column.type)
        }
    }

    /// The date column `name`, nulls as `nil`.
    /// - Throws: ``TableError`` `unknownColumn`, or `typeMismatch` when it is not a date.
    func dates(_ name: String) throws -> [CalendarDate?] {
        let column = try self.column(name)
        guard case .date(let values) = column.storage else {
            throw TableError.typeMismatch(column: name, expected: .date, found: column.type)
        }
        return (0..<rowCount).map { column.isNull($0) ? nil : values[$0] }
    }

    /// The boolean column `name`, nulls as `nil`.
    /// - Throws: ``TableError`` `unknownColumn`, or `typeMismatch` when it is not bool.
    func booleans(_ name: String) throws -> [Bool?] {
        let column = try self.column(name)
        guard case .bool(let values) = column.storage else {
            throw TableError.typeMismatch(column: name, expected: .bool, found: column.type)
        }
        return (0..<rowCount).map { column.isNull($0) ? nil : values[$0] }
    }

    /// Every cell of column `name` as text (`Cell.description`), nulls as `nil`, for
    /// matching rule selectors written as text (`needs_approval=true`).
    /// - Throws: ``TableError`` `unknownColumn`.
    func texts(_ name: String) throws -> [String?] {
        let column = try self.column(name)
        return (0..<rowCount).map { column.isNull($0) ? nil : column[$0].description }
    }
}
