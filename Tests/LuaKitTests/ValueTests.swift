import LuaKit
import Testing

@Suite struct ValueTests {
    @Test("keeps integers and floats apart")
    func numbers() throws {
        let lua = try SandboxedLua()
        #expect(
            try lua.run("return 1, 1.0, 2^53, -0.5, math.maxinteger")
                == [.integer(1), .number(1.0), .number(9_007_199_254_740_992), .number(-0.5), .integer(Int64.max)])
    }

    @Test("round-trips every kind of value through Lua unchanged")
    func roundTrip() throws {
        let lua = try SandboxedLua()
        let values: [LuaValue] = [
            .nil, true, false, 0, -7, .integer(Int64.min), 3.25, "", "两个省", .string(LuaString(bytes: [0, 255, 10])),
            [1, 2, 3], .map([LuaPair("a", 1), LuaPair("b", [true, "x"])]),
            .map([LuaPair(2, "two"), LuaPair(10, "ten")]),
        ]
        for value in values {
            try lua.lua.stack.push(value)
            #expect(try lua.lua.stack.value(at: -1) == value)
            lua.lua.stack.pop()
        }
        #expect(lua.lua.stack.top == 0)
    }

    @Test("reads strings by length, so embedded NULs survive")
    func bytes() throws {
        let lua = try SandboxedLua()
        #expect(try lua.run(#"return "a\0b", #"a\0b""#) == [.string(LuaString(bytes: [97, 0, 98])), .integer(3)])
    }

    @Test("orders map keys deterministically")
    func mapOrder() throws {
        let lua = try SandboxedLua()
        let value = try lua.run("return { z = 1, a = 2, [3] = 'c', [1.5] = 'f', [true] = 't' }")[0]
        #expect(value.description == #"{[3] = "c", [1.5] = "f", [true] = "t", a = 2, z = 1}"#)
    }

    @Test("refuses tables that contain themselves")
    func cycles() throws {
        let lua = try SandboxedLua()
        let error = lua.error("local t = {} t.self = t return t")
        #expect(error?.kind == .conversion)
        #expect(error?.message == "cannot convert a table that contains itself")
        // The same table twice, not nested in itself, is fine.
        #expect(try lua.run("local t = {1} return {t, t}")[0] == [[1], [1]])
    }

    @Test("caps the nesting depth in both directions")
    func depth() throws {
        let lua = try SandboxedLua()
        let error = lua.error("local t = {} for i = 1, 100 do t = {t} end return t")
        #expect(error?.message == "table nested more than 64 levels deep")
        var deep: LuaValue = 1
        for _ in 0..<70 { deep = [deep] }
        #expect(throws: LuaError.self) { try lua.lua.stack.push(deep) }
    }

    @Test("describes values the way Lua prints them")
    func descriptions() {
        #expect(LuaValue.number(1).description == "1.0")
        #expect(LuaValue.number(0.1).description == "0.1")
        #expect(LuaValue.number(1e100).description == "1e+100")
        #expect(LuaValue.array(["a\"b", 2]).description == #"{"a\"b", 2}"#)
        #expect(LuaValue.map([LuaPair("end", 1), LuaPair("x y", 2)]).description == #"{["end"] = 1, ["x y"] = 2}"#)
    }
}
