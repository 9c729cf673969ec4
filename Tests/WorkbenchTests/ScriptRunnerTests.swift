import Foundation
import LuaKit
import PlanScopeTestSupport
import Testing
import Workbench

@Suite struct ScriptRunnerTests {
    @Test("sends print to the sink and returns the main chunk's results")
    func output() throws {
        let sink = BufferSink()
        let results = try ScriptRunner(output: sink).run(.code("print('两', 1) return 42, nil"))
        #expect(sink.text == "两\t1\n")
        #expect(results == [42, .nil])
    }

    @Test("builds 'arg' and '...' as lua.c does")
    func arguments() throws {
        let sink = BufferSink()
        let options = RunOptions(arguments: ["2013Q4", "440000"], interpreterArguments: ["planscope", "run"])
        let results = try ScriptRunner(output: sink, options: options).run(
            ScriptSource(
                bytes: Array("return arg[-2], arg[-1], arg[0], arg[1], arg[2], #arg, ...".utf8),
                chunkName: "=x", name: "x.lua", directory: nil))
        #expect(results == ["planscope", "run", "x.lua", "2013Q4", "440000", 2, "2013Q4", "440000"])
    }

    @Test("skips a first line starting with '#', keeping line numbers")
    func shebang() throws {
        let folder = URL(fileURLWithPath: try makeTemporaryDirectory())
        let path = folder.appendingPathComponent("script.lua").path
        try "#!/usr/bin/env planscope run\nerror('line two')\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LuaError.self) { try ScriptRunner(output: BufferSink()).run(.file(path)) }
        // Lua shortens long chunk names to 60 bytes, keeping the end.
        #expect(error?.message.hasSuffix("/script.lua:2: line two") == true)
    }

    @Test("reports a missing script as missing input")
    func missingScript() {
        let error = #expect(throws: WorkbenchError.self) { try ScriptSource.file("/nonexistent/x.lua") }
        #expect(error?.kind == .missingInput)
        #expect(error?.message == "cannot open '/nonexistent/x.lua' (no such file or not readable)")
    }

    @Test("requires modules from the script's folder, then LUA_PATH, then --lua-path")
    func modulePaths() throws {
        let folder = URL(fileURLWithPath: try makeTemporaryDirectory())
        let other = folder.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "return 'near'".write(to: folder.appendingPathComponent("near.lua"), atomically: true, encoding: .utf8)
        try "return 'far'".write(to: other.appendingPathComponent("far.lua"), atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("main.lua").path
        try "return require('near'), (require('far'))".write(toFile: script, atomically: true, encoding: .utf8)
        let options = RunOptions(luaPath: [other.path + "/?.lua"])
        #expect(try ScriptRunner(output: BufferSink(), options: options).run(.file(script)) == ["near", "far"])
        let viaEnvironment = RunOptions(environmentLuaPath: other.path + "/?.lua;;")
        #expect(try ScriptRunner(output: BufferSink(), options: viaEnvironment).run(.file(script)) == ["near", "far"])
    }

    @Test("gives each run a fresh state")
    func isolation() throws {
        let runner = ScriptRunner(output: BufferSink())
        _ = try runner.run(.code("shared = 1"))
        #expect(try runner.run(.code("return shared")) == [.nil])
    }

    @Test("opens the full library only when asked")
    func unsafe() throws {
        #expect(try ScriptRunner(output: BufferSink()).run(.code("return io")) == [.nil])
        let results = try ScriptRunner(output: BufferSink(), options: RunOptions(unsafe: true)).run(
            .code("return type(io)"))
        #expect(results == ["table"])
    }
}
