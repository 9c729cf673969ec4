import Foundation
import PlanScopeTestSupport
import Testing

/// Runs the built `planscope` as a user would and checks exit codes, stdout and stderr.
@Suite struct RunCommandTests {
    private func planscope(_ arguments: String..., stdin: String? = nil, interruptAfter: Double? = nil) throws
        -> ProcessOutcome
    {
        try runProduct("planscope", arguments, stdin: stdin, interruptAfter: interruptAfter)
    }

    @Test("eval prints returned values sensibly")
    func eval() throws {
        let outcome = try planscope("eval", #"return 1+1, "两", {1,2}"#)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "2\t两\t{1, 2}\n")
        #expect(outcome.stderr == "")
        #expect(try planscope("eval", "1 + 1").stdout == "2\n")
        #expect(try planscope("eval", "x = 1").stdout == "")
    }

    @Test("eval shows a returned table as the REPL does, in the output format")
    func evalTable() throws {
        let query = #"return #plan.measures, plan.measures:count("scope"):order_by("scope")"#
        let boxed = try planscope("eval", query)
        #expect(boxed.status == 0, "\(boxed.stderr)")
        assertEqualText(
            boxed.stdout,
            """
            42
            ┌──────────┬─────┐
            │  scope   │  n  │
            │  string  │ int │
            ├──────────┼─────┤
            │ joint    │  30 │
            │ national │  12 │
            └──────────┴─────┘

            """)
        #expect(try planscope("eval", "--format", "csv", query).stdout == "42\nscope,n\njoint,30\nnational,12\n")
    }

    @Test("run reads the script from standard input with '-' and passes arguments")
    func stdinScript() throws {
        let outcome = try planscope("run", "-", "a", "--b", stdin: "#!shebang\nprint(arg[0], #arg, ...)")
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "-\t2\ta\t--b\n")
    }

    @Test(
        "refuses each escape with a clear message and a script-error exit",
        arguments: [
            ("os.execute('ls')", "planscope: (eval):1: attempt to call a nil value (field 'execute')"),
            ("io.open('/etc/passwd')", "planscope: (eval):1: attempt to index a nil value (global 'io')"),
            ("package.loadlib('x', 'y')", "planscope: (eval):1: attempt to index a nil value (global 'package')"),
            ("load(string.dump(function() end))", "planscope: (eval):1: attempt to call a nil value (field 'dump')"),
            ("debug.getregistry()", "planscope: (eval):1: attempt to index a nil value (global 'debug')"),
            (
                "setmetatable('', {})",
                "planscope: (eval):1: bad argument #1 to 'setmetatable' (table expected, got string)"
            ),
            (
                "getmetatable('').__index.rep = function() end",
                "planscope: (eval):1: the string metatable is locked by the sandbox"
            ),
        ])
    func escapes(code: String, message: String) throws {
        let outcome = try planscope("eval", code)
        #expect(outcome.status == 70)
        #expect(outcome.stderr.split(separator: "\n").first.map(String.init) == message)
        #expect(outcome.stderr.contains("\nstack traceback:\n"))
    }

    @Test(
        "stops runaway loops with exit 124 inside the limit plus one second",
        arguments: [
            "while true do end",
            "while true do pcall(function() while true do end end) end",
            "local co = coroutine.create(function() while true do end end) coroutine.resume(co)",
        ])
    func timeout(code: String) throws {
        let outcome = try planscope("eval", "--timeout", "1", code)
        #expect(outcome.status == 124)
        // On a loaded machine the backstop can win the race with the hook; both say this.
        #expect(outcome.stderr.hasPrefix("planscope: time limit reached: the script ran longer than --timeout 1 s"))
        // A loose bound: the backstop fires at 1.5 s; CI machines may be slow to start the process.
        #expect(outcome.seconds < 5)
    }

    @Test("ends a single C call that ignores the hook from outside the VM")
    func backstop() throws {
        let outcome = try planscope("eval", "--timeout", "1", #"return string.find(("a"):rep(300), ".-.-.-.-b$")"#)
        #expect(outcome.status == 124)
        #expect(
            outcome.stderr == "planscope: time limit reached: the script ran longer than --timeout 1 s "
                + "(stopped from outside Lua: a single C call ignored the limit)\n")
        #expect(outcome.seconds < 5)
    }

    @Test(
        "stops runaway allocation with exit 75",
        arguments: [
            #"string.rep("x", 2^32)"#,
            "local s = 'x' while true do s = s .. s end",
        ])
    func memory(code: String) throws {
        let outcome = try planscope("eval", "--max-memory", "64", code)
        #expect(outcome.status == 75)
        #expect(
            outcome.stderr.hasPrefix(
                "planscope: memory limit reached: the script needed more than --max-memory 64 MB\n"))
    }

    @Test("interrupts cleanly on Ctrl-C with exit 130")
    func interrupt() throws {
        let outcome = try planscope("eval", "while true do end", interruptAfter: 0.5)
        #expect(outcome.status == 130)
        #expect(outcome.stderr.hasPrefix("planscope: interrupted\n"))
    }

    @Test("maps usage, missing input and script errors to sysexits codes")
    func exitCodes() throws {
        let usage = try planscope("run")
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: Missing expected argument '<script>'"))
        let badTimeout = try planscope("eval", "--timeout", "0", "1")
        #expect(badTimeout.status == 64)
        let missing = try planscope("run", "/nonexistent/script.lua")
        #expect(missing.status == 66)
        #expect(missing.stderr == "planscope: cannot open '/nonexistent/script.lua' (no such file or not readable)\n")
        let syntax = try planscope("eval", "x = = 1")
        #expect(syntax.status == 70)
        #expect(syntax.stderr.hasPrefix("planscope: (eval):1: unexpected symbol near '='"))
        let thrown = try planscope("eval", "error({})")
        #expect(thrown.status == 70)
        #expect(thrown.stderr.hasPrefix("planscope: (error object is a table value)\n"))
    }

    @Test("a throwing __tostring on an error object cannot crash the host")
    func hostileErrorObject() throws {
        let outcome = try planscope("eval", "error(setmetatable({}, {__tostring = function() error('no') end}))")
        #expect(outcome.status == 70)
        #expect(outcome.stderr.hasPrefix("planscope: "))
    }

    @Test("prints its version")
    func version() throws {
        #expect(try planscope("--version").stdout == "0.1.0\n")
    }
}
