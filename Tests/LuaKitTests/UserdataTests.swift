import LuaKit
import PlanScopeTestSupport
import Testing

@Suite struct UserdataTests {
    private func lua(counter: LifetimeCounter) throws -> SandboxedLua {
        let lua = try SandboxedLua()
        var meta = LuaMetatable<LifetimeTracked>(typeName: "planscope.Counter")
        meta.method("increment") { object, call in
            object.value += Int(try call.checkInteger(2))
            return 0
        }
        meta.index { object, key, call in
            guard key == "value" else { return 0 }
            return try call.results(.integer(Int64(object.value)))
        }
        meta.length { object in Int64(object.value) }
        meta.description { object in "Counter(\(object.value))" }
        lua.lua.register(meta)
        lua.define("new_counter") { call in
            try call.push(object: LifetimeTracked(counter), typeName: "planscope.Counter")
            return 1
        }
        return lua
    }

    @Test("gives Swift objects methods, fields, length and a string form")
    func metamethods() throws {
        let counter = LifetimeCounter()
        let lua = try lua(counter: counter)
        #expect(
            try lua.run("local c = new_counter() c:increment(5) return c.value, #c, tostring(c), c.other")
                == [5, 5, "Counter(5)", .nil])
    }

    @Test("locks the metatable and names the type in errors")
    func locked() throws {
        let counter = LifetimeCounter()
        let lua = try lua(counter: counter)
        #expect(try lua.run("return getmetatable(new_counter())") == ["planscope.Counter"])
        #expect(
            lua.error("local t = {increment = new_counter().increment} t:increment(1)")?.message
                == "test:1: calling 'increment' on bad self (planscope.Counter expected, got table)")
        #expect(
            lua.error("local c = new_counter() c:increment('x')")?.message
                == "test:1: bad argument #1 to 'increment' (number expected, got string)")
        #expect(
            lua.error("setmetatable(new_counter(), {})")?.message
                == "test:1: bad argument #1 to 'setmetatable' (table expected, got planscope.Counter)")
    }

    @Test("releases objects when Lua collects them, and all of them at close")
    func released() throws {
        let counter = LifetimeCounter()
        do {
            let lua = try lua(counter: counter)
            _ = try lua.run("for i = 1, 1000 do new_counter() end collectgarbage()")
            #expect(counter.live == 0)
            _ = try lua.run("keep = {} for i = 1, 10 do keep[i] = new_counter() end")
            #expect(counter.live == 10)
        }
        #expect(counter.live == 0)
        #expect(counter.created == 1010)
    }
}
