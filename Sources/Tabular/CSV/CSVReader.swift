/// Reads CSV (or TSV) into a ``Table``, typing each column as it goes.
///
/// The reader follows RFC 4180: quoted fields, doubled quotes, line breaks
/// inside quotes, and LF, CRLF or CR line endings. It takes UTF-8 with or
/// without a byte order mark, and refuses anything else with an error that
/// says what the file seems to be. It works on bytes in one pass, straight into
/// typed columns: text is hashed where it lies into a per-column dictionary,
/// and numbers and dates are parsed in place. A large input is cut into one
/// chunk per processor and the chunks are read at once, each on its own
/// thread; the table is the same, byte for byte, as one thread reads (see
/// ``CSVReadOptions/threads``).
///
/// Types come from ``CSVReadOptions/schema`` where it names a column, and are
/// inferred otherwise:
/// - int: every value a whole number of at most 15 digits, without a leading
///   zero (a double holds these exactly, so the column can widen to float);
/// - float: numbers with a fraction or exponent (`NaN` and `inf` stay text unless
///   a schema says float);
/// - bool: `true` and `false` in any case; date: ISO `YYYY-MM-DD`;
/// - string: anything else, and code-like values: `007`, IDs longer than 15
///   digits, and columns whose name says they hold keys (see the inference report).
///
/// For example:
/// ```swift
/// let result = try CSVReader().readCSV(path: "progress.csv")
/// print(result.inferenceReport)   // period: string (text, from '2013Q1' on line 2) …
/// ```
///
/// An empty input (no bytes, or only a byte order mark) gives a table with no
/// columns and no rows rather than an error: "nothing yet" is a normal state of
/// a workspace file. A header with no rows gives typed-as-string empty columns.
public struct CSVReader: Sendable {
    /// How to read.
    public var options: CSVReadOptions

    /// A reader with the given options.
    public init(options: CSVReadOptions = CSVReadOptions()) {
        self.options = options
    }

    /// Reads the file at `path`, a few megabytes at a time.
    ///
    /// - Throws: ``FileError`` when the file cannot be opened or read;
    ///   ``CSVErrors`` listing every problem (up to 100) when the input is not
    ///   UTF-8, has a bad header, ragged or malformed records, or values that do
    ///   not fit the schema (those last three go to the rejects table instead
    ///   when ``CSVReadOptions/rejects`` is on).
    /// - Complexity: O(n) in the input's size, plus a second pass over the
    ///   rows before a column widened to text, when one did.
    public func readCSV(path: String) throws -> CSVReadResult {
        let window = try ByteWindow(path: path)
        return try CSVLoad(window: window, options: options).run()
    }

    /// Reads CSV held in memory; `source` names it in errors.
    ///
    /// - Throws: ``CSVErrors``, as ``readCSV(path:)``.
    /// - Complexity: O(n) in the input's size.
    public func readCSV(bytes: UnsafeRawBufferPointer, source: String) throws -> CSVReadResult {
        try CSVLoad(window: ByteWindow(memory: bytes, name: source), options: options).run()
    }

    /// Reads CSV held in memory; `source` names it in errors.
    ///
    /// - Throws: ``CSVErrors``, as ``readCSV(path:)``.
    /// - Complexity: O(n) in the input's size.
    public func readCSV(bytes: [UInt8], source: String) throws -> CSVReadResult {
        try bytes.withUnsafeBytes { try readCSV(bytes: $0, source: source) }
    }

    /// Reads CSV text; `source` names it in errors.
    ///
    /// - Throws: ``CSVErrors``, as ``readCSV(path:)``.
    /// - Complexity: O(n) in the text's size.
    public func readCSV(text: String, source: String) throws -> CSVReadResult {
        try readCSV(bytes: Array(text.utf8), source: source)
    }
}
