import Tabular

/// How `show` prints tables: the active format and the renderer's options.
public struct OutputSettings: Sendable {
    /// The format `show` uses unless a call says otherwise (the CLI's `--format`).
    public var format: RenderFormat
    /// Eliding, colour and width, decided by the command line from the terminal.
    public var render: RenderOptions
    /// Whether CSV and TSV use the Excel profile (`--excel`); the caller writes the one
    /// byte order mark at the start of the output, so `show` leaves it out.
    public var excel: Bool
    /// The file all output goes to (`--output`), if any: there a second table in csv, tsv
    /// or json is refused, since one file holds one table.
    public var file: String?
    /// How many tables `show` has printed so far, to separate or refuse the next.
    public internal(set) var tablesShown = 0

    /// UTF-8's byte order mark, which the Excel profile puts first so Excel reads UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(
        format: RenderFormat = .box, render: RenderOptions = RenderOptions(), excel: Bool = false,
        file: String? = nil
    ) {
        self.format = format
        self.render = render
        self.excel = excel
        self.file = file
    }
}
