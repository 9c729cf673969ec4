extension Table {
    /// The table with a row for every combination of the distinct values of
    /// `columns`, adding the missing ones.
    ///
    /// Rows come in combination order: the first column varies slowest, and each
    /// column's values come in order of first appearance (null, when present, is a
    /// value like any other); rows sharing a combination keep their input order.
    /// An added row holds null in the other columns, or the value `fill` gives for
    /// that column; `fill` does not touch the nulls of existing rows.
    ///
    /// For example:
    /// ```swift
    /// // every province reports every quarter, zero where nothing was reported
    /// let full = try reports.complete(["province", "period"], fill: [("count", .int(0))])
    /// ```
    /// - Throws: ``TableError`` `unknownColumn`; `duplicateColumn` for a repeated key;
    ///   `typeMismatch` for a fill value that does not fit its column; `invalidArgument`
    ///   for a fill on a key column or more than 100,000,000 combinations.
    /// - Complexity: O(rows × keys + combinations).
    public func complete(_ columns: [String], fill: [(column: String, value: Cell)] = []) throws
        -> Table
    {
        let keyIndices = try distinctColumnIndices(columns)
        var fills = [Cell](repeating: .null, count: self.columns.count)
        for (name, value) in fill {
            let index = try columnIndex(name)
            guard !keyIndices.contains(index) else {
                throw TableError.invalidArgument("complete cannot fill key column '\(name)'")
            }
            try Column.checkFill(value, fits: schema.fields[index].type, column: name)
            fills[index] = value
        }
        guard !keyIndices.isEmpty else { return self }
        let codes = keyIndices.map { ColumnCodes(self.columns[$0]) }
        var combinations = 1
        for code in codes {
            let (product, overflow) = combinations.multipliedReportingOverflow(by: code.count)
            guard !overflow, product <= 100_000_000 else {
                throw TableError.invalidArgument(
                    "complete expected at most 100000000 combinations of "
                        + columns.map { "'\($0)'" }.joined(separator: ", ") + ", found more")
            }
            combinations = product
        }
        var comboOfRow = [UInt32](repeating: 0, count: rowCount)
        for row in 0..<rowCount {
            var combo = 0
            for code in codes { combo = combo * code.count + Int(code.codes[row]) }
            comboOfRow[row] = UInt32(combo)
        }
        let (offsets, rowsOfCombo) = RowKeys.rowsByKey(comboOfRow, count: combinations)
        let firstRows = codes.map { $0.firstRows() }
        var outRows: [Int] = []
        var keyRows = [[Int]](repeating: [], count: codes.count)
        for combo in 0..<combinations {
            let existing = rowsOfCombo[offsets[combo]..<offsets[combo + 1]]
            if existing.isEmpty {
                outRows.append(-1)
                var rest = combo
                for k in codes.indices.reversed() {
                    keyRows[k].append(firstRows[k][rest % codes[k].count])
                    rest /= codes[k].count
                }
            } else {
                outRows.append(contentsOf: existing)
                for k in codes.indices { keyRows[k].append(contentsOf: existing) }
            }
        }
        let result = self.columns.indices.map { index in
            if let k = keyIndices.firstIndex(of: index) {
                return self.columns[index].gathered(keyRows[k])
            }
            return self.columns[index].gathered(outRows, fill: fills[index])
        }
        return Table(unchecked: schema, result, rowCount: outRows.count)
    }
}
