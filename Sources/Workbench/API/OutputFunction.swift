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
        let pairs: [LuaPair]
        switch try call.value(1) {
        case .map(let found): pairs = found
        case .array(let elements) where elements.isEmpty: pairs = []
        case .array: throw LuaArgumentError(argument: 1, message: "expected named options, got a list")
        default: throw call.typeError(1, expected: "table")
        }
        var settings = context.output
        for pair in pairs {
            guard case .string(let name) = pair.key, keys.contains(name.description) else {
                throw LuaArgumentError(argument: 1, message: LuaOptions.unknown("\(pair.key)", allowed: keys))
            }
            let key = name.description
            switch (key, pair.value) {
            case ("format", .string(let text)):
                guard let format = RenderFormat(name: text.description) else {
                    throw LuaArgumentError(
                        argument: 1,
                        message: "invalid option '\(text)' for 'format' "
                            + "(formats: \(RenderFormat.names.joined(separator: ", ")))")
                }
                if settings.excel, format != .csv, format != .tsv {
                    throw LuaArgumentError(
                        argument: 1,
                        message: "format '\(text)' cannot be used with --excel "
                            + "(expected csv or tsv)")
                }
                settings.format = format
            case ("null", .string(let text)):
                if settings.excel {
                    throw LuaArgumentError(
                        argument: 1,
                        message: "option 'null' cannot be used with --excel, "
                            + "which writes null as an empty field")
                }
                settings.render.nullText = text.description
            case ("max_rows", .integer(let count)) where count > 0:
                settings.render.maxRows = Int(count)
            case ("max_width", .integer(let width)) where width > 0:
                settings.render.maxWidth = Int(width)
            case ("format", let other), ("null", let other):
                throw LuaArgumentError(argument: 1, message: "option '\(key)' must be a string, got \(other.typeName)")
            case (_, let other):
                throw LuaArgumentError(
                    argument: 1,
                    message: "option '\(key)' must be a positive integer, got "
                        + (other.typeName == "number" ? "\(other)" : other.typeName))
            }
        }
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
