import Foundation
import LuaKit
import Testing

@Suite struct SandboxTests {
    @Test(
        "refuses each known escape with a clear message",
        arguments: [
            ("os.execute('ls')", "test:1: attempt to call a nil value (field 'execute')"),
            ("io.open('/etc/passwd')", "test:1: attempt to index a nil value (global 'io')"),
            ("package.loadlib('x', 'y')", "test:1: attempt to index a nil value (global 'package')"),
            ("load(string.dump(function() end))", "test:1: attempt to call a nil value (field 'dump')"),
            ("debug.getregistry()", "test:1: attempt to index a nil value (global 'debug')"),
            ("setmetatable('', {})", "test:1: bad argument #1 to 'setmetatable' (table expected, got string)"),
            ("getmetatable('').__index.rep = nil", "test:1: the string metatable is locked by the sandbox"),
            ("dofile('/etc/passwd')", "test:1: attempt to call a nil value (global 'dofile')"),
            ("loadfile('/etc/passwd')", "test:1: attempt to call a nil value (global 'loadfile')"),
            ("require('io')", "test:1: module 'io' not found:\n\tno file 'io.lua'\n\tno file 'io/init.lua'"),
            (
                "setmetatable({}, {__gc = print})",
                "test:1: bad argument #2 to 'setmetatable' (finalizers (__gc) are not allowed in the sandbox)"
            ),
            (
                "collectgarbage('stop')",
                "test:1: bad argument #1 to 'collectgarbage' (option 'stop' is not allowed in the sandbox)"
            ),
        ])
    func escapes(code: String, message: String) throws {
        let lua = try SandboxedLua(modulePaths: ["?.lua", "?/init.lua"])
        let error = try #require(lua.error(code))
        #expect(error.kind == .runtime)
        #expect(error.message == message)
    }

    @Test("refuses bytecode through load")
    func bytecode() throws {
        let lua = try SandboxedLua()
        #expect(
            try lua.run("return load('\\27Lua', 'x', 'b')")
                == [.nil, "attempt to load a binary chunk (the sandbox loads text only)"])
        #expect(
            try lua.run("return load('\\27Lua')")
                == [.nil, "attempt to load a binary chunk (mode is 't')"])
        #expect(try lua.run("return load('return x')()") == [.nil])
        #expect(try lua.run("x = 5 return load('return x')()") == [5])
    }

    @Test("gives each script a fresh environment and its own library copies")
    func freshEnvironments() throws {
        let lua = try LuaState()
        let first = try lua.newEnvironment(.init(output: { _ in }))
        let second = try lua.newEnvironment(.init(output: { _ in }))
        _ = try lua.evaluate("leak = 1 string.upper = nil table.insert = nil", chunkName: "=a", environment: first)
        #expect(
            try lua.evaluate(
                "return leak, string.upper('a'), ('b'):upper(), type(table.insert)",
                chunkName: "=b", environment: second) == [.nil, "A", "B", "function"])
    }

    @Test("keeps the allow list and nothing else")
    func allowList() throws {
        let lua = try SandboxedLua()
        let names = try lua.run(
            """
            local names = {}
            for k in pairs(_G) do names[#names + 1] = k end
            for k in pairs(os) do names[#names + 1] = 'os.' .. k end
            table.sort(names) return table.concat(names, ' ')
            """)
        #expect(
            names == [
                .string(
                    LuaString(
                        """
                        _G _VERSION arg assert collectgarbage coroutine error getmetatable ipairs load math next \
                        os os.clock os.date os.difftime os.time pairs pcall print rawequal rawget rawlen rawset \
                        require select setmetatable string table tonumber tostring type utf8 xpcall
                        """.replacingOccurrences(of: "arg ", with: "")))
            ])
        #expect(try lua.run("return string.dump") == [.nil])
    }

    @Test("sends print to the host's output")
    func printing() throws {
        let lua = try SandboxedLua()
        _ = try lua.run("print(1, 2.5, nil, true, '两') print()")
        #expect(lua.output == "1\t2.5\tnil\ttrue\t两\n\n")
    }

    @Test("loads pure-Lua modules from the given folders only, once")
    func modules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planscope-modules-\(UUID())")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "count = (count or 0) + 1 return { twice = function(x) return 2 * x end }"
            .write(to: folder.appendingPathComponent("lib/helpers.lua"), atomically: true, encoding: .utf8)
        let lua = try SandboxedLua(modulePaths: [folder.path + "/?.lua", folder.path + "/?.so"])
        #expect(
            try lua.run("local h = require('lib.helpers') require('lib.helpers') return h.twice(21), count")
                == [42, 1])
        #expect(
            lua.error("require('../etc/passwd')")?.message
                == "test:1: module name '../etc/passwd' is not allowed (use letters, digits and '_', separated by '.')")
        #expect(
            lua.error("require('nothere')")?.message == """
                test:1: module 'nothere' not found:
                \tno file '\(folder.path)/nothere.lua'
                \tskipped '\(folder.path)/?.so' (only .lua modules can be loaded)
                """)
        #expect(try lua.run("return require('string') == string") == [true])
    }

    @Test("builds module paths from LUA_PATH, with ';;' for the defaults")
    func luaPath() {
        #expect(
            LuaSandbox.modulePaths(luaPath: "lib/?.lua;;x/?.lua", defaults: ["?.lua"])
                == ["lib/?.lua", "?.lua", "x/?.lua"])
    }

    @Test("opens everything in unsafe mode, print still going to the host")
    func unsafe() throws {
        let lua = try SandboxedLua(libraries: .all)
        #expect(try lua.run("print('x') return type(io.open), type(os.execute)") == ["function", "function"])
        #expect(lua.output == "x\n")
    }
}
