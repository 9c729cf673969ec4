/// One problem in a workspace, located compiler-style in the file that holds it.
///
/// CSV problems point at the offending cell; manifest problems at the entry
/// that declares the thing in question. ``description`` is
/// `file:line:column: message`, or `file: message` when no line is known.
public struct WorkspaceProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file, as the loader was given it: the workspace directory joined
    /// with the manifest's path for it.
    public let file: String
    /// The line, from 1, or `nil` when the problem is about the file as a whole.
    public let line: Int?
    /// The column in characters, from 1, or `nil` with no line.
    public let column: Int?
    /// What was expected and what was found.
    public let message: String

    /// A problem at a place in `file`.
    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, or `file: message`.
    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line):\(column ?? 1): \(message)"
    }
}

/// Everything wrong with a workspace, found in one load and thrown at once.
///
/// All wording lives in the named constructors in `WorkspaceProblem+Messages.swift`.
public struct WorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the workspace was missing or present and wrong.
    public enum Kind: Sendable, Hashable {
        /// The directory or its `workspace.json` does not exist or cannot be read.
        case missingInput
        /// The manifest or the data break a rule; ``problems`` says which.
        case invalidData
    }

    /// Whether the workspace was missing or present and wrong.
    public let kind: Kind
    /// Every problem, manifest problems first, then each table's in manifest order.
    public let problems: [WorkspaceProblem]

    /// Wraps the problems of one load.
    public init(kind: Kind, problems: [WorkspaceProblem]) {
        self.kind = kind
        self.problems = problems
    }

    /// The count line: `1 problem`, `6 problems`.
    public var countLine: String {
        problems.count == 1 ? "1 problem" : "\(problems.count) problems"
    }

    /// One problem per line, then the count.
    public var description: String {
        (problems.map(\.description) + [countLine]).joined(separator: "\n")
    }
}
