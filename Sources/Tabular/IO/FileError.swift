#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be opened, read, created or written.
///
/// The kinds match the exit codes the command line gives them: a missing
/// input (66), an output that cannot be created (73), and other I/O (74).
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The input does not exist.
        case notFound
        /// The output (or its temporary file) cannot be created.
        case cannotCreate
        /// Any other failure to open, read, write or rename.
        case io
    }

    /// What went wrong.
    public let kind: Kind
    /// The path involved.
    public let path: String
    /// The message, in lauxlib's style.
    public let message: String

    /// The message.
    public var description: String { message }

    /// An input that cannot be opened.
    static func cannotOpen(_ path: String, errno code: Int32) -> FileError {
        FileError(
            kind: code == ENOENT ? .notFound : .io, path: path,
            message: "cannot open '\(path)' (\(reason(code)))")
    }

    /// An input that fails while being read.
    static func cannotRead(_ path: String, errno code: Int32) -> FileError {
        FileError(kind: .io, path: path, message: "cannot read '\(path)' (\(reason(code)))")
    }

    /// An output that cannot be created.
    static func cannotCreate(_ path: String, errno code: Int32) -> FileError {
        FileError(kind: .cannotCreate, path: path, message: "cannot create '\(path)' (\(reason(code)))")
    }

    /// An output that fails while being written or moved into place.
    static func cannotWrite(_ path: String, errno code: Int32) -> FileError {
        FileError(kind: .io, path: path, message: "cannot write '\(path)' (\(reason(code)))")
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let words = String(cString: text)
        return words.prefix(1).lowercased() + words.dropFirst()
    }
}
