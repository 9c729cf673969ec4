/// How ``CSVReader`` reads: the dialect, the types it must use, what counts as
/// null, whether bad rows are set aside, and whom to tell about progress.
///
/// Null and the empty string stay apart: an empty unquoted field is null, and a
/// quoted empty field (`""`) is the empty string in a text column (in a column
/// of any other type it is null too). A field equal to one of ``nullTokens``
/// is null only when unquoted, so `"NA"` can still be the text NA.
public struct CSVReadOptions: Sendable {
    /// The delimiter and quote.
    public var dialect: CSVDialect
    /// Types fixed by name (from a workspace manifest, or an earlier read's
    /// ``CSVReadResult/inferred``). Every column it names must be in the header;
    /// columns it does not name are inferred.
    public var schema: Schema?
    /// Unquoted texts read as null, such as `NA`.
    public var nullTokens: [String]
    /// Whether bad rows go to ``CSVReadResult/rejects`` instead of failing the read.
    public var rejects: Bool
    /// The columns to keep, or `nil` for all. Others are still scanned (every record's
    /// shape is checked) but never parsed or stored, like pandas' `usecols`; kept
    /// columns stay in file order. Every name must be in the header.
    public var columns: [String]?
    /// How many threads read the data. `nil` (the default) uses one per
    /// processor, each with at least 8 MB of the input, so small inputs are read
    /// on one thread; a number cuts the data into exactly that many chunks.
    /// The table is the same, byte for byte, whatever the number.
    public var threads: Int?
    /// Called with the bytes read so far and the input's size, at most about
    /// ten times a second and once at the end, so a caller can show progress.
    public var progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)?

    /// Options with the given values; the defaults read RFC 4180 CSV and infer every type.
    public init(
        dialect: CSVDialect = .csv, schema: Schema? = nil, nullTokens: [String] = [],
        rejects: Bool = false, columns: [String]? = nil, threads: Int? = nil,
        progress: (@Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
    ) {
        self.columns = columns
        self.threads = threads
        self.dialect = dialect
        self.schema = schema
        self.nullTokens = nullTokens
        self.rejects = rejects
        self.progress = progress
    }
}

/// What one read produced: the table, the rows set aside, and what was inferred.
public struct CSVReadResult: Sendable {
    /// The rows read.
    public let table: Table
    /// With the `rejects` option, one row per bad record: `line` and `column`
    /// (int) where the problem is, `message` (string), and `text` (string), the
    /// record as written. `nil` without the option.
    public let rejects: Table?
    /// The type of each column and why, in column order.
    public let inference: [InferredColumn]

    /// The table's schema: pass it as ``CSVReadOptions/schema`` to freeze these types.
    public var inferred: Schema { table.schema }

    /// One line per column: `name: type (reason)`.
    public var inferenceReport: String { inference.map(\.description).joined(separator: "\n") }
}
