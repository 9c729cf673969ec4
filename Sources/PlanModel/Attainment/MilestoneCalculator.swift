import Tabular

/// Judges the measures without a numeric target by their timing class, from the
/// progress status their reporters give each quarter.
///
/// Expected reporters are the measure's lead departments (`responsibilities`), the
/// provinces whose plan includes it (`plan_items`) and anyone else who reported on
/// it. Each is judged on its latest status up to the period:
/// - `completed` (completed in the year): met once `completed`; at the year's end
///   anything else is not met.
/// - `phased` (phased results in the year): met once `phased_result` or `completed`.
/// - `long_term`: never met; on track when a report came in every period so far,
///   constrained when some are missing.
///
/// During the year the status score (not_started 0, in_progress 0.5, phased_result
/// 0.75, completed 1; for `phased`, divided by 0.75) is compared with the elapsed
/// share of the year: on track when at least that, constrained when above 0 (or when
/// the status is `delayed`), no progress at 0 after the first quarter. No report at
/// all is no data (grey).
///
/// For example:
/// ```swift
/// let table = try MilestoneCalculator(workspace: workspace)
///     .table(period: ReportingPeriod("2013Q4")!)
/// ```
public struct MilestoneCalculator: Sendable {
    /// The ordinal score of each progress status, as a share of completion.
    public static let statusScores: [(status: String, score: Double)] = [
        ("not_started", 0), ("in_progress", 0.5), ("phased_result", 0.75), ("completed", 1),
    ]

    let measures: [(measure: Int64, timing: String)]
    let expected: [Int64: [(reporter: String, kind: String)]]
    let reports: ProgressReports
    let reportDueDays: Int?

    /// A calculator over `measures` and `progress`, with `responsibilities`,
    /// `planItems` and `targets` when present (measures with a target are left out).
    ///
    /// - Parameter reportDueDays: how many days after a quarter's end its report is
    ///   due; with it, `reports_late` counts the quarters reported later than that.
    /// - Throws: ``TableError`` for a missing or mistyped column or a bad period.
    public init(
        measures: Table, progress: Table, responsibilities: Table?, planItems: Table?,
        targets: Table?, reportDueDays: Int? = nil
    ) throws {
        self.reportDueDays = reportDueDays
        let targeted = Set(try targets?.integers("measure").compactMap { $0 } ?? [])
        let numbers = try measures.integers("measure")
        let timings = try measures.strings("timing")
        self.measures = (0..<measures.rowCount).compactMap { row in
            guard let measure = numbers[row], !targeted.contains(measure) else { return nil }
            return (measure, timings[row] ?? "")
        }
        reports = try ProgressReports(progress)
        var expected: [Int64: [(reporter: String, kind: String)]] = [:]
        func add(_ measure: Int64?, _ reporter: String?, _ kind: String) {
            guard let measure, let reporter else { return }
            if expected[measure]?.contains(where: { $0.reporter == reporter }) == true { return }
            expected[measure, default: []].append((reporter, kind))
        }
        if let responsibilities {
            let measures = try responsibilities.integers("measure")
            let departments = try responsibilities.strings("department")
            let roles = try responsibilities.strings("role")
            for row in 0..<responsibilities.rowCount where roles[row] == "lead" {
                add(measures[row], departments[row], "department")
            }
        }
        if let planItems {
            let measures = try planItems.integers("measure")
            let provinces = try planItems.strings("province")
            for row in 0..<planItems.rowCount { add(measures[row], provinces[row], "province") }
        }
        for row in 0..<reports.count {
            add(reports.measures[row], reports.reporters[row], reports.kinds[row])
        }
        self.expected = expected.mapValues { reporters in
            reporters.sorted { ($0.kind, $0.reporter) < ($1.kind, $1.reporter) }
        }
    }

    /// A calculator over a workspace's `measures` and `progress`, with its
    /// `responsibilities`, `plan_items` and `targets` when it has them, and the due
    /// days from the row `report_due_days` of its `report_rules` table when it has one.
    /// - Throws: ``WorkspaceError`` for a missing table, ``TableError`` for bad data.
    public init(workspace: Workspace) throws {
        func optional(_ name: String) throws -> Table? {
            workspace.tables.contains { $0.name == name } ? try workspace.table(name) : nil
        }
        var dueDays: Int?
        if let rules = try optional("report_rules") {
            let names = try rules.strings("rule")
            let values = try rules.integers("value")
            dueDays = names.firstIndex(of: "report_due_days").flatMap { values[$0] }.map(Int.init)
        }
        try self.init(
            measures: try workspace.table("measures"), progress: try workspace.table("progress"),
            responsibilities: try optional("responsibilities"),
            planItems: try optional("plan_items"), targets: try optional("targets"),
            reportDueDays: dueDays)
    }

