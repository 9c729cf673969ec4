/// An error outside Lua itself: a script or input file that cannot be read.
public struct WorkbenchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        case missingInput
        case usage
        /// Input data that is malformed (a CSV with errors).
        case data
        /// An output file that cannot be created or written.
        case output
    }

    public let kind: Kind
    public let message: String
    public var description: String { message }

    /// A file that does not exist or cannot be read.
    public static func missingInput(path: String, reason: String) -> WorkbenchError {
        WorkbenchError(kind: .missingInput, message: "cannot open '\(path)' (\(reason))")
    }

    /// Malformed input data; the message lists every problem.
    public static func data(_ message: String) -> WorkbenchError {
        WorkbenchError(kind: .data, message: message)
    }

    /// An output that cannot be written.
    public static func output(_ message: String) -> WorkbenchError {
        WorkbenchError(kind: .output, message: message)
    }

    /// A request that makes no sense.
    public static func usage(_ message: String) -> WorkbenchError {
        WorkbenchError(kind: .usage, message: message)
    }
}
