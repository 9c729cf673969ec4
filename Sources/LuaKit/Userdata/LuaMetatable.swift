import CLua
import CLuaShim

/// How Swift objects of one class look to Lua: a type name, methods, and the
/// metamethods `__index`, `__len` and `__tostring`.
///
/// Objects are pushed as userdata holding one retained reference. The
/// metatable is locked with `__metatable` (so scripts cannot reach `__gc`),
/// and `__gc` releases the reference at most once.
///
/// For example:
/// ```swift
/// var meta = LuaMetatable<Counter>(typeName: "planscope.Counter")
/// meta.method("increment") { counter, call in counter.value += 1; return 0 }
/// meta.length { counter in Int64(counter.value) }
/// lua.register(meta)
/// try lua.push(object: Counter(), typeName: "planscope.Counter")
/// ```
public struct LuaMetatable<Object: AnyObject> {
    /// The `__name` shown in messages (`planscope.Table expected, got table`).
    public let typeName: String
    var methods: [(String, (Object, LuaCall) throws -> Int32)] = []
    var index: ((Object, LuaValue, LuaCall) throws -> Int32)?
    var field: ((Object, String, LuaCall) throws -> Int32)?
    var length: ((Object) throws -> Int64)?
    var text: ((Object) throws -> String)?

    public init(typeName: String) { self.typeName = typeName }

    /// Adds a method. Inside it, argument 1 is the receiver and the call's
    /// own arguments start at 2 (lauxlib still reports them from #1).
    public mutating func method(_ name: String, _ body: @escaping (Object, LuaCall) throws -> Int32) {
        methods.append((name, body))
    }

    /// Answers field reads that are not methods (`t.columns`); return 0 results for nil.
    public mutating func index(_ body: @escaping (Object, LuaValue, LuaCall) throws -> Int32) {
        index = body
    }

    /// Answers reads of string keys that are not methods (`r.region`), given the key as
    /// text: the fast path for objects read once per row. Other keys go to ``index(_:)``.
    public mutating func field(_ body: @escaping (Object, String, LuaCall) throws -> Int32) {
        field = body
    }

    /// Answers `#object`.
    public mutating func length(_ body: @escaping (Object) throws -> Int64) { length = body }

    /// Answers `tostring(object)`.
    public mutating func description(_ body: @escaping (Object) throws -> String) { text = body }
}

extension LuaState {
    /// Registers how objects of one class appear in Lua. Registering a type name twice keeps the first.
    public func register<Object: AnyObject>(_ metatable: LuaMetatable<Object>) {
        guard ps_newmetatable(handle, metatable.typeName) != 0 else { stack.pop(); return }
        let typeName = metatable.typeName
        var methodReferences: [String: Int32] = [:]
        for (name, body) in metatable.methods {
            push(function: { call in
                let object = try call.checkObject(1, Object.self, typeName: typeName)
                return try body(object, call)
            })
            methodReferences[name] = luaL_ref(handle, PS_REGISTRYINDEX)
        }
        metatables[typeName] = methodReferences
        let index = metatable.index
        let field = metatable.field
        setField(
            "__index",
            function: { call in
                let object = try call.checkObject(1, Object.self, typeName: typeName)
                if let name = call.stack.text(at: 2) {
                    if let reference = methodReferences[name] {
                        lua_rawgeti(call.stack.thread, PS_REGISTRYINDEX, lua_Integer(reference))
                        return 1
                    }
                    if let field { return try field(object, name, call) }
                }
                guard let index else { return 0 }
                return try index(object, try call.value(2), call)
            })
        if let length = metatable.length {
            setField(
                "__len",
                function: { call in
                    let object = try call.checkObject(1, Object.self, typeName: typeName)
                    return try call.results(.integer(try length(object)))
                })
        }
        if let text = metatable.text {
            setField(
                "__tostring",
                function: { call in
                    let object = try call.checkObject(1, Object.self, typeName: typeName)
                    call.stack.push(string: try text(object))
                    return 1
                })
        }
        stack.pop()
    }

    /// Pushes a Swift object as userdata of a registered type.
    /// - Throws: ``LuaError`` `conversion` when the type was never registered.
    public func push<Object: AnyObject>(object: Object, typeName: String) throws {
        try LuaState.push(object: object, typeName: typeName, on: stack, registered: metatables[typeName] != nil)
    }

    static func push<Object: AnyObject>(object: Object, typeName: String, on stack: LuaStack, registered: Bool) throws {
        guard registered else {
            throw LuaError(kind: .conversion, message: "type '\(typeName)' is not registered")
        }
        try stack.reserve(2)
        ps_pushobject(stack.thread, Unmanaged.passRetained(object).toOpaque(), typeName)
    }
}

extension LuaCall {
    /// Pushes a Swift object of a registered type as a result.
    public func push<Object: AnyObject>(object: Object, typeName: String) throws {
        try LuaState.push(
            object: object, typeName: typeName, on: stack,
            registered: state.metatables[typeName] != nil)
    }
}