    /// One row per measure and expected reporter: measure, timing, reporter,
    /// reporter_kind, period, reports_expected (quarters so far), reports_received
    /// (quarters with a report), reports_late (quarters whose first report came after
    /// the due days; null without them), latest_status, score, status and rag.
    /// - Throws: ``TableError`` when the table cannot be built.
    /// - Complexity: O(measures × reporters + progress rows).
    public func table(period: ReportingPeriod) throws -> Table {
        var latest: [String: (quarter: Int, status: String)] = [:]
        var received: [String: Set<Int>] = [:]
        var firstReport: [String: CalendarDate] = [:]
        for row in 0..<reports.count where period.includes(reports.periods[row]) {
            guard let measure = reports.measures[row], let status = reports.statuses[row] else {
                continue
            }
            let key = "\(measure)|\(reports.reporters[row])"
            let quarter = reports.periods[row].quarter
            received[key, default: []].insert(quarter)
            if !reports.reportedOn.isEmpty, let date = reports.reportedOn[row] {
                let report = "\(key)|\(quarter)"
                firstReport[report] = min(firstReport[report] ?? date, date)
            }
            if quarter >= latest[key]?.quarter ?? 0 { latest[key] = (quarter, status) }
        }
        var columns: [[Cell]] = Array(repeating: [], count: 12)
        for (measure, timing) in measures {
            for (reporter, kind) in expected[measure] ?? [] {
                let key = "\(measure)|\(reporter)"
                let count = received[key]?.count ?? 0
                let status = latest[key]?.status
                let judged = judge(timing: timing, status: status, received: count, period: period)
                let late = reportDueDays.map { days in
                    Cell.int(
                        Int64(lateReports(key, days, received[key] ?? [], firstReport, period.year))
                    )
                }
                let row: [Cell] = [
                    .int(measure), .string(timing), .string(reporter), .string(kind),
                    .string(period.description), .int(Int64(period.quarter)), .int(Int64(count)),
                    late ?? .null, status.map(Cell.string) ?? .null,
                    judged.score.map(Cell.double) ?? .null,
                    .string(judged.status.rawValue), .string(judged.rag.rawValue),
                ]
                for index in row.indices { columns[index].append(row[index]) }
            }
        }
        let fields: [(String, ColumnType)] = [
            ("measure", .int64), ("timing", .string), ("reporter", .string),
            ("reporter_kind", .string), ("period", .string), ("reports_expected", .int64),
            ("reports_received", .int64), ("reports_late", .int64), ("latest_status", .string),
            ("score", .double),
            ("status", .string), ("rag", .string),
        ]
        return try Table(
            zip(fields, columns).map { field, cells in
                (field.0, try Column(type: field.1, cells: cells, name: field.0))
            })
    }

    /// How many of the `quarters` reported on under `key` were first reported more than
    /// `days` after the quarter's end.
    private func lateReports(
        _ key: String, _ days: Int, _ quarters: Set<Int>, _ firstReport: [String: CalendarDate],
        _ year: Int
    ) -> Int {
        quarters.filter { quarter in
            guard let period = ReportingPeriod(year: year, quarter: quarter),
                let date = firstReport["\(key)|\(quarter)"]
            else { return false }
            return date.daysSinceEpoch > period.end.daysSinceEpoch + Int32(days)
        }.count
    }

    /// The score of a status in ``statusScores``, 1 for one not listed.
    static func score(of status: String) -> Double {
        statusScores.first { $0.status == status }?.score ?? 1
    }

    /// The status of one reporter's work on a measure of `timing`.
    func judge(timing: String, status: String?, received: Int, period: ReportingPeriod) -> (
        score: Double?, status: AttainmentStatus, rag: RAGStatus
    ) {
        guard let status, received > 0 else { return (nil, .noData, .grey) }
        let score = Self.statusScores.first { $0.status == status }?.score
        if timing == "long_term" {
            let complete = received >= period.quarter && status != "delayed"
            return complete ? (score, .onTrack, .green) : (score, .constrained, .amber)
        }
        let goal = Self.score(of: timing == "phased" ? "phased_result" : "completed")
        if let score, score >= goal { return (score, .met, .green) }
        if period.isYearEnd { return (score, .notMet, .red) }
        guard let score else { return (nil, .constrained, .amber) }
        let achieved = score / goal
        if achieved >= period.elapsedShare - 1e-9 { return (score, .onTrack, .green) }
        if achieved > 0 || period.quarter == 1 { return (score, .constrained, .amber) }
        return (score, .noProgress, .red)
    }
}
