extension Table {
    /// The table with a totals row appended: each int or float column holds its
    /// sum (null when it has no value), the first text column holds `label`, and
    /// every other column is null.
    ///
    /// Sums follow ``Aggregate/sum(_:)``: an int column's total is an int.
    /// - Throws: ``TableError`` `invalidArgument` when an int total overflows.
    /// - Complexity: O(rows × columns).
    public func totals(label: String = "Total") throws -> Table {
        let whole = try groupBy([])
        var labelled = false
        var result: [Column] = []
        let rows = Array(0..<rowCount) + [-1]
        for (field, column) in zip(schema.fields, columns) {
            var total = Cell.null
            if field.type.isNumeric {
                total = try whole.aggregate([(field.name, .sum(field.name))]).columns[0][0]
            } else if field.type == .string, !labelled {
                total = .string(label)
                labelled = true
            }
            result.append(column.gathered(rows, fill: total))
        }
        return Table(unchecked: schema, result, rowCount: rowCount + 1)
    }
}
