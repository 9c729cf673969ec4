extension Table {
    /// The first `count` rows (all of them when there are fewer).
    ///
    /// - Throws: ``TableError`` `invalidArgument` for a negative count.
    /// - Complexity: O(`count` × columns).
    public func limit(_ count: Int) throws -> Table {
        guard count >= 0 else {
            throw TableError.invalidArgument("limit expects a count of 0 or more, got \(count)")
        }
        return count >= rowCount ? self : gathered(0..<count)
    }

    /// The distinct combinations of `columns`, in order of first appearance,
    /// with those columns only; with no columns, the distinct rows of the whole table.
    ///
    /// Values compare as in ``groupBy(_:)``: null equals null, NaN equals NaN.
    /// - Throws: ``TableError`` `unknownColumn`, or `duplicateColumn` when a name repeats.
    /// - Complexity: O(rows × columns).
    public func distinct(_ columns: [String] = []) throws -> Table {
        let selected = columns.isEmpty ? self : try select(columns)
        let keys = RowKeys(selected.columns, rowCount: rowCount)
        let firstRows = keys.firstRows()
        return firstRows.count == rowCount ? selected : selected.gathered(firstRows)
    }
}
