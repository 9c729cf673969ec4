import CLua
import CLuaShim

/// A Lua value kept alive in the registry for the host (`luaL_ref`).
///
/// The reference is released when this object goes away. It does not keep
/// its state alive (closures given to Lua may hold references, and a strong
/// link would make a cycle); once the state is closed, releasing is a no-op.
public final class LuaReference {
    let reference: Int32
    weak var state: LuaState?

    /// Pops the value on top of `state`'s stack into the registry.
    public init(popping state: LuaState) {
        self.state = state
        self.reference = luaL_ref(state.handle, PS_REGISTRYINDEX)
    }

    deinit {
        if let state { luaL_unref(state.handle, PS_REGISTRYINDEX, reference) }
    }
}

extension LuaState {
    /// Pushes the value a reference holds.
    public func push(_ reference: LuaReference) {
        lua_rawgeti(handle, PS_REGISTRYINDEX, lua_Integer(reference.reference))
    }
}

extension LuaState {
    /// Sets `environment[name]` to a Swift function: how the host gives scripts its API.
    public func define(_ name: String, in environment: LuaReference, function: @escaping SwiftFunction) {
        push(environment)
        setField(name, function: function)
        stack.pop()
    }

    /// Sets `environment[name]` to a copy of `value`.
    public func define(_ name: String, in environment: LuaReference, value: LuaValue) throws {
        push(environment)
        defer { stack.pop() }
        try stack.push(value)
        setField(-2, name)
    }
}
