import CLua
import LuaKit
import Tabular

// LuaKit's `LuaMetatable` has no `__newindex` or `__pairs`, and `LuaCall` cannot read a
// field of a table argument without copying the whole table into Swift. These few raw
// operations fill that gap. None of them can raise a Lua error: they use raw access only
// (no metamethods), and allocations cannot fail while Swift code runs.

/// A Swift error whose text Lua reports at the caller's line (`script.lua:12: text`),
/// like `luaL_error`.
struct ScriptError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension LuaStack {
    /// The absolute form of a stack index, stable while values are pushed above it.
    func absolute(_ index: Int32) -> Int32 { lua_absindex(thread, index) }

    /// The Lua type (`LUA_TNIL`, `LUA_TSTRING`, …) of the value at `index`.
    func type(at index: Int32) -> Int32 { lua_type(thread, index) }

    /// Whether the value at `index` is neither `nil` nor `false`.
    func isTruthy(at index: Int32) -> Bool { lua_toboolean(thread, index) != 0 }

    /// Pushes `table[name]` without metamethods and returns its type.
    @discardableResult
    func pushField(_ name: String, of table: Int32) -> Int32 {
        let table = absolute(table)
        push(string: name)
        return lua_rawget(thread, table)
    }

    /// Pushes `table[position]` without metamethods and returns its type.
    @discardableResult
    func pushElement(_ position: Int, of table: Int32) -> Int32 {
        lua_rawgeti(thread, table, lua_Integer(position))
    }

    /// The raw length of the table at `index` (its border, as `#` without `__len`).
    func rawLength(of table: Int32) -> Int { Int(lua_rawlen(thread, table)) }

    /// The keys of the table at `index`: its string keys sorted by bytes (never in hash
    /// order) and the largest positive integer key.
    ///
    /// - Throws: ``LuaArgumentError`` for `argument`, naming `what`, when a key is
    ///   neither a string nor a positive integer.
    func keys(of table: Int32, argument: Int32, what: String) throws
        -> (names: [String], maxIndex: Int)
    {
        let table = absolute(table)
        try reserve(3)
        var names: [LuaString] = []
        var maxIndex = 0
        lua_pushnil(thread)
        while lua_next(thread, table) != 0 {
            pop()
            if let name = string(at: -1) {
                names.append(name)
            } else if lua_isinteger(thread, -1) != 0, ps_tointeger(thread, -1) > 0 {
                maxIndex = max(maxIndex, Int(ps_tointeger(thread, -1)))
            } else {
                let key = typeName(at: -1)
                pop()
                throw LuaArgumentError(
                    argument: argument,
                    message: "\(what) expected string or index keys, got a \(key) key")
            }
        }
        return (names.sorted().map(\.description), maxIndex)
    }

    /// The number at `index` as a cell: an integer stays an int, a float a float.
    func numberCell(at index: Int32) -> Cell {
        lua_isinteger(thread, index) != 0
            ? .int(Int64(ps_tointeger(thread, index))) : .double(ps_tonumber(thread, index))
    }

    /// Pushes `nil`.
    func pushNil() { lua_pushnil(thread) }

    /// Pushes a Lua integer.
    func push(integer: Int64) { lua_pushinteger(thread, lua_Integer(integer)) }

    /// Pushes a Lua float.
    func push(float: Double) { lua_pushnumber(thread, float) }

    /// Pushes a Lua boolean.
    func push(boolean: Bool) { lua_pushboolean(thread, boolean ? 1 : 0) }

    /// Pushes a new table sized for `count` array elements and `fields` named ones.
    func pushNewTable(count: Int = 0, fields: Int = 0) {
        lua_createtable(thread, Int32(clamping: count), Int32(clamping: fields))
    }

    /// Pops the value on top into `table[position]`, raw.
    func setElement(_ position: Int, of table: Int32) {
        lua_rawseti(thread, table, lua_Integer(position))
    }

    /// Pops the value on top into `table[name]`, raw.
    func setField(_ name: String, of table: Int32) {
        let table = absolute(table)
        push(string: name)
        ps_insert(thread, -2)
        lua_rawset(thread, table)
    }

    /// Removes the value at `index`, shifting those above it down.
    func remove(at index: Int32) { ps_remove(thread, index) }

    /// Pushes the metatable registered as `typeName`.
    func pushMetatable(_ typeName: String) { _ = lua_getfield(thread, PS_REGISTRYINDEX, typeName) }
}

extension LuaState {
    /// Sets `name` in the metatable registered as `typeName` to a Swift function: the
    /// metamethods `LuaMetatable` does not offer (`__newindex`, `__pairs`), and private
    /// helpers that methods push (an iterator), out of the scripts' reach because the
    /// metatable is locked.
    func addToMetatable(_ typeName: String, _ name: String, function: @escaping SwiftFunction) {
        stack.pushMetatable(typeName)
        setField(name, function: function)
        stack.pop()
    }
}

extension LuaCall {
    /// Pushes the private helper `name` stored in the metatable `typeName`.
    func pushHelper(_ name: String, from typeName: String) {
        stack.pushMetatable(typeName)
        stack.pushField(name, of: -1)
        stack.remove(at: -2)
    }
}

/// Lua's type codes, for code that switches on ``LuaStack/type(at:)``.
enum LuaType {
    static let none = LUA_TNONE
    static let `nil` = LUA_TNIL
    static let boolean = LUA_TBOOLEAN
    static let number = LUA_TNUMBER
    static let string = LUA_TSTRING
    static let table = LUA_TTABLE
    static let function = LUA_TFUNCTION
    static let userdata = LUA_TUSERDATA
}
