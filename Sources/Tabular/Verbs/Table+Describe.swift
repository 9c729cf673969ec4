extension Table {
    /// A profile of the table, one row per column: `column`, `type`, `count`
    /// (non-null values), `nulls`, `distinct` (distinct non-null values), `min` and
    /// `max` (as text, in the order of ``orderBy(_:)``) and `mean` (numbers only).
    ///
    /// - Complexity: O(rows log rows) per column.
    public func describe() -> Table {
        let count = columns.count
        var types: [String] = []
        var counts: [Int64] = []
        var nulls: [Int64] = []
        var distinct: [Int64] = []
        var minimum: [Cell] = []
        var maximum: [Cell] = []
        var means: [Cell] = []
        for column in columns {
            let (ranks, values) = ValueOrder.rowRanks(of: column)
            let nullCount = column.validity.nullCount
            types.append(column.type.rawValue)
            counts.append(Int64(column.count - nullCount))
            nulls.append(Int64(nullCount))
            distinct.append(Int64(values))
            if let low = ranks.firstIndex(of: 0), values > 0,
                let high = ranks.firstIndex(of: UInt32(values - 1))
            {
                minimum.append(.string(column[low].description))
                maximum.append(.string(column[high].description))
            } else {
                minimum.append(.null)
                maximum.append(.null)
            }
            if column.type.isNumeric, values > 0 {
                var sum = 0.0
                for row in 0..<column.count { sum += column.number(at: row) ?? 0 }
                means.append(.double(sum / Double(column.count - nullCount)))
            } else {
                means.append(.null)
            }
        }
        func built(_ cells: [Cell], _ type: ColumnType) -> Column {
            var builder = ColumnBuilder(type: type, capacity: cells.count)
            for cell in cells { builder.append(cell) }
            return builder.finish()
        }
        return Table(
            unchecked: Schema([
                .init(name: "column", type: .string), .init(name: "type", type: .string),
                .init(name: "count", type: .int64), .init(name: "nulls", type: .int64),
                .init(name: "distinct", type: .int64), .init(name: "min", type: .string),
                .init(name: "max", type: .string), .init(name: "mean", type: .double),
            ]),
            [
                Column(.string(.plain(columnNames))), Column(.string(.plain(types))),
                Column(.int64(counts)), Column(.int64(nulls)), Column(.int64(distinct)),
                built(minimum, .string), built(maximum, .string), built(means, .double),
            ], rowCount: count)
    }
}
