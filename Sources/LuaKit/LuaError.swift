import Foundation

/// An error raised while loading or running Lua code.
///
/// The ``kind`` comes from the host's own records (the Lua status code and
/// the abort reason the count hook stored), never from parsing the message,
/// so a script that calls `error("timeout")` is still a runtime error.
public struct LuaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What stopped the code.
    public enum Kind: String, Sendable, Hashable {
        /// The chunk did not compile.
        case syntax
        /// The code raised an error.
        case runtime
        /// An allocation was refused: the memory limit was reached.
        case memory
        /// The time limit was reached.
        case timeout
        /// The user interrupted the run (Ctrl-C).
        case interrupted
        /// A value could not cross between Lua and Swift.
        case conversion
        /// A file the code needed could not be read.
        case file
    }

    /// What stopped the code.
    public let kind: Kind
    /// The one-line message, starting with `chunk:line:` where Lua knows the place.
    public let message: String
    /// The stack traceback, one frame per line, or empty.
    public let traceback: String

    /// Creates an error.
    public init(kind: Kind, message: String, traceback: String = "") {
        self.kind = kind
        self.message = message
        self.traceback = traceback
    }

    /// The message, then the traceback if there is one.
    public var description: String {
        traceback.isEmpty ? message : message + "\n" + traceback
    }

    /// Splits a message produced by the traceback handler into its first part and the
    /// traceback that `luaL_traceback` appended after "\nstack traceback:".
    static func split(_ text: String) -> (message: String, traceback: String) {
        guard let range = text.range(of: "\nstack traceback:") else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[text.index(after: range.lowerBound)...]))
    }
}
