import Foundation
import Tabular

/// The files a run read with `read_csv` and wrote with `write`, in the order it first
/// touched them, for provenance sidecars.
public struct RunFiles: Sendable {
    /// Each file read, as the script named it, with its row count.
    public private(set) var inputs: [(path: String, rows: Int)] = []
    /// Each file written, as the script named it.
    public private(set) var outputs: [String] = []

    public init() {}

    /// Notes a file read; a file read twice is listed once, with its last row count.
    mutating func read(_ path: String, rows: Int) {
        inputs.removeAll { $0.path == path }
        inputs.append((path, rows))
    }

    /// Notes a file written; a file written twice is listed once.
    mutating func wrote(_ path: String) {
        if !outputs.contains(path) { outputs.append(path) }
    }
}

/// Where an output file came from: the script, its inputs and its parameters, written as
/// a sidecar `out.csv.meta.json` next to the output (`--provenance`).
///
/// The JSON has sorted keys and one fixed layout, so two runs on the same inputs give the
/// same sidecar apart from `run_time`.
///
/// For example:
/// ```swift
/// let record = Provenance(scriptPath: "a.lua", script: bytes, gitRevision: nil, arguments: [],
///                         parameters: [], inputs: [], version: "0.1.0", runTime: Date())
/// try record.writeSidecar(for: "out/result.csv")
/// ```
public struct Provenance: Sendable {
    /// The script as named on the command line (`-` for standard input).
    public var scriptPath: String
    /// The script's bytes, hashed into the record.
    public var script: [UInt8]
    /// `git rev-parse HEAD` in the working directory, or `nil` outside a repository.
    public var gitRevision: String?
    /// The script's positional arguments.
    public var arguments: [String]
    /// The `--param` values, by name.
    public var parameters: [(name: String, text: String)]
    /// Every input file with its row count: the workspace's tables and `read_csv` files.
    public var inputs: [(path: String, rows: Int)]
    /// PlanScope's version.
    public var version: String
    /// When the run started.
    public var runTime: Date

    public init(
        scriptPath: String, script: [UInt8], gitRevision: String?, arguments: [String],
        parameters: [(name: String, text: String)], inputs: [(path: String, rows: Int)],
        version: String, runTime: Date
    ) {
        self.scriptPath = scriptPath
        self.script = script
        self.gitRevision = gitRevision
        self.arguments = arguments
        self.parameters = parameters
        self.inputs = inputs
        self.version = version
        self.runTime = runTime
    }

    /// The sidecar's path for `output`: `out.csv` → `out.csv.meta.json`.
    public static func sidecarPath(for output: String) -> String { output + ".meta.json" }

    /// The record as JSON text, keys sorted, two-space indented, ending in a newline.
    /// Input files are hashed now; one that has gone missing gets a `null` checksum.
    /// - Complexity: O(total size of the script and the inputs).
    public func json() -> String {
        let inputLines = inputs.map { input in
            let hash = FileManager.default.contents(atPath: input.path).map { "\"\(SHA256.hex($0))\"" } ?? "null"
            return "    {\"path\": \(Provenance.quoted(input.path)), \"rows\": \(input.rows), \"sha256\": \(hash)}"
        }
        let parameterLines = parameters.sorted { $0.name < $1.name }.map {
            "    \(Provenance.quoted($0.name)): \(Provenance.quoted($0.text))"
        }
        var text = "{\n"
        text += "  \"arguments\": [" + arguments.map(Provenance.quoted).joined(separator: ", ") + "],\n"
        text += "  \"git_revision\": " + (gitRevision.map(Provenance.quoted) ?? "null") + ",\n"
        text += "  \"inputs\": " + Provenance.block(inputLines, "[", "]") + ",\n"
        text += "  \"parameters\": " + Provenance.block(parameterLines, "{", "}") + ",\n"
        text += "  \"planscope_version\": \(Provenance.quoted(version)),\n"
        text += "  \"run_time\": \(Provenance.quoted(Provenance.timestamp(runTime))),\n"
        text += "  \"script\": {\"path\": \(Provenance.quoted(scriptPath)), \"sha256\": \"\(SHA256.hex(script))\"}\n"
        return text + "}\n"
    }

    /// Writes the sidecar for `output` atomically.
    /// - Throws: ``WorkbenchError`` (output) when it cannot be written.
    public func writeSidecar(for output: String) throws {
        let sink = FileSink(path: Provenance.sidecarPath(for: output))
        sink.write(json())
        try sink.commit()
    }

    /// ISO 8601 in UTC to the second (`2026-11-25T12:00:00Z`), whatever the locale.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static func block(_ lines: [String], _ open: String, _ close: String) -> String {
        lines.isEmpty ? open + close : open + "\n" + lines.joined(separator: ",\n") + "\n  " + close
    }

    /// A JSON string literal, written as the JSON renderer writes strings.
    static func quoted(_ text: String) -> String { jsonQuoted(text) }
}
