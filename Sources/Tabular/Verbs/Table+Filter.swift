extension Table {
    /// The rows where every condition holds: the value in `column` equals one of `values`.
    ///
    /// Conditions are evaluated a column at a time; dictionary-encoded text is
    /// matched once per distinct value, then per row by code. Ints and floats
    /// compare as numbers (`1` matches `1.0`); NaN matches NaN, as it groups with
    /// NaN; null matches only an explicit `.null`. In a date column an ISO text
    /// value (`"2012-12-26"`) stands for the date, because Lua has no date type.
    /// An empty `values` list matches no row.
    ///
    /// For example:
    /// ```swift
    /// let east = try table.filter(equals: [("region", [.string("East")]),
    ///                                      ("role", [.string("lead"), .string("charge")])])
    /// ```
    /// - Throws: ``TableError`` `unknownColumn`, or `typeMismatch` for a value that
    ///   cannot be compared with its column.
    /// - Complexity: O(rows × conditions).
    public func filter(equals conditions: [(column: String, values: [Cell])]) throws -> Table {
        var keep = [Bool](repeating: true, count: rowCount)
        for condition in conditions {
            let column = columns[try columnIndex(condition.column)]
            let matcher = try CellMatcher(
                condition.values, type: column.type, column: condition.column)
            matcher.narrow(&keep, column)
        }
        return filter(mask: keep)
    }

    /// The rows for which `predicate`, given a row index, returns `true`, in order.
    ///
    /// The Lua layer wraps its row views around the index.
    /// - Throws: Whatever `predicate` throws.
    /// - Complexity: O(rows) calls of `predicate`.
    public func filter(where predicate: (Int) throws -> Bool) rethrows -> Table {
        var rows: [Int] = []
        for row in 0..<rowCount where try predicate(row) { rows.append(row) }
        return rows.count == rowCount ? self : gathered(rows)
    }

    /// The rows whose flag is set.
    func filter(mask: [Bool]) -> Table {
        var rows: [Int] = []
        rows.reserveCapacity(rowCount)
        for (row, flag) in mask.enumerated() where flag { rows.append(row) }
        return rows.count == rowCount ? self : gathered(rows)
    }
}

/// The set of values one filter condition accepts, converted once to the column's type.
private struct CellMatcher {
    var ints: Set<Int64> = []
    var doubles: Set<Double> = []
    var strings: Set<String> = []
    var bools: Set<Bool> = []
    var dates: Set<CalendarDate> = []
    var matchesNull = false
    var matchesNaN = false

    init(_ values: [Cell], type: ColumnType, column: String) throws {
        for value in values {
            switch (type, value) {
            case (_, .null): matchesNull = true
            case (.int64, .int(let x)): ints.insert(x)
            case (.int64, .double(let x)):
                // A float with a fractional part can match no int; it is not an error.
                if let exact = Int64(exactly: x) { ints.insert(exact) }
            case (.double, .int(let x)): doubles.insert(Double(x))
            case (.double, .double(let x)):
                if x.isNaN { matchesNaN = true } else { doubles.insert(x) }
            case (.string, .string(let x)): strings.insert(x)
            case (.bool, .bool(let x)): bools.insert(x)
            case (.date, .date(let x)): dates.insert(x)
            case (.date, .string(let text)):
                guard let date = CalendarDate(iso: text) else {
                    throw TableError.typeMismatch(column: column, expected: type, found: value)
                }
                dates.insert(date)
            default:
                throw TableError.typeMismatch(column: column, expected: type, found: value)
            }
        }
    }

    /// Clears the flags of rows whose value in `column` is not accepted.
    func narrow(_ keep: inout [Bool], _ column: Column) {
        let validity = column.validity
        func apply(_ accepts: (Int) -> Bool) {
            for row in keep.indices where keep[row] {
                keep[row] = validity.isValid(row) ? accepts(row) : matchesNull
            }
        }
        switch column.storage {
        case .int64(let values): apply { ints.contains(values[$0]) }
        case .double(let values):
            apply { values[$0].isNaN ? matchesNaN : doubles.contains(values[$0]) }
        case .string(.dictionary(let codes, let entries)):
            let accepted = entries.map { strings.contains($0) }
            apply { accepted[Int(codes[$0])] }
        case .string(.plain(let values)): apply { strings.contains(values[$0]) }
        case .bool(let values): apply { bools.contains(values[$0]) }
        case .date(let values): apply { dates.contains(values[$0]) }
        }
    }
}
