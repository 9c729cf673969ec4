import Foundation
import PlanModel
import PlanScopeTestSupport
import Testing
import Workbench

/// Runs every example in docs/lua-api.md and compares its output byte for byte
/// with the `text` block that follows it, so the reference cannot drift.
@Suite struct APIReferenceTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let line: Int
        let code: String
        let expected: String
        var testDescription: String { "docs/lua-api.md:\(line)" }
    }

    static let examples: [Example] = {
        let path = packageRoot().appendingPathComponent("docs/lua-api.md").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return parse(text)
    }()

    /// Each ```lua block directly followed by a ```text block.
    static func parse(_ text: String) -> [Example] {
        let lines = text.components(separatedBy: "\n")
        var examples: [Example] = []
        var index = 0
        func block(at start: Int, fence: String) -> (body: String, end: Int)? {
            guard start < lines.count, lines[start] == fence else { return nil }
            guard let end = lines[(start + 1)...].firstIndex(of: "```") else { return nil }
            return (lines[(start + 1)..<end].joined(separator: "\n"), end)
        }
        while index < lines.count {
            if let code = block(at: index, fence: "```lua") {
                var next = code.end + 1
                while next < lines.count, lines[next].isEmpty { next += 1 }
                if let output = block(at: next, fence: "```text") {
                    examples.append(
                        Example(
                            line: index + 1, code: code.body,
                            expected: output.body.isEmpty ? "" : output.body + "\n"))
                    index = output.end
                }
            }
            index += 1
        }
        return examples
    }

    @Test("the reference has examples")
    func hasExamples() {
        #expect(APIReferenceTests.examples.count >= 20)
    }

    @Test("each example prints exactly what the reference says", arguments: APIReferenceTests.examples)
    func example(_ example: Example) throws {
        let root = packageRoot().path
        let workspace = try WorkspaceLoader.load(directory: root + "/Datasets/sample2013")
        let sink = BufferSink()
        let context = APIContext(
            sink: sink, permissions: FilePermissions(readRoots: [root], writeRoots: [NSTemporaryDirectory()]),
            workspace: workspace)
        // The same chunk name as `planscope run -`, which produced the expected text.
        let source = ScriptSource(bytes: Array(example.code.utf8), chunkName: "=stdin", name: "-", directory: nil)
        _ = try ScriptRunner(context: context).run(source)
        assertEqualText(sink.text, example.expected)
    }
}
