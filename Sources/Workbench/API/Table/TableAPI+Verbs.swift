import LuaKit
import Tabular

// Verbs that only pick, order or match rows and columns: no Lua function is called.

extension TableAPI {
    /// `t:select("a", "b")` or `t:select{"a", "b"}`.
    static func select(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let names = try columnNames(call, from: 2, of: object)
        return try result(blaming(2) { try object.table.select(names) }, call)
    }

    /// `t:rename{old = "new"}`, applied in sorted order of the old names.
    static func rename(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        try call.checkTable(2)
        let names = try namedKeys(
            call, of: 2, argument: 2, what: "renames", listMessage: "expected old = \"new\" pairs, got a list")
        let renames = try names.map { old -> (from: String, to: String) in
            _ = try blaming(2) { try object.position(of: old) }
            call.stack.pushField(old, of: 2)
            defer { call.stack.pop() }
            guard let new = call.stack.string(at: -1)?.description else {
                throw LuaArgumentError(
                    argument: 2,
                    message: "new name for '\(old)' expected string, got "
                        + call.stack.typeName(at: -1))
            }
            return (old, new)
        }
        return try result(blaming(2) { try object.table.rename(renames) }, call)
    }

    /// `t:order_by("region", "-rate")`: ascending, or descending with a leading `-`.
    static func orderBy(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let specs = try columnNames(call, from: 2, of: object, allowingDescending: true)
        let keys = specs.map { SortKey(spec: $0) }
        return try result(blaming(2) { try object.table.orderBy(keys) }, call)
    }

    /// `t:limit(n)`: the first `n` rows.
    static func limit(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let count = try call.checkInteger(2)
        return try result(blaming(2) { try object.table.limit(Int(clamping: count)) }, call)
    }

    /// `t:distinct(...)`: distinct combinations of the columns, or distinct rows.
    static func distinct(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let names = try columnNames(call, from: 2, of: object)
        return try result(blaming(2) { try object.table.distinct(names) }, call)
    }

    /// `t:join(other, on[, {how = "left", check = "many_to_one"}])`; `on` is a column
    /// name, an array of names, or a `{left = "right"}` map (in sorted order of the left names).
    static func join(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        let other = try checkObject(call, 2)
        let keys = try joinKeys(call, 3, left: object, right: other)
        var how = JoinKind.inner
        var check = JoinCheck.none
        if call.stack.type(at: 4) > LuaType.nil {
            try checkOptions(call, 4, allowed: ["how", "check"])
            how = try choiceOption(call, 4, "how", default: .inner)
            check = try choiceOption(call, 4, "check", default: .none)
        }
        do {
            return try result(
                object.table.join(other.table, on: keys, how: how, check: check), call)
        } catch let error as TableError {
            // A broken promise belongs to the options that made it; anything else to the keys.
            let argument: Int32 = error.kind == .joinCardinality ? 4 : 3
            throw LuaArgumentError(argument: argument, message: error.message)
        }
    }

    private static func joinKeys(
        _ call: LuaCall, _ argument: Int32, left: TableObject, right: TableObject
    ) throws -> [(left: String, right: String)] {
        switch call.stack.type(at: argument) {
        case LuaType.string:
            let name = try columnName(call, at: argument, argument: argument, of: left)
            _ = try columnName(call, at: argument, argument: argument, of: right)
            return [(name, name)]
        case LuaType.table:
            let (names, count) = try call.stack.keys(
                of: argument, argument: argument, what: "join keys")
            if count > 0, !names.isEmpty {
                throw LuaArgumentError(
                    argument: argument,
                    message: "expected a list of names or a {left = \"right\"} map, got both")
            }
            if count > 0 {
                return try columnNames(call, from: argument, of: left, through: argument).map {
                    name in
                    _ = try blaming(argument) { try right.position(of: name) }
                    return (name, name)
                }
            }
            return try names.map { name in
                _ = try blaming(argument) { try left.position(of: name) }
                call.stack.pushField(name, of: argument)
                defer { call.stack.pop() }
                return (name, try columnName(call, at: -1, argument: argument, of: right))
            }
        default:
            throw call.typeError(argument, expected: "string or table")
        }
    }
}
