import Foundation

/// The process's standard error and environment: the only place that writes diagnostics.
enum Terminal {
    /// Prints "planscope: message" on one line, then the traceback, as `lua.c` does.
    static func report(_ failure: CommandFailure) {
        var text = "planscope: \(failure.message)\n"
        if !failure.traceback.isEmpty { text += failure.traceback + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// An environment variable, if set.
    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
