import Foundation
import LuaKit
import Tabular

/// The globals `show`, `write` and `read_csv`: tables in and out of a script.
enum IOFunctions {
    static func define(in lua: LuaState, environment: LuaReference, context: APIContext) {
        lua.define("show", in: environment) { call in try context.recording { try show(call, context) } }
        lua.define("write", in: environment) { call in try context.recording { try write(call, context) } }
        lua.define("read_csv", in: environment) { call in try context.recording { try readCSV(call, context) } }
    }

    /// `show(t[, opts])`: prints a table in the active format, with an optional title.
    static func show(_ call: LuaCall, _ context: APIContext) throws -> Int32 {
        let table = try TableAPI.checkTable(call, 1)
        let options = try LuaOptions(call, 2, function: "show", allowed: ["format", "title"])
        var settings = context.output.render
        settings.title = try options.string("title")
        let format = try options.format("format") ?? context.output.format
        try OutputFunction.show(table, as: format, options: settings, context: context)
        return 0
    }

    /// `write(t, path[, opts])`: writes a file atomically, under the allowed folders only.
    static func write(_ call: LuaCall, _ context: APIContext) throws -> Int32 {
        let table = try TableAPI.checkTable(call, 1)
        let path = try call.checkString(2).description
        let options = try LuaOptions(call, 3, function: "write", allowed: ["excel", "format"])
        guard let target = context.permissions.writable(path) else {
            throw LuaArgumentError(
                argument: 2,
                message: "writing '\(path)' is not allowed: "
                    + "only paths under \(context.permissions.writeRoots.map { "'\($0)'" }.joined(separator: ", "))")
        }
        let excel = try options.boolean("excel") ?? false
        let format = try options.format("format") ?? RenderFormat(fileExtension: target) ?? .csv
        do {
            switch format {
            case .csv, .tsv:
                let dialect: CSVDialect = format == .tsv ? .tsv : .csv
                try CSVWriter(options: CSVWriteOptions(dialect: dialect, excel: excel)).writeCSV(table, to: target)
            default:
                if excel { throw LuaArgumentError(argument: 3, message: "'excel' applies to csv and tsv only") }
                try AtomicFile.write(Array(Tabular.render(table, as: format).utf8), to: target)
            }
        } catch let error as FileError {
            throw WorkbenchError.output(String(describing: error))
        }
        context.files.wrote(target)
        return 0
    }

    /// The dialect of `read_csv`'s `delimiter` option: one ASCII character other than the
    /// quote, CR or LF (`"\t"` for TSV, `";"` as spreadsheets in many locales write).
    private static func csvDialect(_ delimiter: String) throws -> CSVDialect {
        guard delimiter.count == 1, let dialect = try? CSVDialect(delimiter: delimiter.first!) else {
            throw LuaArgumentError(
                argument: 2,
                message: "invalid option '\(delimiter)' for 'delimiter' "
                    + "(expected one ASCII character other than '\"', CR and LF, such as ',', ';' or '\\t')")
        }
        return dialect
    }

    /// `read_csv(path[, opts])`: reads a CSV file into a table; with `rejects = true`,
    /// bad rows come back as a second table instead of failing.
    static func readCSV(_ call: LuaCall, _ context: APIContext) throws -> Int32 {
        let path = try call.checkString(1).description
        let options = try LuaOptions(
            call, 2, function: "read_csv", allowed: ["columns", "delimiter", "rejects", "types"])
        guard let source = context.permissions.readable(path) else {
            throw LuaArgumentError(
                argument: 1,
                message: "reading '\(path)' is not allowed: "
                    + "only paths under \(context.permissions.readRoots.map { "'\($0)'" }.joined(separator: ", "))")
        }
        var readOptions = CSVReadOptions(rejects: try options.boolean("rejects") ?? false)
        if let delimiter = try options.string("delimiter") {
            readOptions.dialect = try csvDialect(delimiter)
        }
        readOptions.columns = try options.stringArray("columns")
        if let types = try options.stringMap("types") {
            readOptions.schema = Schema(
                try types.map { name, type in
                    guard let columnType = ColumnType(rawValue: type) else {
                        throw LuaArgumentError(
                            argument: 2,
                            message: "invalid type '\(type)' for column '\(name)' "
                                + "(expected one of \(ColumnType.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return Schema.Field(name: name, type: columnType)
                })
        }
        guard FileManager.default.fileExists(atPath: source) else {
            throw WorkbenchError.missingInput(path: path, reason: "no such file")
        }
        do {
            let result = try CSVReader(options: readOptions).readCSV(path: source)
            context.files.read(path, rows: result.table.rowCount)
            try TableAPI.push(result.table, on: call)
            guard let rejects = result.rejects else { return 1 }
            try TableAPI.push(rejects, on: call)
            return 2
        } catch let errors as CSVErrors {
            throw WorkbenchError.data(String(describing: errors))
        }
    }
}

extension RenderFormat {
    /// The format a file name's extension implies (`.csv`, `.tsv`, `.json`, `.ndjson`, `.md`).
    public init?(fileExtension path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        case "md", "markdown": self = .markdown
        case "txt": self = .box
        default: return nil
        }
    }
}
