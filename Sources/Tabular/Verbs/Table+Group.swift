/// A table split into groups by the values of key columns, ready for ``aggregate(_:)``.
///
/// Groups are numbered in order of first appearance of their key, and results
/// keep that order. A null key is a key like any other and forms its own group.
/// With no key columns the whole table is one group, even when it has no rows.
public struct GroupedTable: Sendable {
    /// The table that was grouped.
    public let table: Table
    /// The key column names.
    public let keys: [String]
    /// The number of groups.
    public let groupCount: Int
    let keyIndices: [Int]
    /// The group of each row.
    let groupIds: [UInt32]

    init(table: Table, keys: [String]) throws {
        self.table = table
        self.keys = keys
        keyIndices = try table.distinctColumnIndices(keys)
        let encoded = RowKeys(keyIndices.map { table.columns[$0] }, rowCount: table.rowCount)
        groupIds = encoded.ids
        groupCount = keys.isEmpty ? 1 : encoded.count
    }

    /// One row per group: the key columns, then one column per aggregate, named as given.
    ///
    /// - Throws: ``TableError`` `unknownColumn`; `typeMismatch` for a numeric
    ///   aggregate of a non-numeric column; `duplicateColumn` when a name repeats or
    ///   is a key; `invalidArgument` for a quantile outside 0...1 or an int sum that overflows.
    /// - Complexity: O(rows × aggregates), plus O(rows log rows) for median and quantile.
    public func aggregate(_ aggregates: [(name: String, aggregate: Aggregate)]) throws -> Table {
        var seen = Set(keys)
        for (name, _) in aggregates where !seen.insert(name).inserted {
            throw TableError.duplicateColumn(name)
        }
        let firstRows = keys.isEmpty ? [] : RowKeys.firstRows(groupIds, count: groupCount)
        var named: [(String, Column)] = keyIndices.map {
            (table.schema.fields[$0].name, table.columns[$0].gathered(firstRows))
        }
        for (name, aggregate) in aggregates {
            named.append((name, try evaluate(aggregate)))
        }
        return try Table(named)
    }

    private func evaluate(_ aggregate: Aggregate) throws -> Column {
        guard let name = aggregate.column else {
            var counts = [Int64](repeating: 0, count: groupCount)
            for id in groupIds { counts[Int(id)] += 1 }
            return Column(.int64(counts))
        }
        let column = try table.column(name)
        switch aggregate.kind {
        case .count, .countValues:
            var counts = [Int64](repeating: 0, count: groupCount)
            for (row, id) in groupIds.enumerated() where !column.isNull(row) {
                counts[Int(id)] += 1
            }
            return Column(.int64(counts))
        case .sum: return try sum(column, name: name)
        case .mean, .share:
            let (sums, counts) = try doubleSums(column, name: name)
            let total = sums.reduce(0, +)
            let isMean = aggregate.kind == .mean
            let values = sums.indices.map {
                isMean ? sums[$0] / Double(counts[$0]) : sums[$0] / total
            }
            return Column(
                storage: .double(values),
                validity: Validity(counts.map { $0 > 0 && (isMean || total != 0) }))
        case .median: return try quantile(column, name: name, p: 0.5)
        case .quantile(let p): return try quantile(column, name: name, p: p)
        case .min, .max: return extreme(column, largest: aggregate.kind == .max)
        case .first, .last:
            var chosen = [Int](repeating: -1, count: groupCount)
            let last = aggregate.kind == .last
            for (row, id) in groupIds.enumerated() where !column.isNull(row) {
                if last || chosen[Int(id)] < 0 { chosen[Int(id)] = row }
            }
            return column.gathered(chosen, fill: .null)
        case .countDistinct:
            let codes = ColumnCodes(column)
            var seen = Set<UInt64>()
            var counts = [Int64](repeating: 0, count: groupCount)
            for (row, id) in groupIds.enumerated() where !column.isNull(row) {
                if seen.insert(UInt64(id) << 32 | UInt64(codes.codes[row])).inserted {
                    counts[Int(id)] += 1
                }
            }
            return Column(.int64(counts))
        }
    }

