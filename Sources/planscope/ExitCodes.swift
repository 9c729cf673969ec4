import Foundation
import LuaKit
import Workbench

/// A failure the command reports on standard error and turns into an exit code.
///
/// The mapping from errors to codes lives here and nowhere else (sysexits.h
/// where a code fits, the shell conventions 124 and 130 otherwise):
///
/// | code | meaning |
/// |---|---|
/// | 64 | usage (the argument parser's own) |
/// | 65 | bad input data |
/// | 66 | a script or input file that cannot be opened |
/// | 70 | the script failed: syntax or runtime error |
/// | 73 | an output file cannot be created |
/// | 75 | the memory limit (`--max-memory`) was reached |
/// | 124 | the time limit (`--timeout`) was reached |
/// | 130 | interrupted (Ctrl-C) |
struct CommandFailure: Error {
    let message: String
    let traceback: String
    let exitCode: Int32

    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let missingInput: Int32 = 66
    static let scriptError: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let memoryLimit: Int32 = 75
    static let timeout: Int32 = 124
    static let interrupted: Int32 = 130

    init(message: String, traceback: String = "", exitCode: Int32) {
        self.message = message
        self.traceback = traceback
        self.exitCode = exitCode
    }

    init(_ error: LuaError, limits: ScriptOptions, hostError: WorkbenchError? = nil) {
        if error.kind == .runtime, let hostError {
            self.init(message: error.message, traceback: error.traceback, exitCode: CommandFailure.code(for: hostError))
            return
        }
        switch error.kind {
        case .timeout:
            self.init(
                message: "time limit reached: the script ran longer than --timeout "
                    + "\(LuaFormat.trimmed(limits.timeout ?? 0)) s", traceback: error.traceback,
                exitCode: CommandFailure.timeout)
        case .interrupted:
            self.init(message: "interrupted", traceback: error.traceback, exitCode: CommandFailure.interrupted)
        case .memory:
            let limit = limits.maxMemory.map { "--max-memory \($0) MB" } ?? "available memory"
            self.init(
                message: "memory limit reached: the script needed more than \(limit)",
                traceback: error.traceback, exitCode: CommandFailure.memoryLimit)
        case .file:
            self.init(message: error.message, exitCode: CommandFailure.missingInput)
        case .syntax, .runtime, .conversion:
            self.init(message: error.message, traceback: error.traceback, exitCode: CommandFailure.scriptError)
        }
    }

    /// The exit code for a host error raised into a script.
    static func code(for error: WorkbenchError) -> Int32 {
        switch error.kind {
        case .missingInput: return missingInput
        case .usage: return usage
        case .data: return dataError
        case .output: return cannotCreate
        }
    }

    /// Runs `body`, turning a ``WorkbenchError`` into its failure.
    static func wrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WorkbenchError {
            throw CommandFailure(message: error.message, exitCode: code(for: error))
        }
    }
}
