/// How a table is rendered: eliding, colour, width and the text shown for null.
///
/// The library never looks at the terminal or the environment. The caller decides:
/// the command-line tool sets ``elide`` and ``maxWidth`` only when standard output
/// is a terminal, and ``colour`` only when it is a terminal and `NO_COLOR` is unset.
/// The defaults render everything, plainly, which is what files and pipes get.
///
/// For example:
/// ```swift
/// let options = RenderOptions.terminal(width: 100, colour: false)
/// print(render(table, as: .box, options: options), terminator: "")
/// ```
public struct RenderOptions: Sendable, Hashable {
    /// Whether the box format may leave rows, columns and long values out to fit a screen.
    ///
    /// When `false`, every format shows every row, every column and every value whole.
    public var elide: Bool
    /// When eliding, the number of rows shown: the first and last halves.
    ///
    /// Tables up to `maxRows + 3` rows are shown whole, because the "…" row and
    /// the footer would take nearly the lines they save (DuckDB's rule).
    public var maxRows: Int
    /// When eliding, the widest a box may be in terminal columns; `nil` for no limit.
    public var maxWidth: Int?
    /// When eliding, the widest a box column may be; longer values end in "…".
    public var maxColumnWidth: Int
    /// Whether the box format may use ANSI colour: bold names, dim types and nulls.
    public var colour: Bool
    /// The text shown for null, or `nil` for the format's own: `NULL` in box and line,
    /// empty in csv, tsv and markdown. JSON always writes `null`.
    public var nullText: String?
    /// A line printed above the box; other formats ignore it, so data files stay data.
    public var title: String?

    /// Options with every limit given; the defaults render everything, plainly.
    public init(
        elide: Bool = false, maxRows: Int = 40, maxWidth: Int? = nil, maxColumnWidth: Int = 40,
        colour: Bool = false, nullText: String? = nil, title: String? = nil
    ) {
        self.elide = elide
        self.maxRows = maxRows
        self.maxWidth = maxWidth
        self.maxColumnWidth = maxColumnWidth
        self.colour = colour
        self.nullText = nullText
        self.title = title
    }

    /// Options for a terminal `width` columns wide (`nil` when unknown): elision on.
    ///
    /// Pass `colour: true` only when `NO_COLOR` is unset.
    public static func terminal(width: Int?, colour: Bool) -> RenderOptions {
        RenderOptions(elide: true, maxWidth: width, colour: colour)
    }
}
