/// One key of ``Table/orderBy(_:)``: a column and a direction.
public struct SortKey: Sendable, Hashable {
    /// The column sorted on.
    public var column: String
    /// Whether larger values come first.
    public var descending: Bool

    /// A key on `column`, ascending unless `descending`.
    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// A key from its Lua spelling: `"rate"` ascending, `"-rate"` descending.
    public init(spec: String) {
        if spec.hasPrefix("-") {
            self.init(String(spec.dropFirst()), descending: true)
        } else {
            self.init(spec)
        }
    }
}

extension Table {
    /// The rows sorted by `keys`, the first key deciding first.
    ///
    /// The order is total and the sort stable, so the output never depends on
    /// anything but the data: numbers by value with NaN after every number, text
    /// by Unicode scalar values (UTF-8 byte order, never the locale), `false`
    /// before `true`, dates by day. Nulls come last whichever the direction.
    /// Rows with equal keys keep their input order.
    ///
    /// For example:
    /// ```swift
    /// let ranked = try table.orderBy([SortKey("region"), SortKey(spec: "-rate")])
    /// ```
    /// - Throws: ``TableError`` `unknownColumn`.
    /// - Complexity: O(rows log rows × keys): each key column is turned into dense
    ///   integer ranks once, then rows are sorted by ranks, packed into one integer
    ///   per row when they fit.
    public func orderBy(_ keys: [SortKey]) throws -> Table {
        let rankings: [[UInt32]] = try keys.map { key in
            var (ranks, valueCount) = ValueOrder.rowRanks(of: columns[try columnIndex(key.column)])
            if key.descending {
                // Nulls rank at `valueCount` and stay there, last in both directions.
                for row in ranks.indices where ranks[row] < valueCount {
                    ranks[row] = UInt32(valueCount) - 1 - ranks[row]
                }
            }
            return ranks
        }
        return gathered(Table.stableOrder(rankings, rowCount: rowCount))
    }

    /// Row indices sorted by their ranks, key by key, ties broken by row index.
    ///
    /// When the combined ranks fit in 32 bits, rank and row index are packed into
    /// one `UInt64` per row and sorted as plain integers, which is several times
    /// faster than a comparator walking the keys.
    private static func stableOrder(_ rankings: [[UInt32]], rowCount: Int) -> [Int] {
        var radix: UInt64 = 1
        let widths = rankings.map { UInt64(($0.max() ?? 0)) + 1 }
        for width in widths where radix <= UInt64(UInt32.max) { radix *= width }
        guard radix <= UInt64(UInt32.max), rowCount <= Int(UInt32.max) else {
            return (0..<rowCount).sorted { a, b in
                for ranking in rankings where ranking[a] != ranking[b] {
                    return ranking[a] < ranking[b]
                }
                return a < b
            }
        }
        var packed = (0..<rowCount).map { row in
            var combined: UInt64 = 0
            for (ranking, width) in zip(rankings, widths) {
                combined = combined * width + UInt64(ranking[row])
            }
            return combined << 32 | UInt64(row)
        }
        packed.sort()
        return packed.map { Int($0 & 0xFFFF_FFFF) }
    }
}
