import LuaKit
import Testing

@Suite struct LimitTests {
    @Test(
        "stops runaway loops at the time limit, wherever they run",
        arguments: [
            "while true do end",
            "while true do pcall(function() while true do end end) end",
            "local co = coroutine.create(function() while true do end end) coroutine.resume(co)",
            "local co = coroutine.wrap(function() while true do pcall(error) end end) co()",
            "local f f = function() return pcall(f) end while true do f() end",
        ])
    func timeout(code: String) throws {
        let lua = try SandboxedLua(limits: LuaLimits(timeout: 0.2))
        let error = try #require(lua.error(code))
        #expect(error.kind == .timeout)
        #expect(lua.lua.abortReason == .timeout)
    }

    @Test("does not take a script's own 'timeout' error for a real one")
    func fakeTimeout() throws {
        let lua = try SandboxedLua(limits: LuaLimits(timeout: 10))
        let error = try #require(lua.error("error('script stopped: time limit reached')"))
        #expect(error.kind == .runtime)
    }

    @Test(
        "stops runaway allocation at the memory limit",
        arguments: [
            "string.rep('x', 2^32)",
            "('x'):rep(2^31)",
            "local s = 'x' while true do s = s .. s end",
            "local t = {} for i = 1, 1e9 do t[i] = i end",
            "local t = {} for i = 1, 1e9 do t[i] = tostring(i) end",
        ])
    func memory(code: String) throws {
        let lua = try SandboxedLua(limits: LuaLimits(maxMemory: 16 << 20))
        let error = try #require(lua.error(code))
        #expect(error.kind == .memory)
        #expect(lua.lua.memoryInUse < 17 << 20)
    }

    @Test("lets a script catch a memory error and go on")
    func caughtMemoryError() throws {
        let lua = try SandboxedLua(limits: LuaLimits(maxMemory: 16 << 20))
        #expect(try lua.run("local ok, e = pcall(string.rep, 'x', 1e9) return ok, e") == [false, "not enough memory"])
    }

    @Test("keeps the host safe when a Swift function allocates past the limit")
    func hostAllocation() throws {
        let lua = try SandboxedLua(limits: LuaLimits(maxMemory: 4 << 20))
        lua.define("big") { call in
            call.stack.push(bytes: [UInt8](repeating: 65, count: 8 << 20))
            return 1
        }
        #expect(lua.error("local s = big()")?.kind == .memory)
    }

    @Test("fails cleanly when the limit is below what Lua needs to start")
    func tinyLimit() throws {
        let lua = try SandboxedLua(limits: LuaLimits(maxMemory: 1))
        #expect(lua.error("local t = {}")?.kind == .memory)
    }

    @Test("runs again after an abort is cleared")
    func clearAbort() throws {
        let lua = try SandboxedLua(limits: LuaLimits(timeout: 0.1))
        #expect(lua.error("while true do end")?.kind == .timeout)
        lua.lua.clearAbort()
        #expect(try lua.run("return 1") == [1])
    }
}
