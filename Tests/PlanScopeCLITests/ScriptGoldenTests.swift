import Foundation
import PlanScopeTestSupport
import Testing

/// Runs every `Scripts/X.lua` that has a `Scripts/X.expected` beside it, from the
/// package root as a user would, and compares standard output byte for byte.
@Suite struct ScriptGoldenTests {
    static let scripts: [String] = {
        let folder = packageRoot().appendingPathComponent("Scripts").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".lua") }
            .filter { names.contains(String($0.dropLast(4)) + ".expected") }
            .sorted()
    }()

    @Test("every script with an expected output has been found")
    func found() {
        #expect(ScriptGoldenTests.scripts.contains("counts_by_department.lua"))
    }

    @Test("each script prints its expected output", arguments: ScriptGoldenTests.scripts)
    func golden(_ script: String) throws {
        let root = packageRoot().path
        let expected = try String(contentsOfFile: "\(root)/Scripts/\(script.dropLast(4)).expected", encoding: .utf8)
        let outcome = try runProduct("planscope", ["run", "Scripts/\(script)"], directory: root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        assertEqualText(outcome.stdout, expected)
    }

    @Test("counts_by_department.lua stays under 15 lines")
    func short() throws {
        let text = try String(contentsOfFile: packageRoot().path + "/Scripts/counts_by_department.lua", encoding: .utf8)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count - 1 < 15)
    }
}
