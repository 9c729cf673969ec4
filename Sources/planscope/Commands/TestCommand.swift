import ArgumentParser
import Foundation
import LuaKit
import PlanModel
import Tabular
import Workbench

extension PlanScope {
    /// `planscope test [PATHS...]`: golden-output checks for analysis scripts.
    struct TestScripts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Check scripts' output against their expected files.",
            discussion: """
                For each X.lua with an X.expected (the default format) or an X.FORMAT.expected \
                (run with --format FORMAT) beside it, runs the script from the current directory, \
                compares standard output byte for byte and prints a unified diff on a mismatch. \
                A folder means the scripts directly in it. The last line reads 'N passed, M failed'; \
                the exit status is 1 when any check failed.

                Examples:
                  planscope test
                  planscope test Scripts/regional_gaps.lua
                  planscope test --update Scripts
                """
        )

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The workspace behind 'plan' (default: Datasets/sample2013 when it exists here).", valueName: "dir"))
        var data: String?

        @Option(name: .long, help: ArgumentHelp("Stop each script after this many seconds.", valueName: "seconds"))
        var timeout: Double?

        @Flag(name: .long, help: "Rewrite the expected files with the actual output, and show what changed.")
        var update = false

        @Argument(help: ArgumentHelp("Scripts or folders of scripts (default: Scripts).", valueName: "path"))
        var paths: [String] = ["Scripts"]

        func validate() throws {
            if let timeout, !(timeout > 0) || !timeout.isFinite {
                throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
            }
        }

        func run() throws {
            let checks = try paths.flatMap { try GoldenCheck.discover($0) }
            var scriptOptions = try ScriptOptions.parse(data.map { ["--data", $0] } ?? [])
            scriptOptions.timeout = timeout
            let workspace = try Execution(options: scriptOptions).loadWorkspace()
            let output = FileDescriptorSink()
            defer { output.flush() }
            var passed = 0, failed = 0, updated = 0
            for check in checks {
                let result = check.run(workspace: workspace, options: scriptOptions)
                switch result {
                case .failure(let message):
                    failed += 1
                    output.write("FAIL \(check.label)\n" + indented(message.description))
                case .success(let actual) where actual == check.expected:
                    passed += 1
                    output.write("ok   \(check.label)\n")
                case .success(let actual) where update:
                    do {
                        try AtomicFile.write(actual, to: check.expectedPath)
                    } catch {
                        failed += 1
                        output.write(
                            "FAIL \(check.label)\n" + indented("cannot write '\(check.expectedPath)': \(error)"))
                        continue
                    }
                    passed += 1
                    updated += 1
                    output.write(
                        "updated \(check.expectedPath)\n"
                            + UnifiedDiff.text(expected: check.expected ?? [], actual: actual))
                case .success(let actual):
                    failed += 1
                    guard let expected = check.expected else {
                        output.write(
                            "FAIL \(check.label)\n"
                                + indented(
                                    "no expected output: '\(check.expectedPath)' does not exist "
                                        + "(create it with --update)"))
                        continue
                    }
                    output.write("FAIL \(check.label)\n" + UnifiedDiff.text(expected: expected, actual: actual))
                }
            }
            if update { output.write("\(updated) expected file\(updated == 1 ? "" : "s") updated\n") }
            output.write("\(passed) passed, \(failed) failed\n")
            output.flush()
            if failed > 0 { throw ExitCode.failure }
        }

        private func indented(_ message: String) -> String {
            message.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
    }
}

/// One script run in one format, and the file holding what it should print.
struct GoldenCheck {
    /// The script as the user named it (`Scripts/x.lua`).
    let script: String
    /// The `--format` it runs with, or `nil` for the default.
    let format: RenderFormat?
    /// `Scripts/x.expected` or `Scripts/x.markdown.expected`.
    let expectedPath: String
    /// The expected bytes, or `nil` when the file does not exist yet.
    let expected: [UInt8]?

    /// "Scripts/x.lua" or "Scripts/x.lua (markdown)".
    var label: String { script + (format.map { " (\($0.name))" } ?? "") }

    /// The checks under `path`: every script in a folder with an expected file beside it, in name
    /// order, or one script (checked in the default format when it has no expected file yet).
    /// - Throws: ``CommandFailure`` when the path does not exist or is not a `.lua` file or folder.
    static func discover(_ path: String) throws -> [GoldenCheck] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure(
                message: "cannot open '\(path)' (no such file or folder)",
                exitCode: CommandFailure.missingInput)
        }
        if isFolder.boolValue {
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            return try names.filter { $0.hasSuffix(".lua") }.flatMap { name in
                try checks(for: folder + "/" + name, names: names, creating: false)
            }
        }
        guard path.hasSuffix(".lua") else {
            throw CommandFailure(message: "'\(path)' is not a .lua script or a folder", exitCode: CommandFailure.usage)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder).sorted()
        return try checks(for: path, names: names, creating: true)
    }

    /// `X.expected` first, then `X.FORMAT.expected` by format name; names that are not formats are ignored.
    private static func checks(for script: String, names: [String], creating: Bool) throws -> [GoldenCheck] {
        let base = String(((script as NSString).lastPathComponent as NSString).deletingPathExtension)
        let folder = (script as NSString).deletingLastPathComponent
        let prefix = folder.isEmpty ? "" : folder + "/"
        var formats: [RenderFormat?] = names.contains(base + ".expected") ? [nil] : []
        for name in names where name.hasPrefix(base + ".") && name.hasSuffix(".expected") {
            let middle = name.dropFirst(base.count + 1).dropLast(".expected".count)
            if !middle.isEmpty, let format = RenderFormat(name: String(middle)) { formats.append(format) }
        }
        if formats.isEmpty && creating { formats = [nil] }
        return try formats.map { format in
            let expectedPath = prefix + base + (format.map { "." + $0.name } ?? "") + ".expected"
            let expected =
                FileManager.default.fileExists(atPath: expectedPath)
                ? Array(try Data(contentsOf: URL(fileURLWithPath: expectedPath))) : nil
            return GoldenCheck(script: script, format: format, expectedPath: expectedPath, expected: expected)
        }
    }

    /// Runs the script in-process, as `planscope run [--format F] SCRIPT` would, and returns its
    /// standard output, or the error it raised (with its traceback).
    func run(workspace: Workspace?, options: ScriptOptions) -> Result<[UInt8], TestFailure> {
        let sink = BufferSink()
        let context = APIContext(sink: sink, output: OutputSettings(format: format ?? .box), workspace: workspace)
        let interpreter =
            [CommandLine.arguments.first ?? "planscope", "run"] + (format.map { ["--format", $0.name] } ?? [])
        do {
            let source = try ScriptSource.file(script)
            _ = try ScriptRunner(
                context: context,
                options: options.runOptions(
                    arguments: [],
                    interpreterArguments: interpreter)
            )
            .run(source)
            return .success(sink.bytes)
        } catch let error as LuaError {
            let failure = CommandFailure(error, limits: options, hostError: context.lastHostError)
            return .failure(
                TestFailure(
                    failure.traceback.isEmpty
                        ? failure.message
                        : failure.message + "\n" + failure.traceback))
        } catch {
            return .failure(TestFailure(String(describing: error)))
        }
    }
}

/// Why a check failed before its output could be compared.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
