/// A typed column: one contiguous array of values plus a validity bitmap.
///
/// Null rows hold a placeholder in the value array (0, `false`, the empty
/// string, the epoch) and a clear bit in ``validity``; the placeholder is never
/// read as data. This is what keeps null apart from the empty string.
public struct Column: Sendable {
    /// The values, by type.
    public enum Storage: Sendable {
        case int64([Int64])
        case double([Double])
        case string(StringColumn)
        case bool([Bool])
        case date([CalendarDate])
    }

    /// The values, null rows holding placeholders.
    public let storage: Storage
    /// Which rows are null.
    public let validity: Validity

    /// Wraps storage and validity, which must have the same length.
    public init(storage: Storage, validity: Validity) {
        self.storage = storage
        self.validity = validity
        precondition(validity.count == count, "validity covers \(validity.count) rows, storage \(count)")
    }

    /// A column with no nulls.
    public init(_ storage: Storage) {
        self.init(storage: storage, validity: Validity(allValid: Column.count(of: storage)))
    }

    private static func count(of storage: Storage) -> Int {
        switch storage {
        case .int64(let values): return values.count
        case .double(let values): return values.count
        case .string(let values): return values.count
        case .bool(let values): return values.count
        case .date(let values): return values.count
        }
    }

    /// The type of the column.
    public var type: ColumnType {
        switch storage {
        case .int64: return .int64
        case .double: return .double
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        }
    }

    /// The number of rows.
    public var count: Int { Column.count(of: storage) }

    /// Whether row `index` is null.
    @inline(__always)
    public func isNull(_ index: Int) -> Bool { !validity.isValid(index) }

    /// The value at `index`, boxed.
    public subscript(index: Int) -> Cell {
        guard validity.isValid(index) else { return .null }
        switch storage {
        case .int64(let values): return .int(values[index])
        case .double(let values): return .double(values[index])
        case .string(let values): return .string(values[index])
        case .bool(let values): return .bool(values[index])
        case .date(let values): return .date(values[index])
        }
    }

    /// The rows at `indices`, in that order.
    ///
    /// - Complexity: O(`indices.count`).
    public func gathered<C: Collection>(_ indices: C) -> Column where C.Element == Int {
        let values: Storage
        switch storage {
        case .int64(let all): values = .int64(indices.map { all[$0] })
        case .double(let all): values = .double(indices.map { all[$0] })
        case .string(let all): values = .string(all.gathered(indices))
        case .bool(let all): values = .bool(indices.map { all[$0] })
        case .date(let all): values = .date(indices.map { all[$0] })
        }
        return Column(storage: values, validity: validity.gathered(indices))
    }

    /// Builds a column of `type` from boxed values.
    ///
    /// An `.int` cell is accepted in a `.double` column; any other mismatch throws.
    /// - Throws: ``TableError`` `typeMismatch` naming the column and both types.
    public init(type: ColumnType, cells: [Cell], name: String = "") throws {
        var builder = ColumnBuilder(type: type)
        for cell in cells {
            guard builder.append(cell) else {
                throw TableError.typeMismatch(column: name, expected: type, found: cell)
            }
        }
        self = builder.finish()
    }
}
