import Tabular

/// How `show` prints tables: the active format and the renderer's options.
public struct OutputSettings: Sendable {
    /// The format `show` uses unless a call says otherwise (the CLI's `--format`).
    public var format: RenderFormat
    /// Eliding, colour and width, decided by the command line from the terminal.
    public var render: RenderOptions

    public init(format: RenderFormat = .box, render: RenderOptions = RenderOptions()) {
        self.format = format
        self.render = render
    }
}
