import CLua
import CLuaShim

/// The stack of one Lua thread: pushing Swift values and copying Lua values out.
///
/// Every operation here is one that cannot raise a Lua error while the host
/// runs: only raw table access (no metamethods), `lua_checkstack` before
/// pushing, and strings read by length so embedded NULs survive. Allocations
/// cannot fail because the allocator is relaxed while Swift runs.
public struct LuaStack {
    /// The thread (`lua_State *`) whose stack this is.
    public let thread: OpaquePointer

    /// Tables nested deeper than this are refused, in both directions.
    public static let maxDepth = 64

    public init(thread: OpaquePointer) { self.thread = thread }

    /// The number of values on the stack.
    public var top: Int32 { lua_gettop(thread) }

    /// Removes `count` values from the top.
    public func pop(_ count: Int32 = 1) { ps_pop(thread, count) }

    /// Makes sure `extra` more slots fit.
    /// - Throws: ``LuaError`` `conversion` when the stack cannot grow.
    public func reserve(_ extra: Int32) throws {
        guard lua_checkstack(thread, extra) != 0 else {
            throw LuaError(kind: .conversion, message: "stack overflow (cannot grow the Lua stack by \(extra))")
        }
    }

    /// The Lua type name of the value at `index`, using `__name` for userdata, as lauxlib does.
    public func typeName(at index: Int32) -> String {
        if lua_type(thread, index) == LUA_TUSERDATA {
            let fieldType = luaL_getmetafield(thread, index, "__name")
            if fieldType != LUA_TNIL {
                defer { pop() }
                if fieldType == LUA_TSTRING, let name = string(at: -1) { return name.description }
            }
        }
        return String(cString: ps_typename_at(thread, index))
    }

    // MARK: - Pushing

    /// Pushes a Swift value.
    /// - Throws: ``LuaError`` `conversion` when it is nested deeper than ``maxDepth``.
    public func push(_ value: LuaValue) throws { try push(value, depth: 0) }

    private func push(_ value: LuaValue, depth: Int) throws {
        guard depth <= LuaStack.maxDepth else {
            throw LuaError(kind: .conversion, message: "value nested more than \(LuaStack.maxDepth) levels deep")
        }
        try reserve(3)
        switch value {
        case .nil: lua_pushnil(thread)
        case .boolean(let flag): lua_pushboolean(thread, flag ? 1 : 0)
        case .integer(let number): lua_pushinteger(thread, lua_Integer(number))
        case .number(let number): lua_pushnumber(thread, number)
        case .string(let text): push(bytes: text.bytes)
        case .array(let elements):
            lua_createtable(thread, Int32(clamping: elements.count), 0)
            for (offset, element) in elements.enumerated() {
                try push(element, depth: depth + 1)
                lua_rawseti(thread, -2, lua_Integer(offset + 1))
            }
        case .map(let pairs):
            lua_createtable(thread, 0, Int32(clamping: pairs.count))
            for pair in pairs where pair.key != .nil {
                try push(pair.key, depth: depth + 1)
                try push(pair.value, depth: depth + 1)
                lua_rawset(thread, -3)
            }
        case .opaque(let typeName, _):
            throw LuaError(kind: .conversion, message: "cannot push a copied \(typeName) back into Lua")
        }
    }

