/// One problem in a CSV input, located compiler-style.
///
/// The description names `file:line:column`, says what was expected and what
/// was found, and quotes the line on the next line:
/// ```
/// progress.csv:14:7: expected a number in column 'value', found '1,2O0'
///     2013Q1,110000,"1,2O0",40
/// ```
/// Lines are physical lines (a quoted newline starts a new one), counted from 1;
/// columns count characters (Unicode scalars) from 1, so CJK text does not throw
/// them off. All wording lives in the named constructors below.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file path or source name the reader was given.
    public let source: String
    /// The line of the problem, from 1.
    public let line: Int
    /// The column of the problem in characters, from 1.
    public let column: Int
    /// What the reader expected, in words.
    public let expected: String
    /// What it found instead, in words.
    public let found: String
    /// The whole message after the location.
    public let message: String
    /// The line the problem is on, without its line break (empty when not shown).
    public let lineText: String

    /// Creates an error; the named constructors word the common ones.
    public init(
        source: String, line: Int, column: Int, expected: String, found: String,
        message: String? = nil, lineText: String
    ) {
        self.source = source
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
        self.message = message ?? "expected \(expected), found \(found)"
        self.lineText = lineText
    }

    /// `source:line:column: message`, then the line indented by four spaces.
    public var description: String {
        let head = "\(source):\(line):\(column): \(message)"
        return lineText.isEmpty ? head : head + "\n    " + lineText
    }

    /// Where a problem is, as the reader computes it.
    struct Location {
        var source: String
        var line: Int
        var column: Int
        var lineText: String
    }

    private init(_ at: Location, expected: String, found: String, message: String? = nil, quoted: Bool = true) {
        self.init(
            source: at.source, line: at.line, column: at.column, expected: expected, found: found,
            message: message, lineText: quoted ? at.lineText : "")
    }

    // MARK: - Named constructors

    /// A value that does not parse as its column's type (fixed by a schema).
    static func badValue(_ at: Location, column: String, type: ColumnType, value: String) -> CSVError {
        let what: String
        switch type {
        case .int64: what = "an integer"
        case .double: what = "a number"
        case .bool: what = "true or false"
        case .date: what = "a date (YYYY-MM-DD)"
        case .string: what = "text"
        }
        // A well-formed value that is still refused needs the reason, or the message reads as a contradiction.
        let digits = value.utf8.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
        let isWhole = !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let isDateShaped =
            value.utf8.count == 10
            && value.utf8.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7
                    ? byte == UInt8(ascii: "-") : byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            }
        var found = "'\(shown(value))'"
        if type == .int64 && isWhole { found += " (outside the 64-bit integer range)" }
        if type == .date && isDateShaped { found += " (no such date)" }
        return CSVError(at, expected: "\(what) in column '\(column)'", found: found)
    }

    /// A record with too few or too many fields.
    static func fieldCount(_ at: Location, expected: Int, found: Int) -> CSVError {
        CSVError(
            at, expected: "\(expected) \(expected == 1 ? "field" : "fields")",
            found: "\(found)")
    }

    /// Text right after a closing quote (`"ab"c`).
    static func textAfterQuote(_ at: Location, found: String) -> CSVError {
        CSVError(at, expected: "a delimiter or line end after the closing quote", found: "'\(shown(found))'")
    }

    /// A quoted field still open at the end of the input.
    static func unterminatedQuote(_ at: Location) -> CSVError {
        CSVError(at, expected: "a closing quote for the field starting here", found: "the end of the file")
    }

    /// A header field that is empty.
    static func emptyColumnName(_ at: Location) -> CSVError {
        CSVError(at, expected: "a column name", found: "an empty field")
    }

    /// A header naming one column twice.
    static func duplicateColumnName(_ at: Location, name: String, first: Int) -> CSVError {
        CSVError(
            at, expected: "unique column names", found: "'\(shown(name))' again (first in field \(first))",
            message: "duplicate column name '\(shown(name))' (first in field \(first))")
    }

    /// A schema column the header does not have.
    static func missingSelectedColumn(_ at: Location, name: String) -> CSVError {
        CSVError(at, expected: "a column '\(name)' (the read asks for it)", found: "no such column in the header")
    }

    static func missingSchemaColumn(_ at: Location, name: String) -> CSVError {
        CSVError(at, expected: "a column '\(name)' (the schema names it)", found: "no such column in the header")
    }

    /// Bytes that are not UTF-8; GBK/GB18030 gets a conversion hint, since it is
    /// the usual encoding of Chinese files saved by older tools.
    static func notUTF8(_ at: Location, byte: UInt8, looksLikeGBK: Bool) -> CSVError {
        let found = "byte 0x" + String(byte, radix: 16, uppercase: true)
        guard looksLikeGBK else {
            return CSVError(
                at, expected: "UTF-8 text", found: found,
                message: "file is not UTF-8 (invalid \(found))", quoted: false)
        }
        let output = at.source.hasSuffix(".csv") ? String(at.source.dropLast(4)) + ".utf8.csv" : at.source + ".utf8"
        return CSVError(
            at, expected: "UTF-8 text", found: found,
            message: "file is not UTF-8 (it looks like GBK/GB18030); convert it with: "
                + "iconv -f GB18030 -t UTF-8 \(at.source) > \(output)", quoted: false)
    }

    /// A UTF-16 byte order mark.
    static func utf16(_ at: Location) -> CSVError {
        CSVError(
            at, expected: "UTF-8 text", found: "a UTF-16 byte order mark",
            message: "file is UTF-16, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 \(at.source)",
            quoted: false)
    }

    /// A NUL byte, which no text file holds.
    static func nulByte(_ at: Location) -> CSVError {
        CSVError(at, expected: "text", found: "a NUL byte (is this a binary file?)", quoted: false)
    }

    /// A value as shown inside quotes in a message: line breaks and tabs escaped,
    /// and cut after 40 characters.
    static func shown(_ value: String) -> String {
        var text = ""
        var length = 0
        for scalar in value.unicodeScalars {
            if length == 40 { return text + "…" }
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default: text.unicodeScalars.append(scalar)
            }
            length += 1
        }
        return text
    }
}

/// Every problem found in one read of a CSV input, thrown at once.
///
/// The reader keeps going after a problem so that one run lists them all, up to
/// ``limit``. The description lists each problem and ends with a count:
/// `3 errors`, or `100 errors (reading stopped at 100)`.
public struct CSVErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The most problems one read collects before it stops.
    public static let limit = 100

    /// The problems, in the order of the input.
    public let errors: [CSVError]
    /// Whether reading stopped at ``limit`` with input left unread.
    public let truncated: Bool

    /// Wraps the problems of one read.
    public init(_ errors: [CSVError], truncated: Bool = false) {
        self.errors = errors
        self.truncated = truncated
    }

    /// Each problem as ``CSVError/description`` words it, then the count.
    public var description: String {
        var lines = errors.map(\.description)
        var count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        if truncated { count += " (reading stopped at \(CSVErrors.limit))" }
        lines.append(count)
        return lines.joined(separator: "\n")
    }
}
