import LuaKit
import Tabular

/// The Lua face of Tabular tables: the types `planscope.Table`, `planscope.Row`,
/// `planscope.GroupedTable` and `planscope.Aggregate`, and the globals `Table` and `agg`.
///
/// A table is userdata holding an immutable ``Table``: `#t` counts rows, `t.columns`
/// lists names, `tostring(t)` draws a box, and every verb (`t:where{…}`, `t:order_by("-rate")`)
/// returns a new table. Declarative filters and aggregates run in Swift; a Lua function
/// is called only where the script passes one. Rows reach Lua only as light views
/// (`t:rows()`, `t:row(i)`), or as copies when asked (`r:totable()`, `t:column(name)`).
///
/// For example:
/// ```swift
/// let lua = try LuaState(libraries: .sandboxed)
/// let environment = try lua.newEnvironment(.init(output: { _ in }))
/// TableAPI.register(in: lua)
/// TableAPI.define(in: lua, environment: environment)
/// try lua.evaluate("return #Table.from{ x = {1, 2} }", chunkName: "=x", environment: environment)
/// // [.integer(2)]
/// ```
///
/// ## Topics
/// - ``register(in:)``, ``define(in:environment:)``
/// - ``push(_:on:)``, ``push(_:in:)``, ``checkTable(_:_:)``
public enum TableAPI {
    /// The `__name` of tables.
    public static let tableType = "planscope.Table"
    /// The `__name` of row views.
    public static let rowType = "planscope.Row"
    /// The `__name` of grouped tables.
    public static let groupedType = "planscope.GroupedTable"
    /// The `__name` of aggregate specifications.
    public static let aggregateType = "planscope.Aggregate"

    /// Registers the metatables of the four types in `lua`. Call once per state, before
    /// ``define(in:environment:)`` or any ``push(_:in:)``.
    public static func register(in lua: LuaState) {
        var table = LuaMetatable<TableObject>(typeName: tableType)
        for (name, body) in methods { table.method(name, body) }
        table.index { object, key, call in
            guard key == "columns" else { return 0 }
            try call.stack.push(.array(object.table.columnNames.map { .string(LuaString($0)) }))
            return 1
        }
        table.length { Int64($0.table.rowCount) }
        table.description { render($0.table, as: .box) }
        lua.register(table)
        lua.addToMetatable(tableType, "__newindex", function: readOnly(tableType))
        lua.addToMetatable(tableType, rowsIteratorKey, function: nextRow)
        registerRow(in: lua)
        registerGroups(in: lua)
    }

    /// Defines the globals `Table` (with `Table.from`) and `agg` in `environment`.
    public static func define(in lua: LuaState, environment: LuaReference) {
        lua.push(environment)
        lua.stack.pushNewTable(fields: 1)
        lua.setField("from", function: from)
        lua.stack.setField("Table", of: -2)
        lua.stack.pushNewTable(fields: aggregateConstructors.count)
        for (name, body) in aggregateConstructors { lua.setField(name, function: body) }
        lua.stack.setField("agg", of: -2)
        lua.stack.pop()
    }

    /// Pushes `table` as a result of the Swift function making `call`.
    /// - Throws: ``LuaError`` `conversion` when ``register(in:)`` was not called.
    public static func push(_ table: Table, on call: LuaCall) throws {
        try call.push(object: TableObject(table), typeName: tableType)
    }

    /// Pushes `table` onto `lua`'s main stack.
    /// - Throws: ``LuaError`` `conversion` when ``register(in:)`` was not called.
    public static func push(_ table: Table, in lua: LuaState) throws {
        try lua.push(object: TableObject(table), typeName: tableType)
    }

    /// Pushes a view of row `row` (counted from 0) of `table`, as `t:row(row + 1)` would.
    /// - Throws: ``LuaError`` `conversion` when ``register(in:)`` was not called.
    public static func pushRow(of table: Table, at row: Int, on call: LuaCall) throws {
        precondition(table.rowCount > row && row >= 0, "row \(row) of \(table.rowCount)")
        try call.push(object: RowObject(TableObject(table), row: row), typeName: rowType)
    }

    /// The table at `argument` of `call`.
    /// - Throws: ``LuaArgumentError``: `bad argument #1 to 'show' (planscope.Table expected,
    ///   got nil)`, or `calling 'where' on bad self` for a method's receiver.
    public static func checkTable(_ call: LuaCall, _ argument: Int32) throws -> Table {
        try checkObject(call, argument).table
    }

    static func checkObject(_ call: LuaCall, _ argument: Int32) throws -> TableObject {
        try call.checkObject(argument, TableObject.self, typeName: tableType)
    }

    /// The methods of `planscope.Table`, by Lua name.
    static var methods: [(String, (TableObject, LuaCall) throws -> Int32)] {
        [
            ("column", column), ("complete", complete), ("count", count), ("describe", describe),
            ("distinct", distinct), ("group_by", groupBy), ("join", join), ("limit", limit),
            ("longer", longer), ("mutate", mutate), ("order_by", orderBy), ("pivot", pivot),
            ("rename", rename), ("row", row), ("rows", rows), ("select", select),
            ("totals", totals), ("where", filter),
        ]
    }

    /// A `__newindex` that refuses every assignment: tables and rows are immutable.
    static func readOnly(_ typeName: String) -> SwiftFunction {
        { _ in throw ScriptError("\(typeName) is read-only") }
    }

    // MARK: - Rows and columns

    /// The metatable key of the stateless iterator `t:rows()` returns.
    static let rowsIteratorKey = "planscope_next_row"

    /// `t:rows()`: the iterator, the table and 0, for `for i, r in t:rows()`.
    static func rows(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        try call.stack.reserve(3)
        call.pushHelper(rowsIteratorKey, from: tableType)
        call.pushCopy(of: 1)
        call.stack.push(integer: 0)
        return 3
    }

    /// The iterator: given the table and the last index, the next index and its row view.
    static func nextRow(_ call: LuaCall) throws -> Int32 {
        let object = try checkObject(call, 1)
        let index = try call.checkInteger(2)
        guard index >= 0, index < object.table.rowCount else { return 0 }
        call.stack.push(integer: index + 1)
        try call.push(object: RowObject(object, row: Int(index)), typeName: rowType)
        return 2
    }

    /// `t:row(i)`: a view of row `i`, counted from 1.
    static func row(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let index = try call.checkInteger(2)
        let count = object.table.rowCount
        guard index >= 1, index <= count else {
            let expected = count == 0 ? "the table has no rows" : "expected 1 to \(count)"
            throw LuaArgumentError(
                argument: 2, message: "row index out of range (\(expected), got \(index))")
        }
        try call.push(object: RowObject(object, row: Int(index) - 1), typeName: rowType)
        return 1
    }

    /// `t:column(name)`: a copy of the column as a Lua array, with `n` set to its length.
    static func column(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let name = try columnName(call, at: 2, argument: 2, of: object)
        try call.stack.pushArray(object.table.columns[object.position(of: name)])
        return 1
    }
}
