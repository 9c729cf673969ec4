import Tabular

/// Judges every target of the plan against the progress reported up to a period:
/// actual, target, rate, status and colour, with denominators shown.
///
/// Flows add up over the year's periods up to and including the period; stocks take
/// each reporter's latest level. A target's actual is the sum over reporters. A
/// programme target (`horizon` = `programme`, the scale of a multi-year programme) is
/// met when reached and otherwise `not_due`, never a failure of the plan year. A
/// per-unit target ("15 key provinces each at least 30") judges each designated unit
/// (`target_units`) and counts those that meet it; without designated units it counts
/// the best `unit_count` reporters and says so in `note`.
///
/// For example:
/// ```swift
/// let calculator = try AttainmentCalculator(workspace: workspace)
/// let table = try calculator.table(period: ReportingPeriod("2013Q2")!, by: .target)
/// ```
public struct AttainmentCalculator: Sendable {
    /// Rows per target, or per target and reporter.
    public enum Grouping: String, Sendable, CaseIterable {
        /// One row per target.
        case target
        /// One row per target and reporter (or designated unit).
        case reporter
    }

    /// The tables a workspace must have beyond the catalog.
    public static let sampleTables = ["progress"]

    /// The targets judged, in table order.
    public let targets: [TargetDefinition]
    let reports: ProgressReports
    let units: [String: [String]]
    let unitNames: [String: String]

    /// A calculator over parsed targets and the `progress`, `target_units` and
    /// `provinces` tables (the last two optional: without designated units per-unit
    /// targets count the best reporters; without provinces units show as codes).
    /// - Throws: ``TableError`` for a missing or mistyped column or a bad period.
    public init(
        targets: [TargetDefinition], progress: Table, targetUnits: Table?, provinces: Table?
    ) throws {
        self.targets = targets
        reports = try ProgressReports(progress)
        var units: [String: [String]] = [:]
        if let targetUnits {
            let ids = try targetUnits.strings("target")
            let provinces = try targetUnits.strings("province")
            for row in 0..<targetUnits.rowCount {
                if let id = ids[row], let province = provinces[row] {
                    units[id, default: []].append(province)
                }
            }
        }
        self.units = units
        var names: [String: String] = [:]
        if let provinces {
            let codes = try provinces.strings("province")
            let labels = try provinces.strings("name")
            for row in 0..<provinces.rowCount {
                if let code = codes[row], let label = labels[row] { names[code] = label }
            }
        }
        unitNames = names
    }

    /// A calculator over a workspace's `targets`, `progress`, `target_units` (optional)
    /// and `provinces` tables.
    /// - Parameter tolerance: replaces the tolerance of `about` targets.
    /// - Throws: ``WorkspaceError`` for a missing table, ``TableError`` for bad data.
    public init(workspace: Workspace, tolerance: Double? = nil) throws {
        func optional(_ name: String) throws -> Table? {
            workspace.tables.contains { $0.name == name } ? try workspace.table(name) : nil
        }
        try self.init(
            targets: TargetDefinition.all(in: try workspace.table("targets"), tolerance: tolerance),
            progress: try workspace.table("progress"), targetUnits: try optional("target_units"),
            provinces: try optional("provinces"))
    }

