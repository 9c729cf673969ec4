/// Dense codes for the values of one key column, possibly spread over several
/// tables' columns (segments) that share one code space, as a join needs.
///
/// Codes are assigned in order of first appearance, segment after segment, so
/// everything built on them is deterministic. Null is a value of its own with its
/// own code. Doubles are compared as numbers: `-0.0` and `0.0` share a code and so
/// do all NaNs. When the segments mix int and float columns, ints are compared as
/// doubles (exact up to 2^53), so `1` and `1.0` share a code.
struct ColumnCodes {
    /// One code per row of the concatenated segments.
    var codes: [UInt32]
    /// The number of distinct codes.
    var count: Int
    /// The code of null, if any row is null.
    var nullCode: UInt32?

    /// Encodes one column.
    ///
    /// - Complexity: O(rows), with one hash lookup per row (one per distinct
    ///   value for dictionary-encoded text).
    init(_ column: Column) { self.init(segments: [column]) }

    /// Encodes columns of compatible types (equal, or int and float) into one code space.
    init(segments: [Column]) {
        var codes: [UInt32] = []
        codes.reserveCapacity(segments.reduce(0) { $0 + $1.count })
        var next: UInt32 = 0
        var nullCode: UInt32?
        func null() -> UInt32 {
            if let nullCode { return nullCode }
            nullCode = next
            next += 1
            return next - 1
        }
        func coded<Key: Hashable>(_ key: Key, _ map: inout [Key: UInt32]) -> UInt32 {
            if let code = map[key] { return code }
            map[key] = next
            next += 1
            return next - 1
        }
        let numeric = segments.contains { $0.type == .double }
        var ints: [Int64: UInt32] = [:]
        var doubles: [UInt64: UInt32] = [:]
        var strings: [String: UInt32] = [:]
        var bools: [Bool: UInt32] = [:]
        var dates: [Int32: UInt32] = [:]
        for column in segments {
            let validity = column.validity
            switch column.storage {
            case .int64(let values) where numeric:
                for (row, value) in values.enumerated() {
                    codes.append(
                        validity.isValid(row)
                            ? coded(ColumnCodes.bits(Double(value)), &doubles) : null())
                }
            case .int64(let values):
                for (row, value) in values.enumerated() {
                    codes.append(validity.isValid(row) ? coded(value, &ints) : null())
                }
            case .double(let values):
                for (row, value) in values.enumerated() {
                    codes.append(
                        validity.isValid(row) ? coded(ColumnCodes.bits(value), &doubles) : null())
                }
            case .string(.dictionary(let rowCodes, let values)):
                // Look each dictionary entry up once, when first met, not once per row.
                var local = [UInt32](repeating: .max, count: values.count)
                for (row, entry) in rowCodes.enumerated() {
                    guard validity.isValid(row) else {
                        codes.append(null())
                        continue
                    }
                    if local[Int(entry)] == .max {
                        local[Int(entry)] = coded(values[Int(entry)], &strings)
                    }
                    codes.append(local[Int(entry)])
                }
            case .string(.plain(let values)):
                for (row, value) in values.enumerated() {
                    codes.append(validity.isValid(row) ? coded(value, &strings) : null())
                }
            case .bool(let values):
                for (row, value) in values.enumerated() {
                    codes.append(validity.isValid(row) ? coded(value, &bools) : null())
                }
            case .date(let values):
                for (row, value) in values.enumerated() {
                    codes.append(
                        validity.isValid(row) ? coded(value.daysSinceEpoch, &dates) : null())
                }
            }
        }
        self.codes = codes
        self.count = Int(next)
        self.nullCode = nullCode
    }

    /// The bit pattern that identifies a double as a key: one for both zeros, one for all NaNs.
    static func bits(_ value: Double) -> UInt64 {
        if value.isNaN { return Double.nan.bitPattern }
        return value == 0 ? 0 : value.bitPattern
    }

    /// The first row holding each code.
    func firstRows() -> [Int] { RowKeys.firstRows(codes, count: count) }
}

/// Dense ids for the combination of several key columns, row by row: what
/// grouping, joining, distinct, pivot and complete all hash on.
///
/// Columns are combined one at a time, pairing the ids so far with the next
/// column's codes, so no row is ever boxed into `Cell`s. Ids are assigned in order
/// of first appearance of the combination, never in hash order.
struct RowKeys {
    /// One id per row.
    var ids: [UInt32]
    /// The number of distinct keys.
    var count: Int
    /// Whether each key holds a null in at least one column.
    var hasNull: [Bool]

