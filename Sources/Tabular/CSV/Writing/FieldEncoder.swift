/// Turns values into CSV fields: quoting, and the Excel profile's guards.
struct FieldEncoder {
    let delimiter: UInt8
    let quote: UInt8
    let lineEnding: [UInt8]
    let excel: Bool

    init(options: CSVWriteOptions) {
        delimiter = options.dialect.delimiter
        quote = options.dialect.quote
        excel = options.excel
        lineEnding = options.excel || options.dialect.lineEnding == .crlf ? [13, 10] : [10]
    }

    /// A text column's dictionary values, encoded once each instead of once per row.
    enum Prepared {
        case none
        case dictionary([[UInt8]])
    }

    func prepare(_ column: Column) -> Prepared {
        guard case .string(.dictionary(_, let values)) = column.storage else { return .none }
        return .dictionary(values.map { value in
            var bytes: [UInt8] = []
            append(Array(value.utf8), isText: true, to: &bytes)
            return bytes
        })
    }

    /// Appends the field for a non-null row.
    func append(_ row: Int, of column: Column, prepared: Prepared, to out: inout [UInt8]) {
        switch column.storage {
        case .int64(let values): append(Array(String(values[row]).utf8), isText: false, to: &out)
        case .double(let values): append(Array(Cell.format(values[row]).utf8), isText: false, to: &out)
        case .bool(let values): append(Array((values[row] ? "true" : "false").utf8), isText: false, to: &out)
        case .date(let values): append(Array(values[row].description.utf8), isText: false, to: &out)
        case .string(let strings):
            if case .dictionary(let encoded) = prepared, case .dictionary(let codes, _) = strings {
                out.append(contentsOf: encoded[Int(codes[row])])
            } else {
                append(Array(strings[row].utf8), isText: true, to: &out)
            }
        }
    }

    /// Appends one field. Text gets the Excel guards when the profile is on,
    /// and the empty string is written `""` so that it is not read back as null.
    func append(_ bytes: [UInt8], isText: Bool, to out: inout [UInt8]) {
        if isText && excel && FieldEncoder.isCodeLike(bytes) {
            out.append(contentsOf: [quote, UInt8(ascii: "="), quote, quote])
            out.append(contentsOf: bytes)
            out.append(contentsOf: [quote, quote, quote])
            return
        }
        var field = bytes
        if isText && excel, let first = bytes.first, FieldEncoder.formulaStarts.contains(first) {
            field.insert(UInt8(ascii: "'"), at: 0)
        }
        let needsQuotes = (isText && field.isEmpty)
            || field.contains { $0 == delimiter || $0 == quote || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            out.append(contentsOf: field)
            return
        }
        out.append(quote)
        for byte in field {
            if byte == quote { out.append(quote) }
            out.append(byte)
        }
        out.append(quote)
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    private static let formulaStarts: [UInt8] = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13,
    ]

    /// Digits only, with a leading zero or more than 15 of them: text Excel would turn into a number.
    static func isCodeLike(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 1, bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return false }
        return bytes[0] == UInt8(ascii: "0") || bytes.count > 15
    }
}