    /// The attainment of every target at `period`.
    ///
    /// By target: target, metric, comparator, flow_or_stock, horizon, period, expected_share,
    /// target_value (N; lo for a range; the unit count for per-unit), target_max,
    /// actual (units met for per-unit), rate, status, rag, reporters (with data),
    /// units_met, units_total, shortfall (units below the mark, `; `-separated), note.
    /// By reporter: target, metric, reporter, reporter_kind, period, expected_share,
    /// target_value, actual, rate, status, rag; for per-unit targets each unit is
    /// judged against the per-unit mark (units without data included), for the others
    /// rate is the reporter's share of the target and status and rag are null.
    /// - Throws: ``TableError`` when a table cannot be built.
    /// - Complexity: O(targets × progress rows).
    public func table(period: ReportingPeriod, by grouping: Grouping = .target) throws -> Table {
        var rows = AttainmentRows(grouping: grouping, period: period)
        for target in targets {
            let actuals = reports.actuals(target, upTo: period)
            if case .perUnit(let count, let each) = target.form {
                let judged = perUnit(target, count: count, each: each, actuals, period)
                switch grouping {
                case .target: rows.addTarget(target, judged.summary)
                case .reporter:
                    for unit in judged.units { rows.addReporter(target, unit) }
                }
                continue
            }
            switch grouping {
            case .target:
                let total = actuals.isEmpty ? nil : actuals.reduce(0) { $0 + $1.actual }
                let evaluation = judged(target, target.form.evaluate(actual: total, expectedShare: period.elapsedShare))
                rows.addTarget(
                    target,
                    TargetSummary(
                        value: target.form.value, actual: total, evaluation: evaluation,
                        reporters: actuals.count, unitsMet: nil, unitsTotal: nil, shortfall: nil,
                        note: nil))
            case .reporter:
                for actual in actuals {
                    rows.addReporter(
                        target,
                        UnitResult(
                            reporter: actual.reporter, kind: actual.kind,
                            value: target.form.value, actual: actual.actual,
                            rate: target.form.value == 0 ? nil : actual.actual / target.form.value,
                            evaluation: nil))
                }
            }
        }
        return try rows.table()
    }

    /// An evaluation as the target's horizon makes it: a programme target's shortfall is not due.
    private func judged(_ target: TargetDefinition, _ evaluation: TargetEvaluation) -> TargetEvaluation {
        target.isProgramme ? evaluation.forProgramme() : evaluation
    }

    /// Judges each unit of a per-unit target and the target as a whole.
    private func perUnit(
        _ target: TargetDefinition, count: Int, each: TargetForm,
        _ actuals: [(reporter: String, kind: String, actual: Double)], _ period: ReportingPeriod
    ) -> (summary: TargetSummary, units: [UnitResult]) {
        var byReporter: [String: (kind: String, actual: Double)] = [:]
        for actual in actuals { byReporter[actual.reporter] = (actual.kind, actual.actual) }
        let designated = units[target.id]
        let considered =
            designated
            ?? Array(
                actuals.sorted { ($0.actual, $1.reporter) > ($1.actual, $0.reporter) }
                    .prefix(count).map(\.reporter))
        let mark = each.value
        var results: [UnitResult] = []
        var met = 0
        var progress = 0.0
        var shortfall: [String] = []
        for unit in considered {
            let found = byReporter[unit]
            let yearEnd = each.evaluate(actual: found?.actual)
            let reached = [.met, .exceeded, .aboveRange].contains(yearEnd.status)
            if reached { met += 1 }
            progress += min(max(yearEnd.rate ?? 0, 0), 1)
            if !reached {
                let name = unitNames[unit] ?? unit
                shortfall.append("\(name) " + (found.map { Cell.format($0.actual) } ?? "no data"))
            }
            results.append(
                UnitResult(
                    reporter: unit, kind: found?.kind ?? "province", value: mark,
                    actual: found?.actual, rate: yearEnd.rate,
                    evaluation: judged(target, each.evaluate(actual: found?.actual, expectedShare: period.elapsedShare))
                ))
        }
        let hasData = considered.contains { byReporter[$0] != nil }
        let evaluation = judged(
            target,
            target.form.evaluate(
                actual: hasData ? Double(met) : nil, expectedShare: period.elapsedShare,
                progress: count == 0 ? nil : progress / Double(count)))
        let note =
            designated == nil
            ? "no designated units in 'target_units': the best \(count) reporters counted" : nil
        return (
            TargetSummary(
                value: Double(count), actual: hasData ? Double(met) : nil, evaluation: evaluation,
                reporters: actuals.count, unitsMet: met, unitsTotal: count,
                shortfall: shortfall.joined(separator: "; "), note: note),
            results
        )
    }
}