    /// Pushes bytes as a Lua string.
    public func push(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                _ = lua_pushlstring(thread, $0, buffer.count)
            }
        }
    }

    /// Pushes text as a Lua string.
    public func push(string: String) {
        var text = string
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(thread, $0.baseAddress, $0.count) }
        }
    }

    // MARK: - Reading

    /// The bytes of the string at `index`, or `nil` if it is not a string.
    /// Numbers are not converted: that would change the stack slot in place.
    public func string(at index: Int32) -> LuaString? {
        guard lua_type(thread, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(thread, index, &length) else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            LuaString(bytes: Array(UnsafeBufferPointer(start: $0, count: length)))
        }
    }

    /// The string at `index` decoded as UTF-8 (invalid bytes replaced), or `nil` if it
    /// is not a string; read in place, without an intermediate byte array.
    public func text(at index: Int32) -> String? {
        guard lua_type(thread, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(thread, index, &length) else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// Copies the value at `index` into Swift.
    ///
    /// Tables are copied with raw access; a table that contains itself, or one
    /// nested deeper than ``maxDepth``, is refused.
    /// - Throws: ``LuaError`` `conversion`.
    public func value(at index: Int32) throws -> LuaValue {
        var path = Set<UnsafeRawPointer>()
        let top = self.top
        do {
            return try value(at: lua_absindex(thread, index), depth: 0, path: &path)
        } catch {
            lua_settop(thread, top)
            throw error
        }
    }

    private func value(at index: Int32, depth: Int, path: inout Set<UnsafeRawPointer>) throws -> LuaValue {
        switch lua_type(thread, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(thread, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(thread, index) != 0 { return .integer(Int64(ps_tointeger(thread, index))) }
            return .number(ps_tonumber(thread, index))
        case LUA_TSTRING: return .string(string(at: index)!)
        case LUA_TTABLE: return try table(at: index, depth: depth, path: &path)
        default:
            let address = lua_topointer(thread, index).map { String(UInt(bitPattern: $0), radix: 16) } ?? "0"
            let name = typeName(at: index)
            return .opaque(typeName: name, text: "\(name): 0x\(address)")
        }
    }

    private func table(at index: Int32, depth: Int, path: inout Set<UnsafeRawPointer>) throws -> LuaValue {
        guard depth < LuaStack.maxDepth else {
            throw LuaError(kind: .conversion, message: "table nested more than \(LuaStack.maxDepth) levels deep")
        }
        let identity = lua_topointer(thread, index)!
        guard path.insert(identity).inserted else {
            throw LuaError(kind: .conversion, message: "cannot convert a table that contains itself")
        }
        defer { path.remove(identity) }
        try reserve(4)
        var pairs: [LuaPair] = []
        lua_pushnil(thread)
        while lua_next(thread, index) != 0 {
            let key = try value(at: lua_absindex(thread, -2), depth: depth + 1, path: &path)
            let element = try value(at: lua_absindex(thread, -1), depth: depth + 1, path: &path)
            pop()
            pairs.append(LuaPair(key, element))
        }
        return try LuaStack.shape(pairs)
    }

    /// An array when the keys are exactly 1…n, else a map in a fixed key order.
    static func shape(_ pairs: [LuaPair]) throws -> LuaValue {
        var elements = [LuaValue](repeating: .nil, count: pairs.count)
        var isArray = true
        for pair in pairs {
            guard case .integer(let key) = pair.key, key >= 1, key <= pairs.count else { isArray = false; break }
            elements[Int(key) - 1] = pair.value
        }
        if isArray { return .array(elements) }
        for pair in pairs {
            if case .opaque(let typeName, _) = pair.key {
                throw LuaError(kind: .conversion, message: "cannot convert a table key of type \(typeName)")
            }
            if case .array = pair.key {
                throw LuaError(kind: .conversion, message: "cannot convert a table key of type table")
            }
            if case .map = pair.key {
                throw LuaError(kind: .conversion, message: "cannot convert a table key of type table")
            }
        }
        return .map(pairs.sorted { LuaValue.keyPrecedes($0.key, $1.key) })
    }
}

extension LuaValue {
    /// The order of map keys: integers, floats, booleans (false first), then strings by bytes.
    static func keyPrecedes(_ lhs: LuaValue, _ rhs: LuaValue) -> Bool {
        func rank(_ value: LuaValue) -> Int {
            switch value {
            case .integer: return 0
            case .number: return 1
            case .boolean: return 2
            case .string: return 3
            default: return 4
            }
        }
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.number(let a), .number(let b)): return a < b
        case (.boolean(let a), .boolean(let b)): return !a && b
        case (.string(let a), .string(let b)): return a < b
        default: return rank(lhs) < rank(rhs)
        }
    }
}
