/// Turns values into CSV fields: quoting, and the Excel profile's guards.
struct FieldEncoder {
    let delimiter: UInt8
    let quote: UInt8
    let lineEnding: [UInt8]
    let excel: Bool
    let nullText: [UInt8]
    /// The field a null is written as: the null text, encoded once.
    private(set) var nullField: [UInt8] = []

    init(options: CSVWriteOptions) {
        delimiter = options.dialect.delimiter
        quote = options.dialect.quote
        excel = options.excel
        lineEnding = options.excel || options.dialect.lineEnding == .crlf ? [13, 10] : [10]
        nullText = Array(options.nullText.utf8)
        var field: [UInt8] = []
        append(nullText, as: .plain, to: &field)
        nullField = field
    }

    /// What a field holds, which decides the guards it gets.
    enum Content {
        /// A number, bool or date, or the null text: no guards, quoted only for a special byte.
        case plain
        /// A column name: text, but never null, so only the empty name is quoted,
        /// which keeps the header of one unnamed column from being a blank line.
        case name
        /// A text value: quoted also when it would read back as null.
        case text
    }

    /// A text column's dictionary values, encoded once each instead of once per row.
    enum Prepared {
        case none
        case dictionary([[UInt8]])
    }

    func prepare(_ column: Column) -> Prepared {
        guard case .string(.dictionary(_, let values)) = column.storage else { return .none }
        return .dictionary(
            values.map { value in
                var bytes: [UInt8] = []
                append(Array(value.utf8), as: .text, to: &bytes)
                return bytes
            })
    }

    /// Appends the field for a row, the null field when the row is null.
    func append(_ row: Int, of column: Column, prepared: Prepared, to out: inout [UInt8]) {
        guard column.validity.isValid(row) else { return out.append(contentsOf: nullField) }
        switch column.storage {
        case .int64(let values): append(Array(String(values[row]).utf8), as: .plain, to: &out)
        case .double(let values): append(Array(Cell.format(values[row]).utf8), as: .plain, to: &out)
        case .bool(let values): append(Array((values[row] ? "true" : "false").utf8), as: .plain, to: &out)
        case .date(let values): append(Array(values[row].description.utf8), as: .plain, to: &out)
        case .string(let strings):
            if case .dictionary(let encoded) = prepared, case .dictionary(let codes, _) = strings {
                out.append(contentsOf: encoded[Int(codes[row])])
            } else {
                append(Array(strings[row].utf8), as: .text, to: &out)
            }
        }
    }

    /// Appends one field. Names and text get the Excel guards when the profile
    /// is on, and text that would read back as null (the empty string, or the
    /// null text) is quoted so that it does not.
    func append(_ bytes: [UInt8], as content: Content, to out: inout [UInt8]) {
        guard content != .plain else { return appendField(bytes, forceQuotes: false, to: &out) }
        if excel && FieldEncoder.isCodeLike(bytes) {
            out.append(contentsOf: [quote, UInt8(ascii: "="), quote, quote])
            out.append(contentsOf: bytes)
            out.append(contentsOf: [quote, quote, quote])
            return
        }
        var field = bytes
        if excel, let first = bytes.first, FieldEncoder.formulaStarts.contains(first) {
            field.insert(UInt8(ascii: "'"), at: 0)
        }
        let readsAsNull = field.isEmpty || (content == .text && field == nullText)
        appendField(field, forceQuotes: readsAsNull, to: &out)
    }

    /// Appends `field` as RFC 4180 has it: quoted, with its quotes doubled, when
    /// `forceQuotes` or when it holds the delimiter, the quote, a CR or an LF.
    private func appendField(_ field: [UInt8], forceQuotes: Bool, to out: inout [UInt8]) {
        let special = field.contains { $0 == delimiter || $0 == quote || $0 == 10 || $0 == 13 }
        guard forceQuotes || special else {
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
