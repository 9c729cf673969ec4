import Tabular

/// Reviews every provincial plan against the circular's rules, as the Patent
/// Strategy Promotion Office would: a plan that breaks any rule is returned,
/// with every reason quoting the rule it breaks.
///
/// For example:
/// ```swift
/// let checker = try ComplianceChecker(workspace: workspace)
/// let table = try checker.table()   // one row per province
/// ```
public struct ComplianceChecker: Sendable {
    /// The tables a workspace must have beyond the catalog.
    public static let sampleTables = ["plans", "plan_items"]

    /// The rules applied.
    public let rules: ComplianceRules
    let measures: MeasureCatalog
    let leads: [Int64: [String]]
    let provinces: Table
    let plans: Table
    let items: Table

    /// A checker over explicit tables with the columns of the catalog and sample workspaces.
    ///
    /// - Parameter responsibilities: when given, an approval must come from one of the
    ///   measure's lead departments; without it, any recorded approval counts.
    /// - Throws: ``TableError`` for a missing or mistyped column.
    public init(
        rules: ComplianceRules, measures: Table, responsibilities: Table?, provinces: Table,
        plans: Table, items: Table
    ) throws {
        self.rules = rules
        self.measures = try MeasureCatalog(measures)
        self.leads = try responsibilities.map(Self.leadDepartments) ?? [:]
        self.provinces = provinces
        self.plans = plans
        self.items = items
    }

    /// A checker over a workspace's `rules`, `measures`, `responsibilities`, `provinces`,
    /// `plans` and `plan_items` tables.
    /// - Throws: ``WorkspaceError`` for a missing table, ``TableError`` for a bad column or rule.
    public init(workspace: Workspace) throws {
        let hasResponsibilities = workspace.tables.contains { $0.name == "responsibilities" }
        try self.init(
            rules: ComplianceRules(try workspace.table("rules")),
            measures: try workspace.table("measures"),
            responsibilities: hasResponsibilities ? try workspace.table("responsibilities") : nil,
            provinces: try workspace.table("provinces"), plans: try workspace.table("plans"),
            items: try workspace.table("plan_items"))
    }

    /// The review of every province's plan, in the order of the provinces table.
    /// - Throws: ``TableError`` for a missing or mistyped column.
    /// - Complexity: O(provinces × rules + plan items).
    public func verdicts() throws -> [PlanVerdict] {
        let codes = try provinces.strings("province")
        let planProvinces = try plans.strings("province")
        let submitted = try plans.dates("submitted_on")
        var submittedOn: [String: CalendarDate] = [:]
        for row in 0..<plans.rowCount {
            if let province = planProvinces[row], let date = submitted[row] {
                submittedOn[province] = date
            }
        }
        let itemProvinces = try items.strings("province")
        var itemRows: [String: [Int]] = [:]
        for row in 0..<items.rowCount {
            if let province = itemProvinces[row] { itemRows[province, default: []].append(row) }
        }
        let fields = try PlanItems(items, rules: rules)
        return codes.map { code in
            let code = code ?? ""
            return review(
                province: code, submittedOn: submittedOn[code], rows: itemRows[code] ?? [],
                items: fields)
        }
    }

    /// The reviews as a table: province, name, region, submitted_on, required_included
    /// ("7 of 9"), optional_count, verdict (`accept` or `return`), reasons (joined by
    /// "; ") and problems (how many reasons).
    /// - Throws: ``TableError`` for a missing or mistyped column.
    /// - Complexity: O(provinces × rules + plan items).
    public func table() throws -> Table {
        let verdicts = try verdicts()
        let names = try provinces.strings("name")
        let regions = try provinces.strings("region")
        var submitted = ColumnBuilder(type: .date)
        var optional = ColumnBuilder(type: .int64)
        for verdict in verdicts {
            submitted.append(verdict.submittedOn.map(Cell.date) ?? .null)
            optional.append(verdict.optionalCount.map { .int(Int64($0)) } ?? .null)
        }
        func text(_ values: [String]) -> Column { Column(.string(.plain(values))) }
        return try Table([
            ("province", text(verdicts.map(\.province))),
            ("name", text(names.map { $0 ?? "" })),
            ("region", text(regions.map { $0 ?? "" })),
            ("submitted_on", submitted.finish()),
            (
                "required_included",
                text(
                    verdicts.map {
                        "\($0.requiredIncluded.included) of \($0.requiredIncluded.total)"
                    })
            ),
            ("optional_count", optional.finish()),
            ("verdict", text(verdicts.map { $0.accepted ? "accept" : "return" })),
            (
                "reasons",
                text(verdicts.map { $0.reasons.map(\.description).joined(separator: "; ") })
            ),
            ("problems", Column(.int64(verdicts.map { Int64($0.reasons.count) }))),
        ])
    }

    /// The lead departments of each measure, in table order.
    private static func leadDepartments(_ responsibilities: Table) throws -> [Int64: [String]] {
        let measures = try responsibilities.integers("measure")
        let departments = try responsibilities.strings("department")
        let roles = try responsibilities.strings("role")
        var leads: [Int64: [String]] = [:]
        for row in 0..<responsibilities.rowCount where roles[row] == "lead" {
            if let measure = measures[row], let department = departments[row] {
                leads[measure, default: []].append(department)
            }
        }
        return leads
    }
}
