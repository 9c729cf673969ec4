/// The total order every verb that compares values uses (`order_by`, `min`,
/// `max`, `describe`): numbers by value with NaN after every number, text by
/// Unicode scalar values (UTF-8 byte order, never the locale), `false` before
/// `true`, dates by day. Null is not part of it: callers put nulls last.
enum ValueOrder {
    /// Whether `a` sorts before `b`, NaN after every number.
    @inline(__always)
    static func precedes(_ a: Double, _ b: Double) -> Bool { !a.isNaN && (b.isNaN || a < b) }

    /// The dense rank of each row's value in the total order, equal values sharing
    /// a rank, and the number of distinct non-null values; null rows rank last,
    /// at `valueCount`.
    ///
    /// Numbers, dates and bools are ranked by sorting order-preserving 64-bit keys,
    /// with no hashing; text goes through ``ColumnCodes``, so that ranks agree with
    /// grouping on which strings are equal, and only distinct strings are sorted.
    /// - Complexity: O(rows log rows), or O(rows + d log d) for text with d distinct values.
    static func rowRanks(of column: Column) -> (ranks: [UInt32], valueCount: Int) {
        let signBit: UInt64 = 1 << 63
        switch column.storage {
        case .int64(let values):
            return denseRanks(column) { UInt64(bitPattern: values[$0]) ^ signBit }
        case .date(let values):
            return denseRanks(column) {
                UInt64(bitPattern: Int64(values[$0].daysSinceEpoch)) ^ signBit
            }
        case .double(let values):
            return denseRanks(column) { row in
                // One key for both zeros and for every NaN; the positive quiet NaN sorts above +inf.
                let bits = ColumnCodes.bits(values[row])
                return bits & signBit != 0 ? ~bits : bits | signBit
            }
        case .bool(let values):
            return denseRanks(column) { values[$0] ? 1 : 0 }
        case .string(let values):
            return textRanks(values, codes: ColumnCodes(column))
        }
    }

    private struct Keyed {
        var key: UInt64
        var row: UInt32
    }

    private static func denseRanks(_ column: Column, key: (Int) -> UInt64) -> ([UInt32], Int) {
        var keyed: [Keyed] = []
        keyed.reserveCapacity(column.count)
        for row in 0..<column.count where !column.isNull(row) {
            keyed.append(Keyed(key: key(row), row: UInt32(row)))
        }
        keyed.sort { $0.key < $1.key }
        var ranks = [UInt32](repeating: 0, count: column.count)
        var rank: UInt32 = 0
        for index in keyed.indices {
            if index > 0, keyed[index].key != keyed[index - 1].key { rank += 1 }
            ranks[Int(keyed[index].row)] = rank
        }
        let valueCount = keyed.isEmpty ? 0 : Int(rank) + 1
        for row in 0..<column.count where column.isNull(row) { ranks[row] = UInt32(valueCount) }
        return (ranks, valueCount)
    }

    /// Ranks text by its distinct values: one sort of d strings, then a lookup per row.
    private static func textRanks(_ values: StringColumn, codes: ColumnCodes) -> ([UInt32], Int) {
        let firstRows = codes.firstRows()
        let order = (0..<codes.count).filter { UInt32($0) != codes.nullCode }
        let keys = order.map { values[firstRows[$0]] }
        let sorted = order.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
        var rankOfCode = [UInt32](repeating: UInt32(order.count), count: codes.count)
        for (rank, index) in sorted.enumerated() { rankOfCode[order[index]] = UInt32(rank) }
        return (codes.codes.map { rankOfCode[Int($0)] }, order.count)
    }
}
