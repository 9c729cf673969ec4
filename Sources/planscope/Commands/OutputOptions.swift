import ArgumentParser
import Foundation
import PlanModel
import Tabular
import Workbench

/// Where and how `run` and `eval` write what `show` and `print` produce.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "How 'show' prints tables: \(RenderFormat.names.joined(separator: ", ")) "
                + "(default: box, or what --output's extension implies).",
            valueName: "format"))
    var format: String?

    @Flag(name: .long, help: "Short for --format csv.")
    var csv = false

    @Flag(name: .long, help: "Short for --format json.")
    var json = false

    @Flag(name: .long, help: "Short for --format markdown.")
    var markdown = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write all output to this file instead, atomically when the script ends; "
                + "the extension (.csv, .tsv, .json, .ndjson, .md) sets the format.",
            valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "CSV for Excel: a byte order mark, CRLF, formula-like text neutralised.")
    var excel = false

    @Option(
        name: .customLong("max-rows"),
        help: ArgumentHelp(
            "On a terminal, the rows a long table shows before eliding (default 40).", valueName: "n"))
    var maxRows: Int?

    @Option(
        name: .customLong("max-width"),
        help: ArgumentHelp(
            "On a terminal, the widest a table may be in columns (default: the terminal's width).", valueName: "n"))
    var maxWidth: Int?

    @Option(
        name: .customLong("null"),
        help: ArgumentHelp(
            "The text shown for null in box, line, markdown and csv (default: NULL in box and line, empty otherwise).",
            valueName: "text"))
    var nullText: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal (as NO_COLOR does).")
    var noColor = false

    func validate() throws {
        let chosen = [
            format.map { "--format \($0)" }, csv ? "--csv" : nil, json ? "--json" : nil,
            markdown ? "--markdown" : nil,
        ].compactMap { $0 }
        if chosen.count > 1 {
            throw ValidationError("\(chosen.joined(separator: " and ")) conflict: give one format")
        }
        if let format, RenderFormat(name: format) == nil {
            throw ValidationError(
                "--format must be one of \(RenderFormat.names.joined(separator: ", ")), got '\(format)'")
        }
        if let output, chosen.isEmpty, RenderFormat(fileExtension: output) == nil {
            throw ValidationError(
                "cannot tell the format of '\(output)' from its extension: "
                    + "use .csv, .tsv, .json, .ndjson or .md, or add --format")
        }
        if excel, resolvedFormat != .csv, resolvedFormat != .tsv {
            throw ValidationError("--excel applies to csv and tsv only, got format '\(resolvedFormat.name)'")
        }
        if excel, nullText != nil {
            throw ValidationError("--null cannot be used with --excel, which writes null as an empty field")
        }
        if let maxRows, maxRows <= 0 { throw ValidationError("--max-rows must be a positive number, got \(maxRows)") }
        if let maxWidth, maxWidth <= 0 {
            throw ValidationError("--max-width must be a positive number, got \(maxWidth)")
        }
    }

    /// The format asked for: a flag, else `--output`'s extension, else csv for `--excel`, else box.
    var resolvedFormat: RenderFormat {
        if csv { return .csv }
        if json { return .json }
        if markdown { return .markdown }
        if let format { return RenderFormat(name: format) ?? .box }
        if let output, let implied = RenderFormat(fileExtension: output) { return implied }
        return excel ? .csv : .box
    }

    /// The plain value `Execution` uses; a file or pipe gets every row, plainly.
    var request: OutputRequest {
        var render = output == nil ? Terminal.renderOptions() : RenderOptions()
        if let maxRows { render.maxRows = maxRows }
        if let maxWidth, render.elide { render.maxWidth = maxWidth }
        if noColor { render.colour = false }
        render.nullText = nullText
        return OutputRequest(
            settings: OutputSettings(format: resolvedFormat, render: render, excel: excel, file: output))
    }
}

/// `run --provenance`.
struct ProvenanceOption: ParsableArguments {
    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Next to each file written (by write() or --output), write FILE.meta.json: the script and its SHA-256, "
                + "the git revision, the parameters, each input with its SHA-256 and rows, the version and the time."))
    var provenance = false
}

/// Where a run's output goes, decided from the command line.
struct OutputRequest {
    /// What `show` starts with.
    var settings = OutputSettings(render: Terminal.renderOptions())
    /// Whether to write sidecars, and for which script.
    var provenanceScript: String?

    /// Standard output, or a file written when the run succeeds.
    func makeSink() -> OutputSink {
        let sink: OutputSink = settings.file.map { FileSink(path: $0) } ?? FileDescriptorSink()
        if settings.excel { sink.write(OutputSettings.byteOrderMark) }
        return sink
    }

    /// After a successful run: writes the `--output` file, then the sidecars.
    func finish(
        sink: OutputSink, context: APIContext, source: ScriptSource, runOptions: RunOptions,
        startedAt: Date
    ) throws {
        try CommandFailure.wrapping {
            if let file = sink as? FileSink { try file.commit() }
            guard let script = provenanceScript else { return }
            var inputs: [(path: String, rows: Int)] = []
            if let workspace = context.workspace {
                for (name, table) in workspace.tables {
                    guard let entry = workspace.manifest.tables.first(where: { $0.name == name }) else { continue }
                    inputs.append((OutputRequest.joined(workspace.path, entry.file), table.rowCount))
                }
            }
            inputs += context.files.inputs
            let record = Provenance(
                scriptPath: script,
                script: script == "-"
                    ? source.bytes : FileManager.default.contents(atPath: script).map { Array($0) } ?? source.bytes,
                gitRevision: OutputRequest.gitRevision(), arguments: runOptions.arguments,
                parameters: runOptions.parameters.values, inputs: inputs,
                version: PlanScopeVersion.current, runTime: startedAt)
            for output in context.files.outputs + [settings.file].compactMap({ $0 }) {
                try record.writeSidecar(for: output)
            }
        }
    }

    /// `directory/file` with `..` resolved by name (`Datasets/sample2013/../plan2013/x.csv` →
    /// `Datasets/plan2013/x.csv`), so a sidecar names each file one way.
    static func joined(_ directory: String, _ file: String) -> String {
        var parts: [Substring] = []
        for part in (directory + "/" + file).split(separator: "/", omittingEmptySubsequences: false) {
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `git rev-parse HEAD` in the working directory, or `nil` when git or a repository is missing.
    static func gitRevision() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let revision = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !revision.isEmpty ? revision : nil
    }
}
