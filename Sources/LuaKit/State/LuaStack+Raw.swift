import CLua
import CLuaShim

// Raw stack operations for host code that walks Lua tables without copying them into
// Swift. None of them can raise a Lua error: they use raw access only (no
// metamethods), and allocations cannot fail while Swift code runs.

extension LuaStack {
    /// The absolute form of a stack index, stable while values are pushed above it.
    public func absolute(_ index: Int32) -> Int32 { lua_absindex(thread, index) }

    /// The Lua type (`LUA_TNIL`, `LUA_TSTRING`, …) of the value at `index`.
    public func type(at index: Int32) -> Int32 { lua_type(thread, index) }

    /// Whether the value at `index` is neither `nil` nor `false`.
    public func isTruthy(at index: Int32) -> Bool { lua_toboolean(thread, index) != 0 }

    /// Pushes `table[name]` without metamethods and returns its type.
    @discardableResult
    public func pushField(_ name: String, of table: Int32) -> Int32 {
        let table = absolute(table)
        push(string: name)
        return lua_rawget(thread, table)
    }

    /// Pushes `table[position]` without metamethods and returns its type.
    @discardableResult
    public func pushElement(_ position: Int, of table: Int32) -> Int32 {
        lua_rawgeti(thread, table, lua_Integer(position))
    }

    /// The raw length of the table at `index` (its border, as `#` without `__len`).
    public func rawLength(of table: Int32) -> Int { Int(lua_rawlen(thread, table)) }

    /// The keys of the table at `index`: its string keys sorted by bytes (never in hash
    /// order) and the largest positive integer key.
    ///
    /// - Throws: ``LuaArgumentError`` for `argument`, naming `what`, when a key is
    ///   neither a string nor a positive integer.
    public func keys(of table: Int32, argument: Int32, what: String) throws
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

    /// Pushes `nil`.
    public func pushNil() { lua_pushnil(thread) }

    /// Pushes a Lua integer.
    public func push(integer: Int64) { lua_pushinteger(thread, lua_Integer(integer)) }

    /// Pushes a Lua float.
    public func push(float: Double) { lua_pushnumber(thread, float) }

    /// Pushes a Lua boolean.
    public func push(boolean: Bool) { lua_pushboolean(thread, boolean ? 1 : 0) }

    /// Pushes a new table sized for `count` array elements and `fields` named ones.
    public func pushNewTable(count: Int = 0, fields: Int = 0) {
        lua_createtable(thread, Int32(clamping: count), Int32(clamping: fields))
    }

    /// Pops the value on top into `table[position]`, raw.
    public func setElement(_ position: Int, of table: Int32) {
        lua_rawseti(thread, table, lua_Integer(position))
    }

    /// Pops the value on top into `table[name]`, raw.
    public func setField(_ name: String, of table: Int32) {
        let table = absolute(table)
        push(string: name)
        ps_insert(thread, -2)
        lua_rawset(thread, table)
    }

    /// Removes the value at `index`, shifting those above it down.
    public func remove(at index: Int32) { ps_remove(thread, index) }

    /// Pushes the metatable registered as `typeName`.
    public func pushMetatable(_ typeName: String) { _ = lua_getfield(thread, PS_REGISTRYINDEX, typeName) }
}

extension LuaState {
    /// Sets `name` in the metatable registered as `typeName` to a Swift function: the
    /// metamethods `LuaMetatable` does not offer (`__newindex`, `__pairs`), and private
    /// helpers that methods push (an iterator), out of the scripts' reach because the
    /// metatable is locked.
    public func addToMetatable(_ typeName: String, _ name: String, function: @escaping SwiftFunction) {
        stack.pushMetatable(typeName)
        setField(name, function: function)
        stack.pop()
    }
}

extension LuaCall {
    /// Pushes the private helper `name` stored in the metatable `typeName`.
    public func pushHelper(_ name: String, from typeName: String) {
        stack.pushMetatable(typeName)
        stack.pushField(name, of: -1)
        stack.remove(at: -2)
    }
}

/// Lua's type codes, for code that switches on ``LuaStack/type(at:)``.
public enum LuaType {
    public static let none = LUA_TNONE
    public static let `nil` = LUA_TNIL
    public static let boolean = LUA_TBOOLEAN
    public static let number = LUA_TNUMBER
    public static let string = LUA_TSTRING
    public static let table = LUA_TTABLE
    public static let function = LUA_TFUNCTION
    public static let userdata = LUA_TUSERDATA
}

extension LuaStack {
    /// Whether the value at `index` is a number with an integer representation in Lua's sense
    /// (an integer subtype, not a float).
    public func isInteger(at index: Int32) -> Bool { lua_isinteger(thread, index) != 0 }

    /// The integer at `index` (0 when it is not one).
    public func integer(at index: Int32) -> Int64 { Int64(ps_tointeger(thread, index)) }

    /// The number at `index` as a float (0 when it is not a number).
    public func number(at index: Int32) -> Double { ps_tonumber(thread, index) }
}
