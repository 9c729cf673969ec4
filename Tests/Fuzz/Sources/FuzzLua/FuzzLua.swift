import LuaKit

/// Runs the input as Lua source in a fresh sandboxed state and converts what it returns.
///
/// The limits are the ones from issue 8 (0.2 s, 16 MiB), so runaway loops and allocations
/// end as `LuaError`s. Each result, already copied into a `LuaValue`, is described, pushed
/// back onto the Lua stack and read again, so conversion runs in both directions on values
/// the fuzzer builds (cycles, huge tables, NaN keys, userdata, coroutines). Errors are a
/// correct outcome; only a crash or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let lua = try? LuaState(libraries: .sandboxed, limits: LuaLimits(timeout: 0.2, maxMemory: 16 << 20))
    else { fatalError("cannot create a sandboxed Lua state") }
    guard let environment = try? lua.newEnvironment(.init(output: { _ in })) else {
        fatalError("cannot create a sandbox environment")
    }
    guard let results = try? lua.evaluate(source, chunkName: "=fuzz", environment: environment) else {
        return 0
    }
    for value in results {
        _ = value.description
        _ = String(reflecting: value)
        if (try? lua.stack.push(value)) != nil {
            _ = try? lua.stack.value(at: -1)
            lua.stack.pop()
        }
    }
    return 0
}
