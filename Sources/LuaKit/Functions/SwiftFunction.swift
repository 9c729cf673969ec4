import CLua
import CLuaShim

/// A Swift function callable from Lua: it reads its arguments from the call,
/// pushes its results and returns how many it pushed.
///
/// It reports failure by throwing. The C trampoline raises the Lua error after
/// this frame has returned, so Swift objects are released and no longjmp ever
/// crosses Swift code. ``LuaArgumentError`` becomes lauxlib's bad-argument
/// message, ``LuaError`` from a nested call is re-raised as it is, and any
/// other error becomes a message prefixed with the caller's `chunk:line:`.
public typealias SwiftFunction = (LuaCall) throws -> Int32

/// Boxes a closure so C can hold it as one pointer.
final class FunctionBox {
    let body: SwiftFunction
    init(_ body: @escaping SwiftFunction) { self.body = body }
}

extension LuaState {
    /// Pushes a Swift function onto the main stack.
    public func push(function: @escaping SwiftFunction) {
        LuaState.push(function: function, on: handle)
    }

    static func push(function: @escaping SwiftFunction, on thread: OpaquePointer) {
        let box = Unmanaged.passRetained(FunctionBox(function)).toOpaque()
        ps_pushswiftfunction(thread, box)
    }

    /// Sets `name` in the table on top of the stack to a Swift function.
    public func setField(_ name: String, function: @escaping SwiftFunction) {
        push(function: function)
        lua_setfield(handle, -2, name)
    }

    /// Registers the C entry points once per process.
    static let registerHostFunctions: Void = {
        ps_set_host_functions(dispatchSwiftFunction, releaseSwiftObject)
    }()
}

/// Called by the C trampoline: runs a boxed closure and converts what it
/// throws into a status for C to raise.
private let dispatchSwiftFunction: ps_dispatch_fn = { thread, box in
    let thread = thread!
    let function = Unmanaged<FunctionBox>.fromOpaque(box!).takeUnretainedValue()
    let call = LuaCall(stack: LuaStack(thread: thread), state: LuaState.owner(of: thread))
    do {
        return try function.body(call)
    } catch let error as LuaArgumentError {
        ps_getcontext(thread).pointee.error_arg = error.argument
        call.stack.push(string: error.message ?? error.expectedType ?? "")
        return error.message == nil ? Int32(PS_RETURN_TYPEERROR) : Int32(PS_RETURN_ARGERROR)
    } catch let error as LuaError {
        if error.kind == .memory { return Int32(PS_RETURN_MEMERROR) }
        call.stack.push(string: error.message)
        return Int32(PS_RETURN_ERROR)
    } catch {
        call.stack.push(string: String(describing: error))
        return Int32(PS_RETURN_ERROR_WHERE)
    }
}

/// Called by `__gc` (at most once per object): balances `passRetained`.
private let releaseSwiftObject: ps_release_fn = { box in
    Unmanaged<AnyObject>.fromOpaque(box!).release()
}
