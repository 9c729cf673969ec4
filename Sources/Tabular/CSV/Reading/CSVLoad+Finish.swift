extension CSVLoad {
    /// Scans the data again, as far as needed, to give columns that widened to
    /// text the text of their earlier rows.
    ///
    /// The scan repeats the first one's decisions exactly: blank lines and
    /// rejected records are skipped, so row numbers line up.
    func backfill() throws {
        let needing = columns.indices.filter { columns[$0].backfillRows > 0 }
        guard let last = needing.map({ columns[$0].backfillRows }).max() else { return }
        position = try window.rewind(to: dataStart)
        scanner.restart(atLine: dataLine)
        let rejectedOrdinals = rejected.ordinals
        var nextRejected = 0
        var ordinal = 0
        var row = 0
        let width = columns.count
        while row < last, try nextRecord(validating: false) {
            ordinal += 1
            if scanner.fields.count == 1 && width > 1 && scanner.fields[0].count == 0 && !scanner.fields[0].quoted {
                continue
            }
            if nextRejected < rejectedOrdinals.count && rejectedOrdinals[nextRejected] == ordinal {
                nextRejected += 1
                continue
            }
            for index in needing where columns[index].backfillRows > row {
                let field = scanner.fields[index]
                let isNull = isNullToken(field)
                withBytes(field, scanner) {
                    columns[index].backfill(row: row, $0, $1, quoted: field.quoted, isNullToken: isNull)
                }
            }
            row += 1
        }
    }

    /// The table, the rejects and the inference report.
    func result() -> CSVReadResult {
        var fields: [Schema.Field] = []
        var built: [Column] = []
        var inference: [InferredColumn] = []
        for (index, var column) in columns.enumerated() where modes[index] != .skipped {
            let finished = column.finish()
            built.append(finished)
            fields.append(Schema.Field(name: column.name, type: finished.type))
            inference.append(
                InferredColumn(
                    name: column.name, type: finished.type,
                    reason: column.reason.words(column: column.name)))
        }
        let table = Table(unchecked: Schema(fields), built, rowCount: rows)
        return CSVReadResult(table: table, rejects: options.rejects ? rejected.table() : nil, inference: inference)
    }

    /// The result for an input with no records: no columns, no rows.
    func emptyResult() -> CSVReadResult {
        options.progress?(window.totalBytes, window.totalBytes)
        return CSVReadResult(
            table: Table(empty: Schema([])), rejects: options.rejects ? rejected.table() : nil,
            inference: [])
    }
}
