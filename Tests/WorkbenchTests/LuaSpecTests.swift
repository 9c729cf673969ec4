import Foundation
import LuaKit
import PlanModel
import PlanScopeTestSupport
import Testing
import Workbench

/// Runs each spec in Tests/WorkbenchTests/lua/ as a user's script runs, over the sample
/// workspace, and fails listing every failing `group › test` with its message.
///
/// A spec registers its tests through lua/harness.lua and ends with `return run()`, whose
/// report this test reads. The run counts as failed when the file stops outside a test, runs
/// no test, or reports fewer tests than it registered, so a spec cannot pass by running nothing.
@Suite struct LuaSpecTests {
    static let folder = packageRoot().appendingPathComponent("Tests/WorkbenchTests/lua")

    /// Every `.lua` file in the folder but the harness, by name.
    static let specFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lua") && $0 != "harness.lua" }.sorted()
    }()

    /// What each spec is told on its command line: the words after the script and the
    /// `--param` values, as if run as `planscope run --param year=2014 lua/<file> SCRATCH`.
    static let parameters = [(name: "year", text: "2014")]

    /// The test cases: the spec files, or, since an empty folder would make no case at all and
    /// pass unseen, a placeholder that cannot be read and so fails.
    static let cases = specFiles.isEmpty ? ["(no spec files)"] : specFiles

    @Test("each spec file passes every test it registers", arguments: cases)
    func spec(_ file: String) throws {
        let root = packageRoot().path
        // The scratch folder is the only place `write` may write, and it is passed as arg[1].
        let scratch = try makeTemporaryDirectory("planscope-spec")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let sink = BufferSink()
        let context = APIContext(
            sink: sink, permissions: FilePermissions(readRoots: [root, scratch], writeRoots: [scratch]),
            workspace: try WorkspaceLoader.load(directory: root + "/Datasets/sample2013"))
        var options = RunOptions(
            arguments: [scratch], interpreterArguments: ["planscope", "run", "--param", "year=2014"])
        options.parameters = ScriptParameters(values: Self.parameters)
        var source = try ScriptSource.file(Self.folder.appendingPathComponent(file).path)
        // Named as `planscope run lua/<file>` names it from Tests/WorkbenchTests, so messages
        // read `lua/table.lua:12: …` wherever the checkout is.
        source.chunkName = "@lua/" + file
        source.name = "lua/" + file
        let report: [LuaValue]
        do {
            report = try ScriptRunner(context: context, options: options).run(source)
        } catch let error as LuaError {
            Issue.record("lua/\(file) stopped outside a test: \(error.message)")
            return
        }
        let problems = Self.problems(report: report.first, output: sink.text)
        if !problems.isEmpty {
            Issue.record(
                Comment(rawValue: "lua/\(file) failed:\n" + problems.joined(separator: "\n")))
        }
    }

    // MARK: - Reading the harness's report

    /// One line per failing test (`group › test: message`), plus any problem with the report
    /// itself; none when every registered test ran and passed.
    static func problems(report: LuaValue?, output: String) -> [String] {
        guard let report, let registered = report["registered"]?.integerValue,
            case .array(let results)? = report["results"]
        else {
            return ["the file did not end with `return run()`: it returned \(report.map(\.description) ?? "nothing")"]
        }
        var problems: [String] = []
        if registered == 0 { problems.append("the file registered no tests") }
        if results.count != registered {
            problems.append("\(registered) tests registered, \(results.count) reported")
        }
        for result in results {
            let name = "\(result["group"]?.stringValue ?? "?") › \(result["test"]?.stringValue ?? "?")"
            if result["passed"] != .boolean(true) {
                problems.append("\(name): \(result["message"]?.stringValue ?? "(no message)")")
            }
            guard case .array(let expectations)? = result["outputs"] else { continue }
            for expectation in expectations {
                if let mismatch = outputMismatch(expectation, in: output) { problems.append("\(name): \(mismatch)") }
            }
        }
        return problems
    }

    /// Compares what a `prints(expected, fn)` call printed, fenced in `output` by its marker
    /// lines, with what it expected; `nil` when they agree.
    static func outputMismatch(_ expectation: LuaValue, in output: String) -> String? {
        guard let id = expectation["id"]?.integerValue, let expected = expectation["expected"]?.stringValue else {
            return "malformed output expectation \(expectation)"
        }
        let location = expectation["where"]?.stringValue ?? ""
        guard let begin = output.range(of: "\u{1}spec-output \(id) begin\n"),
            let end = output.range(of: "\u{1}spec-output \(id) end\n", range: begin.upperBound..<output.endIndex)
        else {
            return "\(location)the output markers of this prints() call are missing"
        }
        let printed = String(output[begin.upperBound..<end.lowerBound])
        guard printed != expected else { return nil }
        return "\(location)printed something else: " + lineDiff(expected: expected, actual: printed)
    }
}

extension LuaValue {
    /// The value under a string key of a table copied from Lua.
    fileprivate subscript(key: String) -> LuaValue? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == .string(LuaString(key)) }?.value
    }

    fileprivate var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    fileprivate var stringValue: String? {
        if case .string(let value) = self { return value.description }
        return nil
    }
}
