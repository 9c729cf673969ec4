/// Writes a table as JSON (RFC 8259): an array of objects, or one object per
/// line (NDJSON).
///
/// Keys follow column order. Integers are written digit for digit, so 64-bit
/// values stay exact (readers that parse numbers as doubles may still round
/// them). Doubles use their shortest round-trip form; NaN and the infinities,
/// which JSON cannot express, become `null`. Dates are `"YYYY-MM-DD"` strings.
/// Strings escape `"`, `\` and control characters and keep all other text as UTF-8.
///
/// ```text
/// [
///   {"province":"北京","plans":3},
///   {"province":null,"plans":12}
/// ]
/// ```
struct JSONFormat {
    /// `true` for NDJSON: no enclosing array, one object per line.
    let delimited: Bool

    /// Rows are converted in blocks so memory stays bounded on large tables
    /// while the per-value work still runs column by column.
    private static let blockSize = 4096

    func write<Target: TextOutputStream>(_ table: Table, to target: inout Target) {
        if !delimited && table.rowCount == 0 {
            target.write("[]\n")
            return
        }
        if !delimited { target.write("[\n") }
        let keys = table.columnNames.map { JSONFormat.quoted($0) + ":" }
        var start = 0
        while start < table.rowCount {
            let rows = start..<min(start + JSONFormat.blockSize, table.rowCount)
            let values = table.columns.map { JSONFormat.literals($0, rows: rows) }
            for row in 0..<rows.count {
                var object = delimited ? "{" : "  {"
                for column in keys.indices {
                    if column > 0 { object += "," }
                    object += keys[column] + values[column][row]
                }
                let last = rows.lowerBound + row == table.rowCount - 1
                object += delimited || last ? "}\n" : "},\n"
                target.write(object)
            }
            start = rows.upperBound
        }
        if !delimited { target.write("]\n") }
    }

    /// The JSON literal of each row in `rows`.
    private static func literals(_ column: Column, rows: Range<Int>) -> [String] {
        let validity = column.validity
        switch column.storage {
        case .int64(let values):
            return rows.map { validity.isValid($0) ? String(values[$0]) : "null" }
        case .double(let values):
            return rows.map {
                validity.isValid($0) && values[$0].isFinite
                    ? Cell.format(values[$0]) : "null"
            }
        case .string(let values):
            return rows.map { validity.isValid($0) ? quoted(values[$0]) : "null" }
        case .bool(let values):
            return rows.map { validity.isValid($0) ? (values[$0] ? "true" : "false") : "null" }
        case .date(let values):
            return rows.map { validity.isValid($0) ? "\"\(values[$0])\"" : "null" }
        }
    }

    /// `text` as a JSON string (see ``jsonQuoted(_:)``).
    static func quoted(_ text: String) -> String { jsonQuoted(text) }
}

/// `text` as a JSON string literal (RFC 8259): quoted, with `"`, `\` and U+0000–U+001F
/// escaped, everything else kept as UTF-8. Shared by the JSON renderers and other JSON writers.
public func jsonQuoted(_ text: String) -> String {
    let needsEscape = text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    guard needsEscape else { return "\"" + text + "\"" }
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{08}": result += "\\b"
        case "\u{0C}": result += "\\f"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
