extension Column {
    /// The rows at `indices`, where a negative index stands for `fill` (a row a
    /// left join, pivot or complete adds). `fill` must fit the column's type.
    ///
    /// - Complexity: O(`indices.count`).
    func gathered(_ indices: [Int], fill: Cell) -> Column {
        guard indices.contains(where: { $0 < 0 }) else { return gathered(indices) }
        let values: Storage
        switch storage {
        case .int64(let all):
            let filler: Int64 = if case .int(let value) = fill { value } else { 0 }
            values = .int64(indices.map { $0 < 0 ? filler : all[$0] })
        case .double(let all):
            let filler: Double =
                switch fill {
                case .double(let value): value
                case .int(let value): Double(value)
                default: 0
                }
            values = .double(indices.map { $0 < 0 ? filler : all[$0] })
        case .string(.plain(let all)):
            let filler: String = if case .string(let value) = fill { value } else { "" }
            values = .string(.plain(indices.map { $0 < 0 ? filler : all[$0] }))
        case .string(.dictionary(let codes, var entries)):
            // Null rows may point at any entry; they are masked by validity.
            var fillCode: UInt32 = 0
            if case .string(let value) = fill {
                if let found = entries.firstIndex(of: value) {
                    fillCode = UInt32(found)
                } else {
                    fillCode = UInt32(entries.count)
                    entries.append(value)
                }
            } else if entries.isEmpty {
                entries.append("")
            }
            values = .string(
                .dictionary(
                    codes: indices.map { $0 < 0 ? fillCode : codes[$0] },
                    values: entries))
        case .bool(let all):
            let filler: Bool = if case .bool(let value) = fill { value } else { false }
            values = .bool(indices.map { $0 < 0 ? filler : all[$0] })
        case .date(let all):
            let filler =
                if case .date(let value) = fill { value } else { CalendarDate(daysSinceEpoch: 0) }
            values = .date(indices.map { $0 < 0 ? filler : all[$0] })
        }
        let fillValid = !fill.isNull
        let flags = indices.lazy.map { $0 < 0 ? fillValid : self.validity.isValid($0) }
        return Column(storage: values, validity: Validity(flags))
    }

    /// Checks that `fill` can be stored in a column of `type` (an int fits a float column),
    /// so that a caller can report a bad fill value against the argument that gave it.
    ///
    /// - Throws: ``TableError`` `typeMismatch` naming `column`.
    /// - Complexity: O(1).
    public static func checkFill(_ fill: Cell, fits type: ColumnType, column: String) throws {
        var probe = ColumnBuilder(type: type)
        guard probe.append(fill) else {
            throw TableError.typeMismatch(column: column, expected: type, found: fill)
        }
    }

    /// The value at `row` as a double, for numeric columns (`nil` when null or not numeric).
    @inline(__always)
    func number(at row: Int) -> Double? {
        guard validity.isValid(row) else { return nil }
        switch storage {
        case .int64(let values): return Double(values[row])
        case .double(let values): return values[row]
        default: return nil
        }
    }
}
