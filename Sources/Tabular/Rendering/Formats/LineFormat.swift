/// Writes a table one field per line, `name = value`, in the manner of DuckDB's
/// `.mode line`: names right-aligned to the widest, a blank line between rows.
///
/// Suited to wide tables and long values, which a box would cut. Control
/// characters are made visible so each field keeps to its line; null is written
/// as the null text, `NULL` by default.
///
/// ```text
/// province = 北京
///    plans = 3
/// ```
struct LineFormat {
    let options: RenderOptions

    /// Rows are converted in blocks so memory stays bounded on large tables
    /// while the per-value work still runs column by column.
    private static let blockSize = 4096

    func write<Target: TextOutputStream>(_ table: Table, to target: inout Target) {
        guard !table.columns.isEmpty else { return }
        let nullText = DisplayWidth.escapingControls(options.nullText ?? "NULL")
        let names = table.columnNames.map(DisplayWidth.escapingControls)
        let nameWidth = names.map { DisplayWidth.measure($0) }.max() ?? 0
        let labels = names.map {
            String(repeating: " ", count: nameWidth - DisplayWidth.measure($0)) + $0 + " = "
        }
        var start = 0
        while start < table.rowCount {
            let rows = start..<min(start + LineFormat.blockSize, table.rowCount)
            let values = table.columns.map { column in
                ColumnText.plain(column, rows: rows).map {
                    $0.map(DisplayWidth.escapingControls) ?? nullText
                }
            }
            for row in 0..<rows.count {
                var record = rows.lowerBound + row == 0 ? "" : "\n"
                for column in labels.indices {
                    record += labels[column] + values[column][row] + "\n"
                }
                target.write(record)
            }
            start = rows.upperBound
        }
    }
}
