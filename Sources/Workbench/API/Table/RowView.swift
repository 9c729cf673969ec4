import LuaKit
import Tabular

// `planscope.Row`: `r.region` reads one value; `pairs(r)` walks the columns in order;
// `r:totable()` copies the row into a Lua table; `tostring(r)` draws the row as a box.
// Column names come before the method name, so a column called `totable` hides it.

extension TableAPI {
    /// The metatable keys of the row helpers (`totable` and the `pairs` iterator).
    static let totableKey = "planscope_totable"
    static let nextFieldKey = "planscope_next_field"

    static func registerRow(in lua: LuaState) {
        var row = LuaMetatable<RowObject>(typeName: rowType)
        row.field { view, name, call in
            try view.checkLive()
            if let position = view.owner.positions[name] {
                call.stack.push(view.owner.table.columns[position], row: view.row)
                return 1
            }
            if name == "totable" {
                call.pushHelper(totableKey, from: rowType)
                return 1
            }
            throw ScriptError(
                TableError.unknownColumn(name, available: view.owner.table.columnNames).message)
        }
        row.index { view, key, _ in
            try view.checkLive()
            throw ScriptError("expected a column name to index a \(rowType), got \(key.typeName)")
        }
        row.description { view in render(view.owner.table.gathered([view.row]), as: .box) }
        lua.register(row)
        lua.addToMetatable(rowType, "__newindex", function: readOnly(rowType))
        lua.addToMetatable(rowType, totableKey, function: totable)
        lua.addToMetatable(rowType, nextFieldKey, function: nextField)
        lua.addToMetatable(rowType, "__pairs", function: pairs)
    }

    static func checkRow(_ call: LuaCall, _ argument: Int32) throws -> RowObject {
        let view = try call.checkObject(argument, RowObject.self, typeName: rowType)
        try view.checkLive()
        return view
    }

    /// `r:totable()`: the row's non-null values in a new Lua table keyed by column name.
    static func totable(_ call: LuaCall) throws -> Int32 {
        let view = try checkRow(call, 1)
        let table = view.owner.table
        try call.stack.reserve(3)
        call.stack.pushNewTable(fields: table.columns.count)
        for (name, column) in zip(table.columnNames, table.columns) where !column.isNull(view.row) {
            call.stack.push(column, row: view.row)
            call.stack.setField(name, of: -2)
        }
        return 1
    }

    /// `pairs(r)`: the field iterator, the row and nil.
    static func pairs(_ call: LuaCall) throws -> Int32 {
        _ = try checkRow(call, 1)
        try call.stack.reserve(3)
        call.pushHelper(nextFieldKey, from: rowType)
        call.pushCopy(of: 1)
        call.stack.pushNil()
        return 3
    }

    /// The `pairs` iterator: the column after `key`, in column order, and its value
    /// (nil for null, so every column is visited).
    static func nextField(_ call: LuaCall) throws -> Int32 {
        let view = try checkRow(call, 1)
        let table = view.owner.table
        var position = 0
        if call.stack.type(at: 2) != LuaType.nil {
            let name = try call.checkString(2).description
            position = try blaming(2) { try view.owner.position(of: name) } + 1
        }
        guard position < table.columns.count else { return 0 }
        try call.stack.reserve(2)
        call.stack.push(string: table.columnNames[position])
        call.stack.push(table.columns[position], row: view.row)
        return 2
    }
}
