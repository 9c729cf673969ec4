import ArgumentParser
import Foundation
import LuaKit
import Workbench

/// The `planscope` command: run analysts' Lua scripts over a plan's data.
@main
struct PlanScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planscope",
        abstract: "An analysts' workbench for following a national plan from measures to results.",
        discussion: """
            Scripts run in a sandbox: no processes, no native modules, no bytecode, no file access \
            beyond what PlanScope offers. See docs/sandbox.md.

            Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 script error, 73 cannot create output, \
            75 memory limit, 124 time limit, 130 interrupted.
            """,
        version: PlanScopeVersion.current,
        subcommands: [Run.self, Eval.self, Check.self, Describe.self, TestScripts.self, Repl.self]
    )

    /// Parses, runs, and maps every failure to its exit code in one place (ExitCodes.swift).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.report(failure)
            Foundation.exit(failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}

/// The version printed by `--version`.
enum PlanScopeVersion {
    static let current = "0.1.0"
}
