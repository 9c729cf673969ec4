import CLua
import CLuaShim

extension LuaState {
    /// Compiles a text chunk and leaves the function on the stack.
    ///
    /// Binary chunks are refused. `chunkName` follows Lua's convention:
    /// `@path` for files, `=name` for a literal name.
    /// - Throws: ``LuaError`` `syntax` (or `memory`).
    public func load(_ source: [UInt8], chunkName: String) throws {
        let bytes = source.isEmpty ? [0] : source
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                ps_loadtext(handle, $0.baseAddress!, source.count, chunkName)
            }
        }
        if status != LUA_OK { throw error(status: status) }
    }

    /// Calls the function below `argumentCount` arguments on the stack, in
    /// protected mode, leaving all its results on the stack.
    /// - Parameter traceback: append a stack traceback to the error message.
    /// - Returns: the number of results.
    /// - Throws: ``LuaError`` classified from the status and the host's abort record.
    @discardableResult
    public func call(argumentCount: Int32, traceback: Bool = true) throws -> Int32 {
        let base = stack.top - argumentCount - 1
        let status = ps_pcall(handle, argumentCount, LUA_MULTRET, traceback ? 1 : 0)
        if status != LUA_OK { throw error(status: status) }
        if let reason = abortReason {
            // A coroutine can swallow a stop (its thread re-arms, the caller's does not):
            // the host's record still ends the run.
            stack.pop(stack.top - base)
            throw LuaError(
                kind: reason,
                message: reason == .timeout
                    ? "script stopped: time limit reached"
                    : "script stopped: interrupted")
        }
        return stack.top - base
    }

    /// Compiles and runs a chunk, returning its results copied into Swift.
    ///
    /// For example:
    /// ```swift
    /// try lua.evaluate("return 1, 'two', {3}", chunkName: "=(eval)")
    /// // [.integer(1), .string("two"), .array([.integer(3)])]
    /// ```
    /// - Parameter environment: the table the chunk sees as `_ENV`; by default the
    ///   global table (a sandboxed state's scripts should get ``newEnvironment(output:modulePaths:)``).
    public func evaluate(_ source: String, chunkName: String, environment: LuaReference? = nil) throws -> [LuaValue] {
        try load(Array(source.utf8), chunkName: chunkName)
        if let environment { setEnvironment(environment) }
        let count = try call(argumentCount: 0)
        defer { stack.pop(count) }
        return try (0..<count).map { try stack.value(at: -count + $0) }
    }

    /// Makes `environment` the `_ENV` of the function on top of the stack.
    public func setEnvironment(_ environment: LuaReference) {
        push(environment)
        if lua_setupvalue(handle, -2, 1) == nil { stack.pop() }
    }
}

extension LuaState {
    /// `t[name] = value` for the table at `index` and the value on top (popped), without metamethods.
    public func setField(_ index: Int32, _ name: String) {
        let table = lua_absindex(handle, index)
        stack.push(string: name)
        ps_insert(handle, -2)
        lua_rawset(handle, table)
    }
}

extension LuaState {
    /// Pushes `t[name]` for the table at `index`, without metamethods.
    public func getField(_ index: Int32, _ name: String) {
        let table = lua_absindex(handle, index)
        stack.push(string: name)
        lua_rawget(handle, table)
    }
}
