/// Writes a table as a GitHub-flavoured Markdown pipe table.
///
/// Numeric columns are right-aligned (`---:`), others left as the default.
/// Columns are padded to equal display width so the source reads as a table
/// too. Pipes inside values are escaped (`\|`) and control characters made
/// visible, since a cell cannot span lines; null is written as the null text,
/// empty by default.
///
/// ```text
/// | province | plans |
/// |----------|------:|
/// | 北京     |     3 |
/// ```
struct MarkdownFormat {
    let options: RenderOptions

    func write<Target: TextOutputStream>(_ table: Table, to target: inout Target) {
        guard !table.columns.isEmpty else { return }
        let nullText = options.nullText ?? ""
        let rows = 0..<table.rowCount
        let names = table.columnNames.map(MarkdownFormat.escaped)
        let cells = table.columns.map { column in
            ColumnText.plain(column, rows: rows).map { MarkdownFormat.escaped($0 ?? nullText) }
        }
        let rightAligned = table.schema.fields.map(\.type.isNumeric)
        // GitHub needs at least three characters in a delimiter cell ("---", "--:").
        let widths = names.indices.map { column in
            cells[column].reduce(max(3, DisplayWidth.measure(names[column]))) {
                max($0, DisplayWidth.measure($1))
            }
        }
        func line(_ texts: [String]) -> String {
            var result = "|"
            for (column, text) in texts.enumerated() {
                let padding = String(
                    repeating: " ", count: widths[column] - DisplayWidth.measure(text))
                result += rightAligned[column] ? " \(padding)\(text) |" : " \(text)\(padding) |"
            }
            return result + "\n"
        }
        target.write(line(names))
        let delimiters = widths.indices.map { column in
            rightAligned[column]
                ? String(repeating: "-", count: widths[column] + 1) + ":"
                : String(repeating: "-", count: widths[column] + 2)
        }
        target.write("|" + delimiters.joined(separator: "|") + "|\n")
        for row in rows { target.write(line(cells.map { $0[row] })) }
    }

    /// `text` safe inside a table cell: controls made visible, pipes escaped.
    private static func escaped(_ text: String) -> String {
        let visible = DisplayWidth.escapingControls(text)
        return visible.contains("|") ? visible.replacing("|", with: "\\|") : visible
    }
}
