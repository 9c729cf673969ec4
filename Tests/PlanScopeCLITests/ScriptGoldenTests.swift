import Foundation
import PlanScopeTestSupport
import Testing

/// Runs every `Scripts/X.lua` that has an expected output beside it, from the package
/// root as a user would, and compares standard output byte for byte. `X.expected` is
/// the output in the default format; `X.FORMAT.expected` the output with `--format FORMAT`.
@Suite struct ScriptGoldenTests {
    struct Golden: Sendable, CustomTestStringConvertible {
        let script: String
        let format: String?
        var expectedFile: String { "Scripts/\(script.dropLast(4))\(format.map { "." + $0 } ?? "").expected" }
        var testDescription: String { expectedFile }
    }

    static let goldens: [Golden] = {
        let folder = packageRoot().appendingPathComponent("Scripts").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".expected") }.sorted().compactMap { name in
            let parts = name.dropLast(".expected".count).split(separator: ".").map(String.init)
            guard let base = parts.first, parts.count <= 2, names.contains(base + ".lua") else { return nil }
            return Golden(script: base + ".lua", format: parts.count == 2 ? parts[1] : nil)
        }
    }()

    static var scripts: [String] { goldens.map(\.script) }

    @Test("every script under Scripts/ has an expected output")
    func everyScriptHasAGolden() throws {
        let folder = packageRoot().appendingPathComponent("Scripts").path
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".lua") }
        #expect(Set(scripts) == Set(ScriptGoldenTests.scripts))
        #expect(scripts.count >= 7)
    }

    @Test("each script prints its expected output", arguments: ScriptGoldenTests.goldens)
    func golden(_ golden: Golden) throws {
        let root = packageRoot().path
        let expected = try String(contentsOfFile: "\(root)/\(golden.expectedFile)", encoding: .utf8)
        let format = golden.format.map { ["--format", $0] } ?? []
        let outcome = try runProduct("planscope", ["run"] + format + ["Scripts/\(golden.script)"], directory: root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        assertEqualText(outcome.stdout, expected)
    }

    @Test("counts_by_department.lua stays under 15 lines")
    func short() throws {
        let text = try String(contentsOfFile: packageRoot().path + "/Scripts/counts_by_department.lua", encoding: .utf8)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count - 1 < 15)
    }
}
