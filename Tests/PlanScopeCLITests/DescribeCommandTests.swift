import Foundation
import PlanScopeTestSupport
import Testing

/// `planscope describe`, run as a user runs it.
@Suite struct DescribeCommandTests {
    private let sample = packageRoot().appendingPathComponent("Datasets/sample2013").path

    @Test("describe lists every table with its file, rows, columns and synthetic flag")
    func tables() throws {
        let outcome = try runProduct("planscope", ["describe", "--data", sample])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("sample2013: ") == true)
        #expect(lines.contains("│ main_tasks       │ ../plan2013/main_tasks.csv       │    3 │       7 │ false     │"))
        #expect(lines.contains { $0.hasPrefix("│ progress ") && $0.hasSuffix("│ true      │") })
    }

    @Test("describe TABLE lists its columns: type, nullable, allowed values, nulls, distinct, description")
    func columns() throws {
        let outcome = try runProduct("planscope", ["describe", "measures", "--data", sample])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("measures (../plan2013/measures.csv, 42 rows)\n"))
        let header = outcome.stdout.split(separator: "\n").first { $0.contains("column") && $0.contains("description") }
        for name in ["type", "nullable", "enum", "nulls", "distinct"] { #expect(header?.contains(name) == true) }
        let scope = outcome.stdout.split(separator: "\n").first { $0.hasPrefix("│ scope ") }.map(String.init) ?? ""
        #expect(scope.contains("national, joint"), "\(scope)")
        #expect(scope.contains("│ false    │"))
    }

    @Test("a synthetic table says so in its heading")
    func synthetic() throws {
        let outcome = try runProduct("planscope", ["describe", "progress", "--data", sample])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n").first?.hasSuffix(", synthetic)") == true)
    }

    @Test("an unknown table is a usage error (64) with a suggestion")
    func unknownTable() throws {
        let outcome = try runProduct("planscope", ["describe", "measurs", "--data", sample])
        #expect(outcome.status == 64)
        #expect(
            outcome.stderr.hasPrefix(
                "planscope: unknown table 'measurs' in workspace 'sample2013'; "
                    + "did you mean 'measures'? (tables: main_tasks,"))
        #expect(outcome.stdout == "")
    }

    @Test("a missing workspace exits 66")
    func missingWorkspace() throws {
        let outcome = try runProduct("planscope", ["describe", "--data", "/nonexistent/workspace"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.hasPrefix("planscope: "))
    }

    @Test("describe --help has examples")
    func help() throws {
        #expect(try runProduct("planscope", ["describe", "--help"]).stdout.contains("planscope describe measures"))
    }
}
