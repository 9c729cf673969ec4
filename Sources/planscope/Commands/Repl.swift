import ArgumentParser
import CEdit
import Foundation
import LuaKit
import Workbench

extension PlanScope {
    /// `planscope repl`
    struct Repl: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start an interactive Lua session over the workbench.",
            discussion: """
                One Lua state for the whole session. An expression shows its value ('_' keeps it); \
                an unfinished statement continues on the next line. Type '.help' for the dot commands. \
                History is kept in ~/.planscope_history. Ctrl-C stops a running chunk; Ctrl-D ends the session.

                Examples:
                  planscope repl
                  planscope repl --data Datasets/ip-services-2012 --format markdown
                """
        )

        @OptionGroup var options: ScriptOptions

        @OptionGroup(title: "Output options") var output: OutputOptions

        func validate() throws {
            if output.output != nil { throw ValidationError("--output does not apply to 'repl': use '.save FILE'") }
        }

        func run() throws {
            let request = self.output.request
            let output = request.makeSink()
            defer { output.flush() }
            let context = APIContext(
                sink: output, output: request.settings,
                workspace: try Execution(options: options).loadWorkspace())
            let session: Session
            do {
                session = try Session(
                    context: context,
                    options: options.runOptions(arguments: [], interpreterArguments: []))
            } catch let error as LuaError {
                throw CommandFailure(error, limits: options)
            }
            let input = LineInput()
            while true {
                guard let line = input.read(prompt: session.isContinuing ? ">> " : "> ") else {
                    // Ctrl-C at the prompt drops the line (and an unfinished chunk), as shells do.
                    if input.wasInterrupted {
                        session.cancelInput()
                        continue
                    }
                    break
                }
                input.remember(line)
                // Ctrl-C while a chunk runs stops the chunk at its next hook, not the session.
                LuaWatchdog.clearInterrupt()
                LuaWatchdog.installInterruptHandler()
                defer { LineInput.catchInterrupts() }
                let outcome: SessionOutcome
                do {
                    outcome = try session.evaluate(line)
                } catch let error as LuaError {
                    output.flush()
                    Repl.report(error.kind == .interrupted ? "interrupted" : error.message, error.traceback)
                    continue
                } catch let error as WorkbenchError {
                    output.flush()
                    Repl.report(error.message, "")
                    continue
                }
                output.flush()
                if outcome == .quit { break }
            }
        }

        /// An error as `lua.c` reports it when interactive: no program name, then the traceback.
        static func report(_ message: String, _ traceback: String) {
            let text = message + "\n" + (traceback.isEmpty ? "" : traceback + "\n")
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}

/// Lines from the user: libedit with history in `~/.planscope_history` when standard
/// input is a terminal, plain reads from standard input otherwise (a pipe has no editing).
final class LineInput {
    private let interactive = isatty(0) == 1
    private let historyFile: String?

    /// How many lines the history file keeps.
    static let historyLength: Int32 = 1000

    init() {
        let home = Terminal.environment("HOME").flatMap { $0.isEmpty ? nil : $0 }
        historyFile = home.map { ($0 as NSString).appendingPathComponent(".planscope_history") }
        guard interactive else { return }
        LineInput.catchInterrupts()
        using_history()
        stifle_history(LineInput.historyLength)
        if let historyFile { _ = read_history(historyFile) }
    }

    /// Set by Ctrl-C at the prompt; read and cleared by ``wasInterrupted``.
    nonisolated(unsafe) static var interruptFlag: sig_atomic_t = 0

    /// Makes Ctrl-C at the prompt set ``interruptFlag``, which ends `readline` with no line.
    static func catchInterrupts() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in LineInput.interruptFlag = 1 }
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }

    /// Whether the last ``read(prompt:)`` ended by Ctrl-C rather than end of input.
    var wasInterrupted: Bool {
        defer { LineInput.interruptFlag = 0 }
        return LineInput.interruptFlag != 0
    }

    /// The next line without its line end, or `nil` at end of input or on Ctrl-C.
    func read(prompt: String) -> String? {
        guard interactive else { return Swift.readLine(strippingNewline: true) }
        LineInput.interruptFlag = 0
        guard let line = readline(prompt) else {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return nil
        }
        defer { free(line) }
        return String(cString: line)
    }

    /// Adds a non-blank line to the history and appends it to the file at once, so a
    /// session that is killed still leaves its lines for the next one.
    func remember(_ line: String) {
        guard interactive, !line.allSatisfy(\.isWhitespace) else { return }
        add_history(line)
        // libedit's append_history writes the whole list again; rewriting the (bounded) file is simpler.
        if let historyFile { _ = write_history(historyFile) }
    }
}
