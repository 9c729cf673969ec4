/// Writes a table as delimited text: CSV (RFC 4180) or, with a tab, TSV.
///
/// A header row of column names comes first; lines end in `\n`. A field is
/// quoted when it holds the separator, a quote, CR or LF, with quotes doubled.
/// Null is written as the null text (empty by default), and a string that
/// would read back as null, such as the empty string, is quoted (`""`), so null
/// and "" stay apart, as DuckDB writes them. Numbers are written exactly, with
/// no thousands separators.
struct DelimitedFormat {
    let separator: Character
    let options: RenderOptions

    /// Rows are converted in blocks so memory stays bounded on large tables
    /// while the per-value work still runs column by column.
    private static let blockSize = 4096

    func write<Target: TextOutputStream>(_ table: Table, to target: inout Target) {
        let nullText = options.nullText ?? ""
        target.write(
            table.columnNames.map { quoted($0, nullText: nil) }
                .joined(separator: String(separator)) + "\n")
        guard !table.columns.isEmpty else { return }
        var start = 0
        while start < table.rowCount {
            let rows = start..<min(start + DelimitedFormat.blockSize, table.rowCount)
            let fields = table.columns.map { column in
                ColumnText.plain(column, rows: rows).map { text in
                    guard let text else { return nullText }
                    return column.type == .string ? quoted(text, nullText: nullText) : text
                }
            }
            for row in 0..<rows.count {
                var line = ""
                for column in fields.indices {
                    if column > 0 { line.append(separator) }
                    line += fields[column][row]
                }
                target.write(line + "\n")
            }
            start = rows.upperBound
        }
    }

    /// `field` quoted when it needs to be: when it holds a character special to
    /// the format, or reads the same as null.
    private func quoted(_ field: String, nullText: String?) -> String {
        let needsQuotes =
            field == nullText || field.isEmpty
            || field.utf8.contains { byte in
                byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\r")
                    || byte == separator.asciiValue
            }
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
