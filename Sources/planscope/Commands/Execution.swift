import Foundation
import LuaKit
import PlanModel
import Tabular
import Workbench

/// Runs a script for a command: arms the backstop and Ctrl-C, sends output to
/// standard output, and turns failures into ``CommandFailure``s.
struct Execution {
    let options: ScriptOptions
    /// Where output goes: standard output, or `--output`'s file, with the format and sidecars.
    var destination = OutputRequest()

    /// How long past its deadline a script may run before the process is ended from outside.
    static let backstopGrace = 0.5

    func run(_ source: ScriptSource, options runOptions: RunOptions, printResults: Bool) throws {
        let startedAt = Date()
        let output = destination.makeSink()
        defer { output.flush() }
        LuaWatchdog.installInterruptHandler()
        LuaWatchdog.start(
            timeout: options.timeout, grace: Execution.backstopGrace,
            timeoutMessage:
                "planscope: \(timeoutMessage) (stopped from outside Lua: a single C call ignored the limit)\n",
            interruptMessage: "planscope: interrupted\n")
        defer { LuaWatchdog.stop() }
        let context = APIContext(
            sink: output,
            output: destination.settings,
            workspace: try loadWorkspace())
        do {
            _ = try ScriptRunner(context: context, options: runOptions).run(source, echoingResults: printResults)
            try destination.finish(
                sink: output, context: context, source: source, runOptions: runOptions,
                startedAt: startedAt)
        } catch let error as LuaError {
            output.flush()
            throw CommandFailure(error, limits: options, hostError: context.lastHostError)
        }
    }

    /// The workspace named by `--data`, or the bundled plan when it is here and none was named.
    func loadWorkspace() throws -> Workspace? {
        let directory = options.data ?? Execution.defaultWorkspace
        if options.data == nil, !FileManager.default.fileExists(atPath: directory + "/workspace.json") { return nil }
        do {
            return try WorkspaceLoader.load(directory: directory, progress: Terminal.loadProgress)
        } catch let error as WorkspaceError {
            throw CommandFailure(
                message: error.description,
                exitCode: error.kind == .missingInput ? CommandFailure.missingInput : CommandFailure.dataError)
        }
    }

    static let defaultWorkspace = "Datasets/sample2013"

    var timeoutMessage: String {
        "time limit reached: the script ran longer than --timeout \(LuaFormat.trimmed(options.timeout ?? 0)) s"
    }
}

extension LuaState {
    /// Whether `code` compiles, without running it.
    static func compiles(_ code: String) -> Bool {
        guard let lua = try? LuaState() else { return false }
        return (try? lua.load(Array(code.utf8), chunkName: "=(eval)")) != nil
    }
}

extension LuaFormat {
    /// A number without a needless `.0` (`1`, `0.5`).
    static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
