import LuaKit
import Tabular

// `Table.from(data[, {columns = {…}, types = {…}}])`.
//
// `data` is either an array of records (`{ {region = "East", n = 1}, … }`) or a table of
// columns (`{ region = {"East", "West"}, n = {1, 2} }`). Lua tables have no key order,
// so columns come in sorted name order unless `columns` lists them. A column array may
// hold nils (nulls): its length is its field `n` when it has one, else its largest
// index, and the table has as many rows as its longest column (shorter ones are padded
// with nulls; a column whose `n` differs from that count is an error).

extension TableAPI {
    /// `Table.from(data[, options])`.
    static func from(_ call: LuaCall) throws -> Int32 {
        try call.checkTable(1)
        var order: [String]?
        var types: [String: ColumnType] = [:]
        if call.stack.type(at: 2) > LuaType.nil {
            try checkOptions(call, 2, allowed: ["columns", "types"])
            order = try listedColumns(call)
            types = try columnTypes(call)
        }
        let (names, count) = try call.stack.keys(of: 1, argument: 1, what: "data")
        if count > 0, !names.isEmpty {
            throw LuaArgumentError(
                argument: 1,
                message: "expected an array of records or a table of columns, got a table "
                    + "with both indices and the key '\(names[0])'")
        }
        let columns =
            try names.isEmpty
            ? recordColumns(call, count: count, order: order)
            : arrayColumns(call, names: names, order: order)
        if let unknown = types.keys.sorted().first(where: { columns[$0] == nil }) {
            throw LuaArgumentError(
                argument: 2,
                message: "types: "
                    + TableError.unknownColumn(
                        unknown, available: order ?? columns.keys.sorted()
                    ).message)
        }
        let rowCount = columns.values.map(\.count).max() ?? 0
        let named = try (order ?? columns.keys.sorted()).map { name in
            var cells = columns[name] ?? []
            cells += Array(repeating: .null, count: rowCount - cells.count)
            return (
                name, try blaming(1) { try CellColumn.column(cells, name: name, type: types[name]) }
            )
        }
        return try result(blaming(1) { try Table(named) }, call)
    }

    /// The option `columns`: an array of names, or `nil`.
    private static func listedColumns(_ call: LuaCall) throws -> [String]? {
        let type = call.stack.pushField("columns", of: 2)
        defer { call.stack.pop() }
        guard type != LuaType.nil else { return nil }
        let list = call.stack.absolute(-1)
        guard type == LuaType.table else {
            throw LuaArgumentError(
                argument: 2,
                message: "option 'columns' expected table, got \(call.stack.typeName(at: list))")
        }
        var seen = Set<String>()
        return try (0..<call.stack.rawLength(of: list)).map { offset in
            call.stack.pushElement(offset + 1, of: list)
            defer { call.stack.pop() }
            guard let name = call.stack.string(at: -1)?.description else {
                throw LuaArgumentError(
                    argument: 2,
                    message: "option 'columns' expected names, got "
                        + call.stack.typeName(at: -1) + " at index \(offset + 1)")
            }
            guard seen.insert(name).inserted else {
                throw LuaArgumentError(
                    argument: 2, message: TableError.duplicateColumn(name).message)
            }
            return name
        }
    }

    /// The option `types`: column name → type name (`int`, `float`, `string`, `bool`, `date`).
    private static func columnTypes(_ call: LuaCall) throws -> [String:
        ColumnType]
    {
        let type = call.stack.pushField("types", of: 2)
        defer { call.stack.pop() }
        guard type != LuaType.nil else { return [:] }
        let map = call.stack.absolute(-1)
        guard type == LuaType.table else {
            throw LuaArgumentError(
                argument: 2,
                message: "option 'types' expected table, got \(call.stack.typeName(at: map))")
        }
        let (names, _) = try call.stack.keys(of: map, argument: 2, what: "option 'types'")
        var types: [String: ColumnType] = [:]
        for name in names {
            call.stack.pushField(name, of: map)
            defer { call.stack.pop() }
            let text = call.stack.string(at: -1)?.description
            guard let text, let columnType = ColumnType(rawValue: text) else {
                let found = text.map { "'\($0)'" } ?? call.stack.typeName(at: -1)
                throw LuaArgumentError(
                    argument: 2,
                    message: "invalid type \(found) for column '\(name)' (expected "
                        + list(ColumnType.allCases.map(\.rawValue)) + ")")
            }
            types[name] = columnType
        }
        return types
    }

    /// The cells of each column of an array of records, by name.
    private static func recordColumns(_ call: LuaCall, count: Int, order: [String]?) throws
        -> [String: [Cell]]
    {
        var columns: [String: [Cell]] = [:]
        for name in order ?? [] { columns[name] = [] }
        try call.stack.reserve(4)
        for position in stride(from: 1, through: count, by: 1) {
            call.stack.pushElement(position, of: 1)
            let record = call.stack.absolute(-1)
            defer { call.stack.pop() }
            guard call.stack.type(at: record) == LuaType.table else {
                throw LuaArgumentError(
                    argument: 1,
                    message: "record \(position) expected table, got "
                        + call.stack.typeName(at: record))
            }
            let (names, indices) = try call.stack.keys(
                of: record, argument: 1, what: "record \(position)")
            if indices > 0 {
                throw LuaArgumentError(
                    argument: 1,
                    message: "record \(position) expected column names as keys, got indices")
            }
            for name in names where columns[name] == nil {
                if let order {
                    throw LuaArgumentError(
                        argument: 1,
                        message: "record \(position): "
                            + TableError.unknownColumn(name, available: order).message)
                }
                columns[name] = Array(repeating: .null, count: position - 1)
            }
            for name in columns.keys.sorted() {
                call.stack.pushField(name, of: record)
                defer { call.stack.pop() }
                columns[name]!.append(
                    try cell(call, at: -1, argument: 1, what: "record \(position) field '\(name)'"))
            }
        }
        return columns
    }

    /// The cells of each column of a table of columns, by name.
    private static func arrayColumns(_ call: LuaCall, names: [String], order: [String]?) throws
        -> [String: [Cell]]
    {
        var columns: [String: [Cell]] = [:]
        for name in order ?? [] { columns[name] = [] }
        var declared: [(name: String, count: Int)] = []
        for name in names {
            if let order, !order.contains(name) {
                throw LuaArgumentError(
                    argument: 1, message: TableError.unknownColumn(name, available: order).message)
            }
            call.stack.pushField(name, of: 1)
            defer { call.stack.pop() }
            guard call.stack.type(at: -1) == LuaType.table else {
                throw LuaArgumentError(
                    argument: 1,
                    message:
                        "column '\(name)' expected an array, got \(call.stack.typeName(at: -1))")
            }
            let cells = try arrayCells(call, -1, argument: 1, column: name)
            if call.stack.pushField("n", of: -1) != LuaType.nil {
                declared.append((name, cells.count))
            }
            call.stack.pop()
            columns[name] = cells
        }
        let rowCount = columns.values.map(\.count).max() ?? 0
        if let short = declared.first(where: { $0.count != rowCount }) {
            throw LuaArgumentError(
                argument: 1,
                message: TableError.lengthMismatch(
                    column: short.name, expected: rowCount, found: short.count
                ).message)
        }
        return columns
    }
}
