import LuaKit
import PlanScopeTestSupport
import Testing

@Suite struct FunctionTests {
    @Test("calls Swift closures with arguments and returns their results")
    func calls() throws {
        let lua = try SandboxedLua()
        lua.define("add") { call in
            let a = try call.checkInteger(1), b = try call.checkInteger(2)
            return try call.results(.integer(a + b), "sum")
        }
        #expect(try lua.run("return add(2, 3)") == [5, "sum"])
    }

    @Test("words argument errors as lauxlib does, at the caller's line")
    func argumentErrors() throws {
        let lua = try SandboxedLua()
        lua.define("where") { call in
            try call.checkTable(1)
            return 0
        }
        lua.define("limit") { call in
            _ = try call.checkInteger(1); return 0
        }
        let cases: [(String, String)] = [
            ("where(1)", "test:1: bad argument #1 to 'where' (table expected, got number)"),
            ("where()", "test:1: bad argument #1 to 'where' (table expected, got no value)"),
            ("\n\nlimit(1.5)", "test:3: bad argument #1 to 'limit' (number has no integer representation)"),
            ("local t = {f = limit} t.f('x')", "test:1: bad argument #1 to 'f' (number expected, got string)"),
            (
                "local t = {limit = limit} t:limit()",
                "test:1: calling 'limit' on bad self (number expected, got table)"
            ),
        ]
        for (code, message) in cases {
            #expect(lua.error(code)?.message == message, "\(code)")
        }
    }

    @Test("turns other Swift errors into messages with the script's position")
    func swiftErrors() throws {
        struct Refusal: Error, CustomStringConvertible { var description: String { "unknown column 'provnce'" } }
        let lua = try SandboxedLua()
        lua.define("fail") { _ in throw Refusal() }
        let error = lua.error("local x = 1\nfail()")
        #expect(error?.kind == .runtime)
        #expect(error?.message == "test:2: unknown column 'provnce'")
        // Lua names the C frame "function 'fail'" or "global 'fail'" depending on what it finds first.
        #expect(error?.traceback.hasPrefix("stack traceback:\n\t[C]: in ") == true)
        #expect(error?.traceback.hasSuffix(" 'fail'\n\ttest:2: in main chunk") == true)
    }

    @Test("lets errors from nested Lua calls pass through unchanged")
    func nestedErrors() throws {
        let lua = try SandboxedLua()
        lua.define("apply") { call in
            try call.checkFunction(1)
            call.pushCopy(of: 1)
            try call.callFunction(argumentCount: 0)
            return 0
        }
        #expect(lua.error("apply(function() error('inner') end)")?.message == "test:1: inner")
        #expect(try lua.run("return pcall(apply, function() error('x', 0) end)") == [false, "x"])
    }

    @Test("releases every closure when the state closes, after errors too")
    func closuresReleased() throws {
        let counter = LifetimeCounter()
        do {
            let lua = try SandboxedLua()
            for index in 0..<100 {
                let tracked = LifetimeTracked(counter, value: index)
                lua.define("f\(index)") { call in try call.results(.integer(Int64(tracked.value))) }
            }
            lua.define("boom") { _ in
                _ = LifetimeTracked(counter)
                throw LuaArgumentError(argument: 1, message: "nope")
            }
            #expect(try lua.run("return f42()") == [42])
            #expect(lua.error("boom()") != nil)
            #expect(counter.live == 100)
        }
        #expect(counter.live == 0)
        #expect(counter.created == 101)
    }
}