    private func numeric(_ column: Column, name: String) throws {
        guard column.type.isNumeric else {
            throw TableError.typeMismatch(column: name, expected: .double, found: column.type)
        }
    }

    private func sum(_ column: Column, name: String) throws -> Column {
        guard case .int64(let values) = column.storage else {
            let (sums, counts) = try doubleSums(column, name: name)
            return Column(storage: .double(sums), validity: Validity(counts.map { $0 > 0 }))
        }
        var sums = [Int64](repeating: 0, count: groupCount)
        var seen = [Bool](repeating: false, count: groupCount)
        for (row, id) in groupIds.enumerated() where !column.isNull(row) {
            let (total, overflow) = sums[Int(id)].addingReportingOverflow(values[row])
            if overflow { throw TableError.integerOverflow(column: name) }
            sums[Int(id)] = total
            seen[Int(id)] = true
        }
        return Column(storage: .int64(sums), validity: Validity(seen))
    }

    /// Per-group sums as doubles and the number of values summed.
    private func doubleSums(_ column: Column, name: String) throws -> ([Double], [Int]) {
        try numeric(column, name: name)
        var sums = [Double](repeating: 0, count: groupCount)
        var counts = [Int](repeating: 0, count: groupCount)
        for (row, id) in groupIds.enumerated() {
            guard let value = column.number(at: row) else { continue }
            sums[Int(id)] += value
            counts[Int(id)] += 1
        }
        return (sums, counts)
    }

    private func quantile(_ column: Column, name: String, p: Double) throws -> Column {
        try numeric(column, name: name)
        guard (0...1).contains(p) else {
            throw TableError.invalidArgument(
                "quantile must be between 0 and 1, got \(Cell.format(p))")
        }
        let (offsets, rows) = RowKeys.rowsByKey(groupIds, count: groupCount)
        var results = [Double](repeating: 0, count: groupCount)
        var valid = [Bool](repeating: false, count: groupCount)
        var values: [Double] = []
        for group in 0..<groupCount {
            values.removeAll(keepingCapacity: true)
            for row in rows[offsets[group]..<offsets[group + 1]] {
                if let value = column.number(at: row) { values.append(value) }
            }
            guard !values.isEmpty else { continue }
            values.sort(by: ValueOrder.precedes)
            let position = Double(values.count - 1) * p
            let lower = Int(position.rounded(.down))
            let fraction = position - Double(lower)
            results[group] =
                fraction == 0
                ? values[lower] : values[lower] + fraction * (values[lower + 1] - values[lower])
            valid[group] = true
        }
        return Column(storage: .double(results), validity: Validity(valid))
    }

    private func extreme(_ column: Column, largest: Bool) -> Column {
        let ranks = ValueOrder.rowRanks(of: column).ranks
        var chosen = [Int](repeating: -1, count: groupCount)
        for (row, id) in groupIds.enumerated() where !column.isNull(row) {
            let current = chosen[Int(id)]
            if current < 0 || (largest ? ranks[row] > ranks[current] : ranks[row] < ranks[current]) {
                chosen[Int(id)] = row
            }
        }
        return column.gathered(chosen, fill: .null)
    }
}

extension Table {
    /// The table grouped by the values of `columns`, for ``GroupedTable/aggregate(_:)``.
    ///
    /// - Throws: ``TableError`` `unknownColumn`, or `duplicateColumn` when a key repeats.
    /// - Complexity: O(rows × keys), hashing dictionary codes and raw values, never boxed cells.
    public func groupBy(_ columns: [String]) throws -> GroupedTable {
        try GroupedTable(table: self, keys: columns)
    }

    /// The number of rows for each combination of `columns`, in a column `n`:
    /// `groupBy(columns).aggregate([("n", .count())])`.
    ///
    /// - Throws: ``TableError`` `unknownColumn`, or `duplicateColumn` when a key is called `n`.
    /// - Complexity: O(rows × keys).
    public func count(_ columns: [String]) throws -> Table {
        try groupBy(columns).aggregate([("n", .count())])
    }
}
