/// How ``CSVWriter`` writes: the dialect, the Excel profile and the text for null.
public struct CSVWriteOptions: Sendable {
    /// The delimiter, quote and line ending.
    public var dialect: CSVDialect
    /// The Excel profile, in one switch: a UTF-8 byte order mark (so Excel does
    /// not read the text as the local code page), CRLF line endings, text cells
    /// starting with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` against
    /// formula injection (OWASP's advice), and code-like text (`007`, or more
    /// than 15 digits) written as the formula `="007"`. Numeric columns are
    /// never touched.
    ///
    /// `="007"` is the one spelling Excel honours on opening a CSV: it evaluates
    /// the formula to the text 007, where a plain `007` or a quoted `"007"` would
    /// become the number 7 (and a 17-digit ID a rounded 1.2E+16). A leading `'`
    /// or tab would stay visible in the cell instead. It is safe to emit because
    /// the formula holds digits only. The cost is that other tools read the
    /// formula as text, so the profile is for files meant for Excel, and a file
    /// written with it does not read back unchanged.
    public var excel: Bool
    /// The text written for null; empty by default, which ``CSVReader`` reads
    /// back as null, as it does any text in ``CSVReadOptions/nullTokens``.
    ///
    /// A text value that would read back the same, the empty string or this
    /// text, is quoted, so that null and text stay apart (as DuckDB writes them).
    /// The null text itself is quoted only when it holds the delimiter, the
    /// quote, a CR or an LF, so that the line keeps its fields, and it never
    /// gets the Excel guards: it comes from the caller, not from the data.
    public var nullText: String

    /// Options with the given values; the defaults write plain RFC 4180 CSV with LF.
    public init(dialect: CSVDialect = .csv, excel: Bool = false, nullText: String = "") {
        self.dialect = dialect
        self.excel = excel
        self.nullText = nullText
    }
}

/// Writes a ``Table`` as CSV (or TSV), following RFC 4180.
///
/// A header line names the columns; every record, the last included, ends
/// with the line ending. A null is an empty field (or the
/// ``CSVWriteOptions/nullText``) and the empty string is `""`, which is how
/// ``CSVReader`` tells them apart. A field is quoted when it holds the
/// delimiter, the quote, a CR or an LF, and its quotes are doubled.
/// Doubles are written in their shortest round-trip form (``Cell/format(_:)``),
/// dates as `YYYY-MM-DD`, bools as `true` and `false`. A table with no columns
/// is written as no bytes at all.
///
/// For example:
/// ```swift
/// try CSVWriter(options: CSVWriteOptions(excel: true)).writeCSV(table, to: "out/compliance.csv")
/// ```
public struct CSVWriter: Sendable {
    /// How to write.
    public var options: CSVWriteOptions

    /// A writer with the given options.
    public init(options: CSVWriteOptions = CSVWriteOptions()) {
        self.options = options
    }

    /// The table as CSV bytes.
    /// - Complexity: O(rows × columns).
    public func csvBytes(_ table: Table) -> [UInt8] {
        var all: [UInt8] = []
        encode(table, flushEvery: .max) { all.append(contentsOf: $0) }
        return all
    }

    /// Writes the table to `path` atomically (see ``AtomicFile``), a megabyte at a time.
    /// - Throws: ``FileError`` when the file cannot be created, written or moved into place;
    ///   the target is then left as it was.
    /// - Complexity: O(rows × columns).
    public func writeCSV(_ table: Table, to path: String) throws {
        try AtomicFile.write(to: path) { output in
            try encode(table, flushEvery: 1 << 20) { chunk in try output.write(chunk) }
        }
    }

    /// Encodes the table, handing the bytes to `flush` whenever `flushEvery` have
    /// built up; a flush always ends at the end of a line.
    func encode(_ table: Table, flushEvery: Int, _ flush: ([UInt8]) throws -> Void) rethrows {
        guard !table.columns.isEmpty else { return }
        let encoder = FieldEncoder(options: options)
        var out: [UInt8] = []
        out.reserveCapacity(min(flushEvery, 1 << 20) + 4096)
        if options.excel { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for (index, name) in table.columnNames.enumerated() {
            if index > 0 { out.append(encoder.delimiter) }
            encoder.append(Array(name.utf8), as: .name, to: &out)
        }
        out.append(contentsOf: encoder.lineEnding)
        let cells = table.columns.map { encoder.prepare($0) }
        for row in 0..<table.rowCount {
            for (index, column) in table.columns.enumerated() {
                if index > 0 { out.append(encoder.delimiter) }
                encoder.append(row, of: column, prepared: cells[index], to: &out)
            }
            out.append(contentsOf: encoder.lineEnding)
            if out.count >= flushEvery {
                try flush(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { try flush(out) }
    }
}
