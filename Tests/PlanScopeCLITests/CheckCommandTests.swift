import Foundation
import PlanScopeTestSupport
import Testing

/// `planscope check`, run as a user runs it.
@Suite struct CheckCommandTests {
    @Test("check on the bundled workspace exits 0 and prints the one-screen summary")
    func goodWorkspace() throws {
        let outcome = try runProduct(
            "planscope", ["check", "--data", "Datasets/plan2013"], directory: packageRoot().path)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        assertEqualText(
            outcome.stdout,
            """
            plan2013: Promotion Plan on National Patent Development Strategy in 2013
            ┌──────────────────┬──────────────────────┬──────┬─────────┬───────────┐
            │      table       │         file         │ rows │ columns │ synthetic │
            │      string      │        string        │ int  │   int   │   bool    │
            ├──────────────────┼──────────────────────┼──────┼─────────┼───────────┤
            │ main_tasks       │ main_tasks.csv       │    3 │       7 │ false     │
            │ tasks            │ tasks.csv            │   15 │       4 │ false     │
            │ measures         │ measures.csv         │   42 │      15 │ false     │
            │ departments      │ departments.csv      │   13 │       4 │ false     │
            │ responsibilities │ responsibilities.csv │   77 │       6 │ false     │
            │ targets          │ targets.csv          │   13 │      15 │ false     │
            │ provinces        │ provinces.csv        │   32 │       9 │ false     │
            │ rules            │ rules.csv            │   13 │       9 │ false     │
            └──────────────────┴──────────────────────┴──────┴─────────┴───────────┘
            ✓ types, nulls, allowed values, keys and foreign keys of 8 tables
            ✓ main_tasks: 3 rows (seed: "Around the three major tasks")
            ✓ tasks: 15 rows (seed: "15 specific tasks and 42 work measures are set")
            ✓ measures: 42 rows (seed: "15 specific tasks and 42 work measures are set")
            ✓ measures where scope = national: 12 rows (seed: "12 are to be taken at national levels and 30 b…")
            ✓ measures where scope = joint: 30 rows (seed: "12 are to be taken at national levels and 30 by t…")
            ✓ measures where local_role = none: 12 rows (seed: "12 are to be taken at national levels and 30 …")
            ✓ measures where local_role = required: 9 rows (seed: "12 are to be taken at national levels and …")
            ✓ measures where local_role = optional: 21 rows (seed: "12 are to be taken at national levels and…")
            ✓ measures where scope = joint, local_role = required: 9 rows (seed: "12 are to be taken at natio…")
            ✓ measures where scope = joint, local_role = optional: 21 rows (seed: "12 are to be taken at nati…")
            ✓ provinces: 32 rows (seed: "The intellectual property offices of all provinces, autonomous regio…")
            ✓ provinces where statistical_unit = false: 1 row (seed: "The intellectual property offices of al…")
            ✓ provinces where statistical_unit = true: 31 rows (nbs_2011: "NBS, 东西中部和东北地区划分方法 (s…")
            ✓ provinces where region = East, statistical_unit = true: 10 rows (nbs_2011: "NBS, 东西中部和东北…")
            ✓ provinces where region = Central, statistical_unit = true: 6 rows (nbs_2011: "NBS, 东西中部和东…")
            ✓ provinces where region = West, statistical_unit = true: 12 rows (nbs_2011: "NBS, 东西中部和东北…")
            ✓ provinces where region = Northeast, statistical_unit = true: 3 rows (nbs_2011: "NBS, 东西中部和…")
            ✓ every row of 'measures' has role = 'lead' in 'responsibilities' (by 'measure') or implementation = 'provincial'
            ✓ every 'province' of 'provinces' is in exactly one 'region'
            8 tables, 208 rows: 17 expectations and 2 rules hold

            """)
    }

    @Test("check on a broken workspace exits 65 and lists every problem on stderr, then the count")
    func brokenWorkspace() throws {
        let dir = try makeTemporaryDirectory("check") + "/workspace"
        try FileManager.default.copyItem(
            atPath: packageRoot().appendingPathComponent("Datasets/plan2013").path,
            toPath: dir)
        try FileManager.default.removeItem(atPath: dir + "/rules.csv")
        let departments = dir + "/departments.csv"
        let text = try String(contentsOfFile: departments, encoding: .utf8)
        try #require(text.contains("\nautomation,Automation Department,"))
        try text.replacingOccurrences(
            of: "\nautomation,Automation Department,", with: "\nlegal_affairs,,"
        )
        .write(toFile: departments, atomically: true, encoding: .utf8)
        let outcome = try runProduct("planscope", ["check", "--data", dir])
        #expect(outcome.status == 65)
        #expect(outcome.stdout == "")
        assertEqualText(
            outcome.stderr,
            """
            \(dir)/departments.csv:12:1: duplicate key 'department' = 'legal_affairs' in 'departments' (first on line 2)
            \(dir)/departments.csv:12:15: expected a value in column 'name', found an empty field
            \(dir)/responsibilities.csv:39:4: expected a key of 'departments' in column 'department', \
            found 'automation'
            \(dir)/workspace.json:621:15: expected the file 'rules.csv' for table 'rules', found no such file
            planscope: 4 problems

            """)
    }

    @Test("check on a directory that does not exist exits 66")
    func missingWorkspace() throws {
        let dir = try makeTemporaryDirectory("check")
        let outcome = try runProduct("planscope", ["check", "--data", "nothing"], directory: dir)
        #expect(outcome.status == 66)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr
                == "planscope: nothing: expected a workspace directory, found no such directory\n")
    }
}
