import Foundation
import PlanModel
import PlanScopeTestSupport
import Tabular
import Testing

/// The bundled 2013 plan, counted from its CSV files and compared with what the seed says.
///
/// Each expected number is read out of a verbatim quote of the seed
/// (`seed/000_dc0484ea4d2307c5.txt`), never typed in as a constant, so a
/// test can only pass if the data agrees with the text.
@Suite struct SeedCountsTests {
    static let plan = packageRoot().appendingPathComponent("Datasets/plan2013").path

    /// The seed's count of tasks and measures, verbatim.
    static let structureQuote =
        "15 specific tasks and 42 work measures are set for the promotion of the patent "
        + "development strategy in 2013"
    /// The seed's split of the measures by level and local role, verbatim.
    static let measuresQuote =
        "Of the 42 work measures set in the Promotion Plan on National Patent Development "
        + "Strategy in 2013, 12 are to be taken at national levels and 30 by the National and local governments "
        + "together; of the measures to be taken by the national and local governments together, 9 are required "
        + "and 21 are optional for local departments"

    /// The number written just before `phrase` in `quote` ("42 work measures" → 42).
    func number(before phrase: String, in quote: String) throws -> Int {
        let range = try #require(quote.range(of: " " + phrase))
        let digits = quote[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return try #require(Int(String(digits.reversed())))
    }

    func rows(_ table: Table, _ conditions: [(column: String, values: [Cell])] = []) throws -> Int {
        try table.filter(equals: conditions).rowCount
    }

    @Test("the plan has the seed's 3 main tasks, 15 tasks and 42 measures")
    func structure() throws {
        let workspace = try WorkspaceLoader.load(directory: Self.plan)
        let quote = Self.structureQuote
        #expect(try rows(workspace.table("tasks")) == number(before: "specific tasks", in: quote))
        #expect(try rows(workspace.table("measures")) == number(before: "work measures", in: quote))
        let mainTasksQuote = "Around the three major tasks"
        let words = ["two": 2, "three": 3, "four": 4]
        let mainTasks = try workspace.table("main_tasks")
        #expect(mainTasks.rowCount == words[String(mainTasksQuote.split(separator: " ")[2])])
        // The main tasks' ranges of specific tasks start at 1 and end at the last specific task.
        let firsts = try mainTasks.column("first_task")
        let lasts = try mainTasks.column("last_task")
        #expect(firsts[0] == .int(1))
        #expect(
            lasts[mainTasks.rowCount - 1]
                == .int(Int64(try number(before: "specific tasks", in: quote))))
    }

    @Test("12 measures are national and 30 joint, of which 9 required and 21 optional")
    func scopeAndLocalRole() throws {
        let measures = try WorkspaceLoader.load(directory: Self.plan).table("measures")
        let quote = Self.measuresQuote
        let national = try number(before: "are to be taken at national levels", in: quote)
        let joint = try number(before: "by the National and local governments together;", in: quote)
        let required = try number(before: "are required", in: quote)
        let optional = try number(before: "are optional for local departments", in: quote)
        #expect(national + joint == (try number(before: "work measures", in: quote)))
        #expect(try rows(measures, [("scope", [.string("national")])]) == national)
        #expect(try rows(measures, [("local_role", [.string("none")])]) == national)
        #expect(try rows(measures, [("scope", [.string("joint")])]) == joint)
        #expect(
            try rows(
                measures, [("scope", [.string("joint")]), ("local_role", [.string("required")])])
                == required)
        #expect(
            try rows(
                measures, [("scope", [.string("joint")]), ("local_role", [.string("optional")])])
                == optional)
        #expect(required + optional == joint)
    }

    @Test("the manifest's expectations quote the seed and all hold")
    func expectations() throws {
        let workspace = try WorkspaceLoader.load(directory: Self.plan)
        let results = workspace.checkExpectations()
        #expect(results.count == workspace.manifest.expectations.count)
        for result in results {
            #expect(
                result.holds,
                "\(result.label): expected \(result.expectation.rows), found \(String(describing: result.found))"
            )
        }
        let seedQuotes = results.filter { $0.expectation.table == "measures" }.map(
            \.expectation.sourceText)
        #expect(!seedQuotes.isEmpty)
        #expect(
            seedQuotes.allSatisfy {
                Self.measuresQuote.contains($0) || Self.structureQuote.contains($0)
            })
    }

    /// Who leads how many measures, with a quote of the seed naming each department as lead.
    static let leads: [(department: String, measures: Int, quote: String)] = [
        ("patent_administration", 18, "in the charge of the Patent Administration Department"),
        ("legal_affairs", 6, "led by the Legal Affairs Department"),
        ("patent_strategy_promotion_office", 5, "led by the Patent Strategy Promotion Office"),
        (
            "planning_development", 4,
            "led by and in the charge of the Planning and Development Department"
        ),
        ("human_resources", 3, "led by and in the charge of the Human Resources Department"),
        (
            "protection_coordination", 3,
            "led by and in the charge of the Protection and Coordination Department"
        ),
        (
            "international_cooperation", 2,
            "in the charge of the International Cooperation Department"
        ),
        (
            "patent_examination_affairs_administration", 2,
            "in the charge of the Patent Examination Affairs Administration Department"
        ),
        (
            "preliminary_examination_flow_management", 1,
            "in the charge of the Patent Administration Department "
                + "and Preliminary Examination & Flow Management Department"
        ),
        (
            "development_research_center", 1,
            "in the charge of the Patent Strategy Promotion Office "
                + "and Research Center of the State Intellectual Property Office"
        ),
    ]

    @Test("each department leads as many measures as the seed's markings name it")
    func leadCounts() throws {
        let workspace = try WorkspaceLoader.load(directory: Self.plan)
        let leads = try workspace.table("responsibilities").filter(equals: [
            ("role", [.string("lead")])
        ])
        let counts = try leads.count(["department"])
        let departments = try counts.column("department")
        let n = try counts.column("n")
        var found: [String: Int] = [:]
        for row in 0..<counts.rowCount {
            if case .int(let count) = n[row] { found[departments[row].description] = Int(count) }
        }
        #expect(found.count == Self.leads.count)
        for lead in Self.leads {
            #expect(found[lead.department] == lead.measures, "\(lead.department)")
            let quoted = try leads.filter(equals: [
                ("department", [.string(lead.department)]),
                ("source_text", [.string(lead.quote)]),
            ])
            #expect(
                quoted.rowCount > 0, "no lead row of '\(lead.department)' quotes \"\(lead.quote)\"")
        }
    }

    @Test("every lead row's quote names its department, by name or alias")
    func leadQuotesNameTheirDepartment() throws {
        let workspace = try WorkspaceLoader.load(directory: Self.plan)
        let departments = try workspace.table("departments")
        var spellings: [String: [String]] = [:]
        let ids = try departments.column("department")
        let names = try departments.column("name")
        let aliases = try departments.column("aliases")
        for row in 0..<departments.rowCount {
            spellings[ids[row].description] =
                [names[row].description]
                + (aliases[row].isNull
                    ? [] : aliases[row].description.components(separatedBy: "; "))
        }
        let leads = try workspace.table("responsibilities").filter(equals: [
            ("role", [.string("lead")])
        ])
        let leadIds = try leads.column("department")
        let quotes = try leads.column("source_text")
        for row in 0..<leads.rowCount {
            let names = try #require(spellings[leadIds[row].description])
            let quote = quotes[row].description
            #expect(
                names.contains { quote.contains($0) }, "'\(quote)' does not name \(leadIds[row])")
        }
    }
}
