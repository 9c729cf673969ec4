import Foundation
import PlanScopeTestSupport
import Testing

/// Copies of the bundled workspaces, broken on purpose, for loader tests.
enum WorkspaceFixtures {
    static let plan2013 = packageRoot().appendingPathComponent("Datasets/plan2013").path
    static let ipServices = packageRoot().appendingPathComponent("Datasets/ip-services-2012").path

    /// A fresh copy of the workspace at `source` in a temporary directory; returns its path.
    static func copy(of source: String = plan2013) throws -> String {
        let directory = try makeTemporaryDirectory("planmodel") + "/workspace"
        try FileManager.default.copyItem(atPath: source, toPath: directory)
        return directory
    }

    /// Replaces the one line of `file` that starts with `prefix` by `change(line)`,
    /// failing the test when no line or several lines start so.
    static func edit(
        _ directory: String, _ file: String, lineStartingWith prefix: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (String) -> String
    ) throws {
        let path = directory + "/" + file
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].hasPrefix(prefix) }
        try #require(
            matches.count == 1,
            "expected one line starting '\(prefix)' in \(file), found \(matches.count)",
            sourceLocation: sourceLocation)
        let changed = change(lines[matches[0]])
        try #require(
            changed != lines[matches[0]], "the edit changed nothing", sourceLocation: sourceLocation
        )
        lines[matches[0]] = changed
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `text` with the only occurrence of `old` replaced by `new`.
    static func replacing(_ old: String, with new: String, in text: String) -> String {
        guard let range = text.range(of: old) else { return text }
        return text.replacingCharacters(in: range, with: new)
    }

    // MARK: - The six breakages

    /// Deletes `rules.csv`.
    static func removeRules(_ directory: String) throws {
        try FileManager.default.removeItem(atPath: directory + "/rules.csv")
    }

    /// Writes `1O00` (letter O) for target t01's value, an int column.
    static func breakType(_ directory: String) throws {
        try edit(directory, "targets.csv", lineStartingWith: "t01,") {
            replacing(",at_least,1000,", with: ",at_least,1O00,", in: $0)
        }
    }

    /// Misspells a lead department of measure 5.
    static func breakReference(_ directory: String) throws {
        try edit(directory, "responsibilities.csv", lineStartingWith: "5,patent_administration,") {
            replacing("patent_administration", with: "patent_administratoin", in: $0)
        }
    }

    /// Gives Tianjin Beijing's code.
    static func duplicateKey(_ directory: String) throws {
        try edit(directory, "provinces.csv", lineStartingWith: "120000,") {
            "110000" + $0.dropFirst(6)
        }
    }

    /// Gives measure 9 a timing outside the enumeration.
    static func breakEnum(_ directory: String) throws {
        try edit(directory, "measures.csv", lineStartingWith: "9,3,") {
            replacing(",national,none,phased,", with: ",national,none,soon,", in: $0)
        }
    }

    /// Drops the last field of main task 1.
    static func raggedRow(_ directory: String) throws {
        try edit(directory, "main_tasks.csv", lineStartingWith: "1,") {
            replacing(",patent system innovation is the foundation", with: "", in: $0)
        }
    }
}
