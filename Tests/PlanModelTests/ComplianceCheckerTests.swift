import PlanModel
import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct ComplianceCheckerTests {
    // The circular's words, as rules.csv quotes them.
    static let requiredText =
        "Required measures for local departments are work "
        + "that must be launched by the provincial intellectual property offices"
    static let scopeText =
        "of the measures to be taken by the national and local governments together, "
        + "9 are required and 21 are optional for local departments"
    static let boundsText =
        "In principle, optional measures to be taken by the provincial intellectual property offices "
        + "shall be more than 2, yet no more than 10."
    static let approvalText =
        "Should there be contents that require SIPO's approval and consent or priority support from SIPO "
        + "(like establishing a working mechanism for IP cooperation and consultation, "
        + "selecting 15 provinces to give priority support, etc.) in optional measures for local departments, "
        + "provincial intellectual property offices shall seek approval of their leading responsible department"
    static let fieldsText =
        "The plans for organizing the implementation of the Promotion Plan on National Patent Development Strategy "
        + "in 2013 developed by the provincial intellectual property offices and relevant departments of SIPO "
        + "shall have clear objectives, work measures, schedules, responsible departments, guarantee of funds, etc."
    static let deploymentText =
        "The plans for organizing the implementation of the Promotion Plan on National Patent Development Strategy "
        + "in 2013 developed by the provincial intellectual property offices shall also contain deployment "
        + "of the promotion of the patent strategy in different regions under their jurisdiction"
    static let deadlineText =
        "Provincial intellectual property offices and relevant departments of SIPO shall submit plans "
        + "for organizing the implementation of the Promotion Plan on National Patent Development Strategy in 2013 "
        + "to the Secretariat of the Patent Strategy Promotion Office (SIPO Patent Management Department) "
        + "before December 26, 2012."

    /// The nine required measures and two optional ones (36 needs approval).
    static let goodMeasures: [Int] = [7, 12, 13, 17, 19, 20, 21, 23, 26, 8, 36]

    static func item(_ measure: Int, approval: String = "") -> String {
        let approver = measure == 36 && approval.isEmpty ? "patent_administration" : approval
        return "110000,\(measure),Raise quality,2013-01-01,2013-12-31,IP office,50,\(approver),"
            + "\"Beijing districts, in turn\""
    }

    /// Reviews a Beijing plan of `items` (default: a conforming plan) submitted on
    /// `submitted`, against `rules` (default: the catalog's), and renders the one row.
    static func review(
        items: [String]? = nil, submitted: String = "2012-12-20", rules: Table? = nil,
        provinces: [String] = ["110000"]
    ) throws -> String {
        let plans = try AssessmentFixtures.table(
            AssessmentFixtures.header(AssessmentFixtures.plans) + "\n"
                + "110000,\(submitted),submitted,,\n", AssessmentFixtures.plans)
        let rows = items ?? goodMeasures.map { item($0) }
        let planItems = try AssessmentFixtures.table(
            AssessmentFixtures.header(AssessmentFixtures.planItems) + "\n"
                + rows.joined(separator: "\n") + "\n", AssessmentFixtures.planItems)
        let allProvinces = try AssessmentFixtures.catalog("provinces")
        let checker = try ComplianceChecker(
            rules: ComplianceRules(try rules ?? AssessmentFixtures.catalog("rules")),
            measures: try AssessmentFixtures.catalog("measures"),
            responsibilities: try AssessmentFixtures.catalog("responsibilities"),
            provinces: try allProvinces.filter(equals: [("province", provinces.map(Cell.string))]),
            plans: plans, items: planItems)
        return render(try checker.table(), as: .csv)
    }

    static let header =
        "province,name,region,submitted_on,required_included,optional_count,verdict,reasons,problems\n"

    /// The expected CSV of a returned Beijing plan with one reason.
    static func returned(_ reason: String, required: String = "9 of 9", optional: Int = 2)
        -> String
    {
        let quoted = "\"" + reason.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return header
            + "110000,Beijing,East,2012-12-20,\(required),\(optional),return,\(quoted),1\n"
    }

    /// The catalog's rules with one line changed.
    static func rules(replacing old: String, with new: String) throws -> Table {
        let text = try String(
            contentsOfFile: WorkspaceFixtures.plan2013 + "/rules.csv", encoding: .utf8)
        let changed = WorkspaceFixtures.replacing(old, with: new, in: text)
        #expect(changed != text)
        return try AssessmentFixtures.table(
            changed,
            [
                ("rule", .string), ("kind", .string), ("applies_to", .string),
                ("selector", .string),
                ("value", .int64), ("date", .date), ("inclusive", .bool), ("field", .string),
                ("text", .string),
            ])
    }

    @Test("accepts a plan that keeps every rule")
    func accepts() throws {
        assertEqualText(
            try Self.review(),
            Self.header + "110000,Beijing,East,2012-12-20,9 of 9,2,accept,\"\",0\n")
    }

    @Test("returns a province that submitted no plan, quoting the deadline")
    func noPlan() throws {
        assertEqualText(
            try Self.review(provinces: ["110000", "120000"]),
            Self.header + "110000,Beijing,East,2012-12-20,9 of 9,2,accept,\"\",0\n"
                + "120000,Tianjin,East,,0 of 9,0,return,"
                + "\"no plan submitted (deadline: \"\"\(Self.deadlineText)\"\")\",1\n")
    }

    @Test("names the required measures a plan leaves out")
    func missingRequired() throws {
        let items = Self.goodMeasures.filter { $0 != 12 && $0 != 19 }.map { Self.item($0) }
        assertEqualText(
            try Self.review(items: items),
            Self.returned(
                "missing required measures 12 and 19 (required_measures: \"\(Self.requiredText)\")",
                required: "7 of 9"))
    }

    @Test("rejects a measure that is not open to local offices")
    func scope() throws {
        let items = Self.goodMeasures.map { Self.item($0) } + [Self.item(3)]
        assertEqualText(
            try Self.review(items: items),
            Self.returned(
                "measure 3 not open to local offices (local_measures_only: \"\(Self.scopeText)\")"))
    }

    @Test("counts optional measures against the inclusive lower bound from rules.csv")
    func tooFewOptional() throws {
        let items = Self.goodMeasures.filter { $0 != 8 }.map { Self.item($0) }
        assertEqualText(
            try Self.review(items: items),
            Self.returned(
                "1 optional measure selected, expected at least 2 (optional_count_min: \"\(Self.boundsText)\")",
                optional: 1))
    }

    @Test("reads the lower bound's value and inclusiveness from the rule data")
    func exclusiveLowerBound() throws {
        let rules = try Self.rules(
            replacing: "optional_count_min,provincial_offices,local_role=optional,2,,true",
            with: "optional_count_min,provincial_offices,local_role=optional,2,,false")
        assertEqualText(
            try Self.review(rules: rules),
            Self.returned(
                "2 optional measures selected, expected more than 2 (optional_count_min: \"\(Self.boundsText)\")"
            ))
    }

    @Test("counts optional measures against the upper bound")
    func tooManyOptional() throws {
        let optional = [4, 8, 11, 15, 16, 18, 22, 24, 25, 29, 36]
        let items =
            Self.goodMeasures.filter { ![8, 36].contains($0) }.map { Self.item($0) }
            + optional.map { Self.item($0) }
        assertEqualText(
            try Self.review(items: items),
            Self.returned(
                "11 optional measures selected, expected at most 10 (optional_count_max: \"\(Self.boundsText)\")",
                optional: 11))
    }

    @Test("requires a recorded approval for optional measures that need one")
    func missingApproval() throws {
        let items = Self.goodMeasures.map {
            $0 == 36
                ? Self.item(36).replacingOccurrences(
                    of: ",patent_administration,", with: ",,") : Self.item($0)
        }
        assertEqualText(
            try Self.review(items: items),
            Self.returned(
                "no approval recorded for measure 36 (approval_lead_department: \"\(Self.approvalText)\")"
            ))
    }

    @Test("requires the approval to come from a lead department of the measure")
    func wrongApprover() throws {
        let items = Self.goodMeasures.map {
            Self.item($0, approval: $0 == 36 ? "legal_affairs" : "")
        }
        assertEqualText(
            try Self.review(items: items),
            Self.returned(
                "measure 36 approved by 'legal_affairs', expected its lead department "
                    + "'patent_administration' or 'protection_coordination' "
                    + "(approval_lead_department: \"\(Self.approvalText)\")"))
    }

    @Test(
        "requires every item to fill each plan field",
        arguments: [
            ("Raise quality", "", "objective missing", "field_objective", fieldsText),
            ("2013-12-31", "", "schedule missing", "field_schedule", fieldsText),
            (
                "IP office", "  ", "responsible department missing", "field_responsible_department",
                fieldsText
            ),
            (",50,", ",,", "funds missing", "field_funds", fieldsText),
            (
                "\"Beijing districts, in turn\"", "", "regional deployment missing",
                "regional_deployment", deploymentText
            ),
        ])
    func missingField(old: String, new: String, problem: String, rule: String, text: String) throws {
        let items = Self.goodMeasures.map {
            [7, 12].contains($0)
                ? WorkspaceFixtures.replacing(old, with: new, in: Self.item($0)) : Self.item($0)
        }
        assertEqualText(
            try Self.review(items: items),
            Self.returned("\(problem) for measures 7 and 12 (\(rule): \"\(text)\")"))
    }

    @Test("returns a plan submitted on the deadline, which the rule excludes")
    func late() throws {
        let output = try Self.review(submitted: "2012-12-26")
        assertEqualText(
            output,
            Self.returned(
                "submitted 2012-12-26, expected before 2012-12-26 (deadline: \"\(Self.deadlineText)\")"
            ).replacingOccurrences(of: "2012-12-20", with: "2012-12-26"))
    }

    @Test("accepts a plan on the deadline when the rule data makes it inclusive")
    func inclusiveDeadline() throws {
        let rules = try Self.rules(
            replacing: "deadline,both,,,2012-12-26,false", with: "deadline,both,,,2012-12-26,true")
        assertEqualText(
            try Self.review(submitted: "2012-12-26", rules: rules),
            Self.header + "110000,Beijing,East,2012-12-26,9 of 9,2,accept,\"\",0\n")
    }

    @Test("lists every reason, in the order of the rules table, and counts them")
    func severalReasons() throws {
        let items = Self.goodMeasures.filter { $0 != 13 }.map { Self.item($0) } + [Self.item(1)]
        let output = try Self.review(items: items, submitted: "2013-01-05")
        assertEqualText(
            output,
            Self.header + "110000,Beijing,East,2013-01-05,8 of 9,2,return,\""
                + "missing required measure 13 (required_measures: \"\"\(Self.requiredText)\"\"); "
                + "measure 1 not open to local offices (local_measures_only: \"\"\(Self.scopeText)\"\"); "
                + "submitted 2013-01-05, expected before 2012-12-26 (deadline: \"\"\(Self.deadlineText)\"\")"
                + "\",3\n")
    }

    @Test("reads the bounds and the deadline from the rules table")
    func rulesFromData() throws {
        let rules = try ComplianceRules(try AssessmentFixtures.catalog("rules"))
        #expect(rules.rules(.optionalCountMin).map(\.value) == [2])
        #expect(rules.rules(.optionalCountMax).map(\.value) == [10])
        #expect(rules.rules(.deadline).map(\.date?.description) == ["2012-12-26"])
        #expect(
            rules.rules(.requiredField).map(\.field) == [
                "objective", "work_measures", "schedule", "responsible_department", "funds",
                "regional_deployment",
            ])
    }

    @Test("rejects a rule of an unknown kind, naming it")
    func unknownKind() throws {
        let rules = try Self.rules(
            replacing: "deadline,deadline,both", with: "deadline,due_date,both")
        #expect(
            throws: TableError.invalidArgument(
                "rule 'deadline' expected a kind among 'required_measures', 'scope', "
                    + "'optional_count_min', 'optional_count_max', 'approval', 'required_field', "
                    + "'deadline', 'review', found 'due_date'")
        ) {
            try ComplianceRules(rules)
        }
    }

    @Test("runs over a loaded workspace with plans and plan items")
    func workspace() throws {
        let items = Self.goodMeasures.map { Self.item($0) }.joined(separator: "\n") + "\n"
        let workspace = try AssessmentFixtures.workspace(adding: [
            ("plans", AssessmentFixtures.plans, "110000,2012-12-20,submitted,,\n"),
            ("plan_items", AssessmentFixtures.planItems, items),
        ])
        let table = try ComplianceChecker(workspace: workspace).table()
        let accepted = try table.filter(equals: [("verdict", [.string("accept")])])
        #expect(table.rowCount == 32)
        #expect(render(try accepted.select(["province"]), as: .csv) == "province\n110000\n")
    }
}
