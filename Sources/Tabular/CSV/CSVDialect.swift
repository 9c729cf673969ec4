/// How a delimited text file is spelled: its delimiter, quote and line ending.
///
/// CSV and TSV come from the same reader and writer; only the dialect differs.
/// Both follow RFC 4180's quoting: a field holding the delimiter, the quote, a
/// CR or an LF is wrapped in quotes and its quotes doubled. TSV escapes tabs
/// and line breaks inside fields the same way, by quoting, as Excel and
/// Python's `excel-tab` do, rather than with backslash escapes: one rule for
/// both dialects, and a TSV written here opens correctly in a spreadsheet.
///
/// On reading, the line ending is not consulted: LF, CRLF and a lone CR all end
/// a record.
public struct CSVDialect: Sendable, Hashable {
    /// The line ending the writer uses.
    public enum LineEnding: Sendable, Hashable {
        /// `\n`.
        case lf
        /// `\r\n`, as RFC 4180 and Excel have it.
        case crlf
    }

    /// The byte between fields.
    public let delimiter: UInt8
    /// The byte that wraps a field.
    public let quote: UInt8
    /// The line ending the writer uses.
    public let lineEnding: LineEnding

    /// Comma-separated values with LF line endings.
    public static let csv = CSVDialect(checkedDelimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""), .lf)
    /// Tab-separated values with LF line endings.
    public static let tsv = CSVDialect(checkedDelimiter: UInt8(ascii: "\t"), quote: UInt8(ascii: "\""), .lf)

    /// A dialect with any ASCII delimiter and quote.
    /// - Throws: ``TableError`` `invalidArgument` when either is not one ASCII
    ///   character, when they are equal, or when one is a CR or LF.
    public init(delimiter: Character, quote: Character = "\"", lineEnding: LineEnding = .lf) throws {
        guard let d = delimiter.asciiValue, let q = quote.asciiValue, d != q,
            ![d, q].contains(where: { $0 == 10 || $0 == 13 })
        else {
            throw TableError.invalidArgument(
                "expected a delimiter and a quote that are two different ASCII characters other than CR and LF, "
                    + "found '\(delimiter)' and '\(quote)'")
        }
        self.init(checkedDelimiter: d, quote: q, lineEnding)
    }

    private init(checkedDelimiter: UInt8, quote: UInt8, _ lineEnding: LineEnding) {
        self.delimiter = checkedDelimiter
        self.quote = quote
        self.lineEnding = lineEnding
    }

    /// The same dialect with another line ending.
    public func with(lineEnding: LineEnding) -> CSVDialect {
        CSVDialect(checkedDelimiter: delimiter, quote: quote, lineEnding)
    }
}
