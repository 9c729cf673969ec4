import LuaKit
import Tabular

// Verbs that reshape a table: pivot, longer, complete, totals, describe.

extension TableAPI {
    /// `t:pivot{rows = …, cols = "period", values = "rate"[, fill = 0]}`.
    static func pivot(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        try checkOptions(call, 2, allowed: ["cols", "fill", "rows", "values"])
        let rows = try namesOption(call, 2, "rows", of: object) ?? []
        let names = try oneName(call, 2, "cols", of: object)
        let values = try oneName(call, 2, "values", of: object)
        call.stack.pushField("fill", of: 2)
        let fill = try cell(call, at: -1, argument: 2, what: "option 'fill'")
        call.stack.pop()
        return try result(
            blaming(2) {
                try object.table.pivot(rows: rows, columns: names, values: values, fill: fill)
            }, call)
    }

    /// `t:longer{cols = {…}[, names_to = "name"][, values_to = "value"]}`.
    static func longer(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        try checkOptions(call, 2, allowed: ["cols", "names_to", "values_to"])
        guard let columns = try namesOption(call, 2, "cols", of: object) else {
            throw LuaArgumentError(argument: 2, message: "missing option 'cols'")
        }
        let namesTo = try stringOption(call, 2, "names_to") ?? "name"
        let valuesTo = try stringOption(call, 2, "values_to") ?? "value"
        return try result(
            blaming(2) { try object.table.longer(columns, namesTo: namesTo, valuesTo: valuesTo) },
            call)
    }

    /// `t:complete("province", "period"[, {fill = {count = 0}}])`.
    static func complete(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        var last = call.argumentCount
        var options: Int32?
        if last >= 2, call.stack.type(at: last) == LuaType.table {
            let hasFill = call.stack.pushField("fill", of: last) != LuaType.nil
            call.stack.pop()
            if hasFill {
                try checkOptions(call, last, allowed: ["fill"])
                options = last
                last -= 1
            }
        }
        let names = try columnNames(call, from: 2, of: object, through: last)
        let fill = try options.map { try fillValues(call, $0, of: object, keys: names) } ?? []
        return try result(blaming(2) { try object.table.complete(names, fill: fill) }, call)
    }

    /// The `fill` option's column = value pairs, each checked here so that a bad one is
    /// reported against the options argument, not the key columns.
    private static func fillValues(_ call: LuaCall, _ argument: Int32, of object: TableObject, keys: [String])
        throws -> [(column: String, value: Cell)]
    {
        call.stack.pushField("fill", of: argument)
        defer { call.stack.pop() }
        let fills = call.stack.absolute(-1)
        guard call.stack.type(at: fills) == LuaType.table else {
            throw LuaArgumentError(
                argument: argument,
                message: "option 'fill' expected table, got \(call.stack.typeName(at: fills))")
        }
        let names = try namedKeys(
            call, of: fills, argument: argument, what: "option 'fill'",
            listMessage: "option 'fill' expected column = value pairs")
        return try names.map { name in
            let type = object.table.schema.fields[try blaming(argument) { try object.position(of: name) }].type
            guard !keys.contains(name) else {
                throw LuaArgumentError(argument: argument, message: "complete cannot fill key column '\(name)'")
            }
            call.stack.pushField(name, of: fills)
            defer { call.stack.pop() }
            let value = try cell(call, at: -1, argument: argument, what: "fill for '\(name)'")
            try blaming(argument) { try Column.checkFill(value, fits: type, column: name) }
            return (name, value)
        }
    }

    /// `t:totals([label])`: a totals row, labelled "Total" unless given.
    static func totals(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let label = try call.optionalString(2)?.description ?? "Total"
        return try result(blaming(2) { try object.table.totals(label: label) }, call)
    }

    /// `t:describe()`: one row per column, profiling it.
    static func describe(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        try result(object.table.describe(), call)
    }

    /// The option `name`: a column name or an array of them, or `nil` when absent.
    private static func namesOption(
        _ call: LuaCall, _ argument: Int32, _ name: String, of object: TableObject
    ) throws -> [String]? {
        let type = call.stack.pushField(name, of: argument)
        defer { call.stack.pop() }
        let value = call.stack.absolute(-1)
        switch type {
        case LuaType.nil: return nil
        case LuaType.table:
            return try (0..<call.stack.rawLength(of: value)).map { offset in
                call.stack.pushElement(offset + 1, of: value)
                defer { call.stack.pop() }
                return try columnName(call, at: -1, argument: argument, of: object)
            }
        default:
            return [try columnName(call, at: value, argument: argument, of: object)]
        }
    }

    /// The required option `name`, one column name.
    private static func oneName(
        _ call: LuaCall, _ argument: Int32, _ name: String, of object: TableObject
    ) throws -> String {
        let type = call.stack.pushField(name, of: argument)
        defer { call.stack.pop() }
        guard type != LuaType.nil else {
            throw LuaArgumentError(argument: argument, message: "missing option '\(name)'")
        }
        return try columnName(call, at: -1, argument: argument, of: object)
    }
}
