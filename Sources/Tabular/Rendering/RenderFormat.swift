/// A way to render a table as text: a box for people, or a data format for other tools.
///
/// The names are the ones users type (`--format markdown`, `show(t, "markdown")`).
///
/// ## Topics
/// - ``box``, ``csv``, ``tsv``, ``json``, ``ndjson``, ``markdown``, ``line``
/// - ``init(name:)``, ``name``, ``names``
public enum RenderFormat: Sendable, Hashable, CaseIterable {
    /// A Unicode box with column types under the names; the only format that
    /// elides and colours, and then only when ``RenderOptions`` says so.
    case box
    /// Comma-separated values (RFC 4180), with a header row.
    case csv
    /// Tab-separated values, quoted as in CSV, with a header row.
    case tsv
    /// A JSON array of objects, one per row, keys in column order.
    case json
    /// Newline-delimited JSON: one object per line.
    case ndjson
    /// A GitHub-flavoured Markdown table, numeric columns right-aligned.
    case markdown
    /// One `name = value` line per field, a blank line between rows (DuckDB's `.mode line`).
    case line

    /// The format called `name`, or `nil` when there is none (names are lowercase).
    public init?(name: String) {
        guard let format = RenderFormat.allCases.first(where: { $0.name == name }) else {
            return nil
        }
        self = format
    }

    /// The name users type for this format.
    public var name: String {
        switch self {
        case .box: return "box"
        case .csv: return "csv"
        case .tsv: return "tsv"
        case .json: return "json"
        case .ndjson: return "ndjson"
        case .markdown: return "markdown"
        case .line: return "line"
        }
    }

    /// Every format's name, in declaration order (for help text and error messages).
    public static var names: [String] { allCases.map(\.name) }
}
