import Foundation
import PlanScopeTestSupport
import Testing

/// `planscope repl` on a pseudo-terminal, as a user meets it: util-linux `script`
/// gives the command a terminal, so libedit, the prompts and Ctrl-C are real.
@Suite struct ReplTests {
    /// Types `keys` into `planscope repl` (each after a pause, so the prompt is up) and
    /// returns everything the terminal showed, with `\r` removed.
    func type(_ keys: [String], arguments: [String] = [], home: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([productsDirectory().appendingPathComponent("planscope").path, "repl"] + arguments)
            .map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-qfc", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.currentDirectoryURL = packageRoot()
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        for key in keys {
            Thread.sleep(forTimeInterval: 0.25)
            input.fileHandleForWriting.write(Data(key.utf8))
        }
        // `script` ends when it reads the end of its input and the command has exited.
        try input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.replacingOccurrences(of: "\r", with: "")
    }

    /// The session's own output: the terminal's text without prompt lines and echoed input.
    func printed(_ screen: String, typed: [String]) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let echoes = Set(typed.map { $0.trimmingCharacters(in: .newlines) })
        return lines.filter { !$0.hasPrefix(">") && !echoes.contains($0) }.joined(separator: "\n")
    }

    @Test("a second session recalls the first one's lines from ~/.planscope_history")
    func history() throws {
        let home = try makeTemporaryDirectory()
        _ = try type(["answer = 6 * 7\n", ".quit\n"], home: home)
        let saved = try String(contentsOfFile: home + "/.planscope_history", encoding: .utf8)
        #expect(saved.contains("answer"))
        // Up arrow twice reaches 'answer = 6 * 7', past '.quit'.
        let screen = try type(["\u{1B}[A\u{1B}[A\n", "answer + 0\n", ".quit\n"], home: home)
        #expect(screen.contains("> answer = 6 * 7\n"))
        #expect(screen.contains("> answer + 0\n42\n"))
    }

    @Test("continues an unfinished chunk at '>> ', keeps '_' and reports errors without stopping")
    func multilineAndErrors() throws {
        let screen = try type(
            [
                "function double(a)\n", "return a * 2\n", "end\n", "double(21)\n",
                "_ + 1\n", "error('boom')\n", "_\n", ".quit\n",
            ], home: try makeTemporaryDirectory())
        #expect(screen.contains(">> return a * 2\n>> end\n> double(21)\n42\n> _ + 1\n43\n"))
        #expect(screen.contains("> error('boom')\nstdin:1: boom\nstack traceback:\n"))
        #expect(!screen.contains("planscope:"))
        #expect(screen.contains("> _\n43\n"))
    }

    @Test("Ctrl-C stops a running chunk and keeps the session's state")
    func interrupt() throws {
        let screen = try type(
            ["kept = 'yes'\n", "while true do end\n", "\u{03}", "kept\n", ".quit\n"],
            home: try makeTemporaryDirectory())
        #expect(screen.contains("interrupted\n"))
        #expect(screen.contains("> kept\nyes\n"))
    }

    @Test("'.save' writes a script whose 'planscope run' prints what the session printed")
    func save() throws {
        let folder = try makeTemporaryDirectory()
        let script = folder + "/session.lua"
        let typed = [
            "t = Table.from{ n = {3, 1, 2}, s = {'a', 'b', 'c'} }\n", "t = t:order_by('n')\n", "#t, {k = 'v'}\n",
            ".format csv\n", "for i = 1, 2 do\n", "print(i * _)\n", "end\n",
            "show(t:where(function(r) return r.n > 1 end))\n",
            "t\n", ".save \(script)\n", ".quit\n",
        ]
        let screen = try type(typed, home: folder)
        let session = printed(screen, typed: typed)
        #expect(session.contains("3\t{k = \"v\"}\n3\n6\n"))
        let replay = try runProduct("planscope", ["run", script], directory: packageRoot().path)
        #expect(replay.status == 0)
        assertEqualText(replay.stdout, session.trimmingCharacters(in: .newlines) + "\n")
    }

    @Test("'.tables' lists the workspace's tables with their row counts")
    func tables() throws {
        let screen = try type([".format csv\n", ".tables\n", ".quit\n"], home: try makeTemporaryDirectory())
        #expect(screen.contains("table,rows\nmain_tasks,3\n"))
    }
}
