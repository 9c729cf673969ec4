import Foundation
import LuaKit
import PlanScopeTestSupport
import Testing
import Workbench

@Suite struct ReplSessionTests {
    /// Feeds lines to a fresh session, returning it and its output.
    func session(_ lines: [String], options: RunOptions = RunOptions()) throws -> (Session, BufferSink) {
        let sink = BufferSink()
        let session = try Session(context: APIContext(sink: sink), options: options)
        for line in lines { _ = try session.evaluate(line) }
        return (session, sink)
    }

    @Test("shows an expression's values and keeps the first in '_'")
    func expressions() throws {
        let (session, sink) = try session(["x = 20", "x + 1, 'two'"])
        #expect(try session.evaluate("_ * 2") == .evaluated([.integer(42)]))
        #expect(sink.text == "21\ttwo\n42\n")
    }

    @Test("shows Lua tables as 'planscope eval' does")
    func tablesLikeEval() throws {
        let lines = ["{1, 'a\\n', {true}}", "{b = 1, [2] = 'x', ['not id'] = 2.5, [false] = 0, ['end'] = 1}"]
        let (session, sink) = try session([])
        var expected = ""
        for line in lines {
            guard case .evaluated(let values) = try session.evaluate(line) else {
                Issue.record("'\(line)' did not run")
                return
            }
            expected += values.map(\.description).joined(separator: "\t") + "\n"
        }
        assertEqualText(sink.text, expected)
        #expect(sink.text.hasPrefix("{1, \"a\\n\", {true}}\n"))
    }

    @Test("waits for more lines when the chunk ends early, as lua.c does")
    func multiline() throws {
        let (session, sink) = try session([])
        #expect(try session.evaluate("function add(a,") == .incomplete)
        #expect(session.isContinuing)
        #expect(try session.evaluate("  b) return a + b") == .incomplete)
        #expect(try session.evaluate("end") == .evaluated([]))
        #expect(!session.isContinuing)
        #expect(try session.evaluate("add(2, 3)") == .evaluated([.integer(5)]))
        #expect(sink.text == "5\n")
    }

    @Test("keeps the state after an error and drops the failed chunk")
    func errors() throws {
        let (session, sink) = try session(["n = 1"])
        let error = #expect(throws: LuaError.self) { try session.evaluate("n = n + 1; error('boom')") }
        #expect(error?.message == "stdin:1: boom")
        #expect(error?.traceback.hasPrefix("stack traceback:") == true)
        #expect(try session.evaluate("for i = 1,") == .incomplete)
        #expect(throws: LuaError.self) { try session.evaluate("do") }
        #expect(!session.isContinuing)
        #expect(try session.evaluate("n") == .evaluated([.integer(2)]))
        #expect(sink.text == "2\n")
        #expect(session.accepted == ["n = 1", "return n"])
    }

    @Test("runs again after a chunk is stopped by the time limit")
    func abortCleared() throws {
        let options = RunOptions(limits: LuaLimits(timeout: 0.2, maxMemory: nil))
        let (session, _) = try session(["k = 7"], options: options)
        let error = #expect(throws: LuaError.self) { try session.evaluate("while true do end") }
        #expect(error?.kind == .timeout)
        #expect(try session.evaluate("k") == .evaluated([.integer(7)]))
    }

    @Test("renders a returned table and 'show' in the active format, switched by '.format'")
    func formats() throws {
        let (session, sink) = try session(["t = Table.from{ x = {1, 2} }", "t"])
        #expect(sink.text.contains("│  x  │"))
        #expect(try session.evaluate(".format csv") == .command)
        let before = sink.text.count
        _ = try session.evaluate("#t, t")
        _ = try session.evaluate("show(t)")
        // A table after the first gets a blank line above it, whatever the format.
        assertEqualText(String(sink.text.dropFirst(before)), "2\n\nx\n1\n2\n\nx\n1\n2\n")
    }

    @Test("saves a script that 'planscope run' turns into the same output")
    func saveReproduces() throws {
        let lines = [
            "local hidden = 5", "t = Table.from{ n = {3, 1, 2} }", "t = t:order_by('n')", ".format csv",
            "for i = 1, 2 do", "  print(i)", "end", "#t, {a = 1}", "_ + 1", "show(t)", "error('x')",
        ]
        let (session, sink) = try session([])
        for line in lines { _ = try? session.evaluate(line) }
        let replay = BufferSink()
        _ = try ScriptRunner(output: replay).run(.code(session.script))
        assertEqualText(replay.text, sink.text)
        #expect(sink.text.contains("3\t{a = 1}\n4\n"))
        #expect(!session.script.contains("error('x')"))
    }

    @Test("writes the script with '.save' and reports misused dot commands")
    func dotCommands() throws {
        let folder = try makeTemporaryDirectory()
        let (session, sink) = try session(["1 + 1"])
        #expect(try session.evaluate(".save \(folder)/s.lua") == .command)
        #expect(try String(contentsOfFile: folder + "/s.lua", encoding: .utf8) == session.script)
        #expect(try session.evaluate(".help") == .command)
        #expect(sink.text.contains(".save FILE"))
        #expect(try session.evaluate(".quit") == .quit)
        let unknown = #expect(throws: WorkbenchError.self) { try session.evaluate(".nope") }
        #expect(unknown?.message == "unknown command '.nope' (commands: .help, .tables, .format, .save, .quit)")
        let format = #expect(throws: WorkbenchError.self) { try session.evaluate(".format xml") }
        #expect(format?.message.hasPrefix("unknown format 'xml' (formats: box, ") == true)
        let tables = #expect(throws: WorkbenchError.self) { try session.evaluate(".tables") }
        #expect(tables?.message == "no workspace is loaded (start the session with --data DIR)")
    }
}