    /// Encodes the key columns of one table; with no columns, every row gets id 0.
    ///
    /// - Complexity: O(rows × columns).
    init(_ columns: [Column], rowCount: Int) {
        self.init(segments: columns.map { [$0] }, rowCount: rowCount)
    }

    /// Encodes key columns spread over several tables into one id space:
    /// `segments[k]` holds key column `k` of each table, tables in the same order.
    init(segments: [[Column]], rowCount: Int) {
        guard let first = segments.first else {
            ids = [UInt32](repeating: 0, count: rowCount)
            count = rowCount > 0 ? 1 : 0
            hasNull = rowCount > 0 ? [false] : []
            return
        }
        let start = ColumnCodes(segments: first)
        var ids = start.codes
        var count = start.count
        var hasNull = [Bool](repeating: false, count: count)
        if let nullCode = start.nullCode { hasNull[Int(nullCode)] = true }
        for column in segments.dropFirst() {
            let next = ColumnCodes(segments: column)
            (ids, count, hasNull) = RowKeys.combine(ids, count, hasNull, next, rows: ids.count)
        }
        self.ids = ids
        self.count = count
        self.hasNull = hasNull
    }

    /// Pairs ids with the next column's codes, renumbering pairs densely in order of first appearance.
    private static func combine(
        _ ids: [UInt32], _ count: Int, _ hasNull: [Bool],
        _ next: ColumnCodes, rows: Int
    )
        -> ([UInt32], Int, [Bool])
    {
        var combined = [UInt32](repeating: 0, count: ids.count)
        var newHasNull: [Bool] = []
        var assigned: UInt32 = 0
        let width = next.count
        let (cells, overflow) = count.multipliedReportingOverflow(by: width)
        if !overflow, cells <= max(4096, 2 * rows) {
            // Few enough pairs for a direct table: no hashing at all.
            var table = [UInt32](repeating: .max, count: cells)
            for row in 0..<ids.count {
                let code = next.codes[row]
                let slot = Int(ids[row]) * width + Int(code)
                if table[slot] == .max {
                    table[slot] = assigned
                    assigned += 1
                    newHasNull.append(hasNull[Int(ids[row])] || code == next.nullCode)
                }
                combined[row] = table[slot]
            }
        } else {
            var map: [UInt64: UInt32] = [:]
            map.reserveCapacity(min(rows, cells))
            for row in 0..<ids.count {
                let code = next.codes[row]
                let pair = UInt64(ids[row]) << 32 | UInt64(code)
                if let id = map[pair] {
                    combined[row] = id
                } else {
                    map[pair] = assigned
                    combined[row] = assigned
                    assigned += 1
                    newHasNull.append(hasNull[Int(ids[row])] || code == next.nullCode)
                }
            }
        }
        return (combined, Int(assigned), newHasNull)
    }

    /// The first row holding each key, in increasing order (ids follow first appearance).
    func firstRows() -> [Int] { RowKeys.firstRows(ids, count: count) }

    /// The rows holding each id, grouped: rows of id `k` are `rows[offsets[k]..<offsets[k + 1]]`,
    /// in row order (a counting sort).
    ///
    /// - Complexity: O(rows + ids).
    static func rowsByKey(_ ids: [UInt32], count: Int) -> (offsets: [Int], rows: [Int]) {
        var offsets = [Int](repeating: 0, count: count + 1)
        for id in ids { offsets[Int(id) + 1] += 1 }
        for key in 0..<count { offsets[key + 1] += offsets[key] }
        var cursor = offsets
        var rows = [Int](repeating: 0, count: ids.count)
        for (row, id) in ids.enumerated() {
            rows[cursor[Int(id)]] = row
            cursor[Int(id)] += 1
        }
        return (offsets, rows)
    }

    /// The first row holding each of `count` ids.
    static func firstRows(_ ids: [UInt32], count: Int) -> [Int] {
        var first = [Int](repeating: -1, count: count)
        for (row, id) in ids.enumerated() where first[Int(id)] < 0 { first[Int(id)] = row }
        return first
    }
}
