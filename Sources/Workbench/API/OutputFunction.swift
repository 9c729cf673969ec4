import LuaKit
import Tabular

/// The global `output{…}`, which sets from a script what `--format`, `--null`,
/// `--max-rows` and `--max-width` set on the command line, and the rules `show`
/// follows when several tables go to one output.
enum OutputFunction {
    static func define(in lua: LuaState, environment: LuaReference, context: APIContext) {
        lua.define("output", in: environment) { call in try context.recording { try output(call, context) } }
    }

    /// The keys `output{}` takes.
    static let keys = ["format", "max_rows", "max_width", "null"]

    /// `output{format = "csv", null = "NA", max_rows = 20, max_width = 100}`: changes the
    /// settings for every later `show`; keys not given keep their values.
    static func output(_ call: LuaCall, _ context: APIContext) throws -> Int32 {
        // Unlike other options tables, output's is the whole call: without one it does nothing.
        if case .nil = try call.value(1) { throw call.typeError(1, expected: "table") }
        let options = try LuaOptions(call, 1, function: "output", allowed: Set(keys))
        var settings = context.output
        if let format = try options.format("format") {
            if settings.excel, format != .csv, format != .tsv {
                throw LuaArgumentError(
                    argument: 1, message: "format '\(format.name)' cannot be used with --excel (expected csv or tsv)")
            }
            settings.format = format
        }
        if let nullText = try options.string("null") {
            if settings.excel {
                throw LuaArgumentError(
                    argument: 1,
                    message: "option 'null' cannot be used with --excel, which writes null as an empty field")
            }
            settings.render.nullText = nullText
        }
        if let rows = try options.positiveInteger("max_rows") { settings.render.maxRows = rows }
        if let width = try options.positiveInteger("max_width") { settings.render.maxWidth = width }
        context.output = settings
        return 0
    }

    /// Prints `table` for `show` in `format`, keeping several tables in one output readable:
    /// to standard output, csv and tsv tables are separated by a blank line, each with its
    /// header, and json arrays follow one another on their own lines; in an `--output`
    /// file, which holds one table, a second csv, tsv or json table is refused.
    /// - Throws: ``WorkbenchError`` (usage) for a second table in a single-table file.
    /// - Complexity: O(rows × columns).
    static func show(_ table: Table, as format: RenderFormat, options: RenderOptions, context: APIContext) throws {
        let sink = context.sink
        let delimited = format == .csv || format == .tsv
        if context.output.tablesShown > 0, delimited || format == .json {
            if let file = context.output.file {
                throw WorkbenchError.usage(
                    "'\(file)' already holds a table in \(format.name): one file holds one "
                        + "table; write the others with write(t, \"other.\(format == .json ? "json" : format.name)\")")
            }
            if delimited { sink.write(context.output.excel ? "\r\n" : "\n") }
        }
        context.output.tablesShown += 1
        if delimited, context.output.excel {
            let writer = CSVWriter(options: CSVWriteOptions(dialect: format == .tsv ? .tsv : .csv, excel: true))
            // The caller writes the byte order mark once, at the start of the whole output.
            sink.write(Array(writer.csvBytes(table).dropFirst(OutputSettings.byteOrderMark.count)))
            return
        }
        // The box renderer draws its own title; Markdown gets a bold line above the table;
        // data formats never carry one, so their output stays machine-readable.
        if format == .markdown, let title = options.title { sink.write("**\(title)**\n\n") }
        sink.write(Tabular.render(table, as: format, options: options))
        // A blank line ends a Markdown table, so consecutive shows stay separate tables.
        if format == .markdown { sink.write("\n") }
    }
}
