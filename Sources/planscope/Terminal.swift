import Foundation
import Tabular

/// The process's standard error and environment: the only place that writes diagnostics.
enum Terminal {
    /// Prints "planscope: message" on one line, then the traceback, as `lua.c` does.
    static func report(_ failure: CommandFailure) {
        var text = "planscope: \(failure.message)\n"
        if !failure.traceback.isEmpty { text += failure.traceback + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Shows how far a large file's loading has got, on standard error, only when it
    /// is a terminal: a line redrawn in place and cleared when the file is done.
    static func loadProgress(file: String, bytesRead: Int, totalBytes: Int) {
        guard totalBytes >= progressThreshold, isatty(2) == 1 else { return }
        let megabytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_048_576) }
        let percent = totalBytes == 0 ? 100 : bytesRead * 100 / totalBytes
        let line =
            bytesRead >= totalBytes
            ? "\r\u{1B}[K"
            : "\rloading \(file) \(percent)% (\(megabytes(bytesRead)) / \(megabytes(totalBytes)) MB)\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Files smaller than this load too fast for progress to help.
    static let progressThreshold = 16 << 20

    /// Eliding and colour only when standard output is a terminal, colour only
    /// when `NO_COLOR` is unset; otherwise every row and column, plain.
    static func renderOptions() -> RenderOptions {
        guard isatty(1) == 1 else { return RenderOptions() }
        var size = winsize()
        let width = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 120
        return .terminal(width: max(width, 80), colour: environment("NO_COLOR") == nil)
    }

    /// An environment variable, if set.
    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
