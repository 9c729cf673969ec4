import CLua
import CLuaShim

/// The arguments and results of one call from Lua into a Swift function.
///
/// A `LuaCall` is valid only while the function runs. Its checks word their
/// errors as lauxlib does: `bad argument #1 to 'where' (table expected, got number)`,
/// counting arguments as the user wrote them (`t:where(x)` makes `x` #1).
public struct LuaCall {
    /// The stack of the thread that made the call (a coroutine's, possibly).
    public let stack: LuaStack
    /// The state that owns the thread.
    public let state: LuaState

    /// The number of arguments passed.
    public var argumentCount: Int32 { stack.top }

    // MARK: - Checks

    /// The Lua type of an argument (`LUA_TNONE` when absent).
    public func type(_ argument: Int32) -> Int32 { lua_type(stack.thread, argument) }

    /// Copies any argument into Swift.
    public func value(_ argument: Int32) throws -> LuaValue { try stack.value(at: argument) }

    /// An error that reports the argument as lauxlib's `luaL_typeerror` does.
    public func typeError(_ argument: Int32, expected: String) -> LuaArgumentError {
        LuaArgumentError(argument: argument, expectedType: expected)
    }

    /// The integer at `argument`.
    /// - Throws: `number expected, got X` or `number has no integer representation`.
    public func checkInteger(_ argument: Int32) throws -> Int64 {
        var isInteger: Int32 = 0
        let value = lua_tointegerx(stack.thread, argument, &isInteger)
        if isInteger != 0 { return Int64(value) }
        if lua_type(stack.thread, argument) == LUA_TNUMBER {
            throw LuaArgumentError(argument: argument, message: "number has no integer representation")
        }
        throw typeError(argument, expected: "number")
    }

    /// The number at `argument`.
    public func checkNumber(_ argument: Int32) throws -> Double {
        guard lua_type(stack.thread, argument) == LUA_TNUMBER else { throw typeError(argument, expected: "number") }
        return ps_tonumber(stack.thread, argument)
    }

    /// The string at `argument` (numbers are not accepted; Lua's coercion would hide mistakes).
    public func checkString(_ argument: Int32) throws -> LuaString {
        guard let text = stack.string(at: argument) else { throw typeError(argument, expected: "string") }
        return text
    }

    /// The string at `argument` as text, or `nil` when it is absent or nil.
    public func optionalString(_ argument: Int32) throws -> LuaString? {
        lua_type(stack.thread, argument) <= LUA_TNIL ? nil : try checkString(argument)
    }

    /// Checks that `argument` is a table.
    public func checkTable(_ argument: Int32) throws {
        guard lua_type(stack.thread, argument) == LUA_TTABLE else { throw typeError(argument, expected: "table") }
    }

    /// Checks that `argument` is a function.
    public func checkFunction(_ argument: Int32) throws {
        guard lua_type(stack.thread, argument) == LUA_TFUNCTION else {
            throw typeError(argument, expected: "function")
        }
    }

    /// The Swift object in a userdata registered as `typeName`.
    /// - Throws: `T expected, got X` (or `calling 'm' on bad self` for the receiver of a method).
    public func checkObject<Object: AnyObject>(_ argument: Int32, _ type: Object.Type, typeName: String) throws
        -> Object
    {
        var released: Int32 = 0
        guard let pointer = ps_toobject(stack.thread, argument, typeName, &released) else {
            if released != 0 {
                throw LuaArgumentError(argument: argument, message: "\(typeName) was already released")
            }
            throw typeError(argument, expected: typeName)
        }
        return Unmanaged<Object>.fromOpaque(pointer).takeUnretainedValue()
    }

    // MARK: - Results

    /// Pushes results and returns how many, for `return call.results(…)`.
    public func results(_ values: LuaValue...) throws -> Int32 {
        for value in values { try stack.push(value) }
        return Int32(values.count)
    }
}

/// A bad argument, reported through lauxlib's `luaL_argerror` or `luaL_typeerror`
/// so that the function name, the method adjustment and the position come from Lua itself.
public struct LuaArgumentError: Error, Sendable, Hashable {
    /// The argument number as the C function sees it (the receiver of a method is #1).
    public let argument: Int32
    /// The text inside the parentheses, or `nil` for a type error.
    public let message: String?
    /// The expected type name, for a type error.
    public let expectedType: String?

    /// `bad argument #n to 'f' (message)`.
    public init(argument: Int32, message: String) {
        self.argument = argument
        self.message = message
        self.expectedType = nil
    }

    /// `bad argument #n to 'f' (expected expected, got actual)`.
    public init(argument: Int32, expectedType: String) {
        self.argument = argument
        self.message = nil
        self.expectedType = expectedType
    }
}

extension LuaCall {
    /// Pushes a copy of an argument (to call it, or return it).
    public func pushCopy(of argument: Int32) { lua_pushvalue(stack.thread, argument) }

    /// Calls the function below `argumentCount` arguments on this thread's stack,
    /// in protected mode, leaving its results.
    ///
    /// Errors come back as ``LuaError``; rethrowing one from the Swift function
    /// re-raises it in Lua unchanged.
    /// - Returns: the number of results.
    @discardableResult
    public func callFunction(argumentCount: Int32) throws -> Int32 {
        let base = stack.top - argumentCount - 1
        let status = ps_pcall(stack.thread, argumentCount, LUA_MULTRET, 0)
        if status != LUA_OK { throw state.error(status: status, thread: stack.thread) }
        return stack.top - base
    }
}
