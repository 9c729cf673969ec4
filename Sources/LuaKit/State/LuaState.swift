import CLua
import CLuaShim

/// One Lua 5.4 state and everything the host keeps for it.
///
/// `LuaState` is deliberately not `Sendable`: a state belongs to one thread.
/// It owns the `lua_State`, closes it in `deinit` (which releases every Swift
/// object given to Lua), counts Lua's memory against ``LuaLimits/maxMemory``
/// and carries a permanent count hook that enforces ``LuaLimits/timeout``
/// and Ctrl-C in every coroutine.
///
/// For example:
/// ```swift
/// let lua = try LuaState(libraries: .sandboxed)
/// let results = try lua.evaluate("return 1 + 1", chunkName: "=(eval)")  // [.integer(2)]
/// ```
public final class LuaState {
    /// Which standard libraries a state opens.
    public enum Libraries: Sendable {
        /// The sandbox's allow list (see ``LuaSandbox``).
        case sandboxed
        /// Every standard library (`--unsafe`).
        case all
    }

    /// The main thread.
    public let handle: OpaquePointer
    let context: UnsafeMutablePointer<ps_context>
    /// The main thread's stack.
    public var stack: LuaStack { LuaStack(thread: handle) }
    /// Metatables registered so far, by `__name`, with the registry references of their methods.
    var metatables: [String: [String: Int32]] = [:]
    /// The libraries this state opened.
    public let libraries: Libraries

    /// Opens a state with `libraries`, then applies `limits`.
    ///
    /// The memory limit is armed only after the libraries are open, so a tiny
    /// limit fails the script, not the host.
    /// - Throws: ``LuaError`` `memory` when Lua cannot even start.
    public init(libraries: Libraries = .sandboxed, limits: LuaLimits = .none) throws {
        LuaState.registerHostFunctions
        context = .allocate(capacity: 1)
        guard let handle = ps_newstate(context) else {
            context.deallocate()
            throw LuaError(kind: .memory, message: "not enough memory to create a Lua state")
        }
        self.handle = handle
        self.libraries = libraries
        context.pointee.host = Unmanaged.passUnretained(self).toOpaque()
        let status = ps_openlibs(handle, libraries == .all ? 1 : 0)
        if status != LUA_OK { throw error(status: status) }
        if libraries == .sandboxed { try LuaSandbox.install(in: self) }
        apply(limits)
    }

    deinit {
        context.pointee.relaxed = 1
        context.pointee.limit = 0
        lua_close(handle)
        context.deallocate()
    }

    /// Sets the limits, starting the time limit's clock now.
    public func apply(_ limits: LuaLimits) {
        context.pointee.limit = limits.maxMemory.map { max(1, $0) } ?? 0
        context.pointee.deadline = limits.timeout.map { ps_monotonic_now() + $0 } ?? 0
    }

    /// Bytes Lua holds right now.
    public var memoryInUse: Int { Int(context.pointee.used) }

    /// The most bytes Lua has held at once.
    public var peakMemory: Int { Int(context.pointee.peak) }

    /// Why the last run was stopped from outside, if it was.
    public var abortReason: LuaError.Kind? {
        switch context.pointee.abort_reason {
        case Int32(PS_ABORT_TIMEOUT): return .timeout
        case Int32(PS_ABORT_INTERRUPT): return .interrupted
        default: return nil
        }
    }

    /// Forgets an abort, so the state can run code again (the REPL after Ctrl-C).
    public func clearAbort() {
        ps_reset_abort(handle)
    }

    /// The owner of a thread of this state, from inside a Swift function.
    static func owner(of thread: OpaquePointer) -> LuaState {
        let context = ps_getcontext(thread)!
        return Unmanaged<LuaState>.fromOpaque(context.pointee.host).takeUnretainedValue()
    }

    /// Turns a failed status into an error, reading the error object on top and popping it.
    func error(status: Int32, thread: OpaquePointer? = nil) -> LuaError {
        let stack = LuaStack(thread: thread ?? handle)
        let text =
            stack.string(at: -1)?.description
            ?? "(error object is a \(stack.typeName(at: -1)) value)"
        stack.pop()
        let (message, traceback) = LuaError.split(text)
        let kind: LuaError.Kind
        if let reason = abortReason {
            kind = reason
        } else {
            switch status {
            case LUA_ERRSYNTAX: kind = .syntax
            case LUA_ERRMEM: kind = .memory
            case LUA_ERRERR:
                return LuaError(
                    kind: .runtime, message: "error in error handling (the error object's __tostring failed)")
            default: kind = .runtime
            }
        }
        return LuaError(kind: kind, message: message, traceback: traceback)
    }
}
