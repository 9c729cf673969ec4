import LuaKit
import PlanModel
import Tabular

extension PlanModule {
    /// `plan.compliance()`, `plan.attainment{period = …}` and `plan.milestones{period = …}`,
    /// set in the `plan` table on top of the stack.
    static func defineAssessments(in lua: LuaState, workspace: Workspace) throws {
        lua.setField(
            "compliance",
            function: { call in
                if call.argumentCount > 0, case let value = try call.value(1), value != .nil {
                    throw LuaArgumentError(
                        argument: 1, message: "no arguments expected, got \(value.typeName)")
                }
                try requireTables(
                    workspace, ["rules", "measures", "provinces"] + ComplianceChecker.sampleTables,
                    function: "plan.compliance")
                try TableAPI.push(try ComplianceChecker(workspace: workspace).table(), on: call)
                return 1
            })
        lua.setField(
            "attainment",
            function: { call in
                let options = try LuaOptions(
                    call, 1, function: "attainment", allowed: ["by", "period", "tolerance"])
                let period = try assessmentPeriod(options, workspace)
                let grouping = try options.string("by").map { name in
                    guard let grouping = AttainmentCalculator.Grouping(rawValue: name) else {
                        throw LuaArgumentError(
                            argument: 1,
                            message:
                                "invalid option '\(name)' for 'by' (expected 'target' or 'reporter')"
                        )
                    }
                    return grouping
                }
                let tolerance = try toleranceOption(call)
                try requireTables(
                    workspace, ["targets"] + AttainmentCalculator.sampleTables,
                    function: "plan.attainment")
                let calculator = try AttainmentCalculator(
                    workspace: workspace, tolerance: tolerance)
                try TableAPI.push(
                    try calculator.table(period: period, by: grouping ?? .target), on: call)
                return 1
            })
        lua.setField(
            "milestones",
            function: { call in
                let options = try LuaOptions(call, 1, function: "milestones", allowed: ["period"])
                let period = try assessmentPeriod(options, workspace)
                try requireTables(
                    workspace, ["measures"] + AttainmentCalculator.sampleTables,
                    function: "plan.milestones")
                try TableAPI.push(
                    try MilestoneCalculator(workspace: workspace).table(period: period), on: call)
                return 1
            })
    }

    /// Raises a script error naming the tables the workspace lacks.
    private static func requireTables(
        _ workspace: Workspace, _ names: [String], function: String
    ) throws {
        let missing = names.filter { name in !workspace.tables.contains { $0.name == name } }
        guard !missing.isEmpty else { return }
        let quoted = missing.map { "'\($0)'" }
        let list =
            quoted.count == 1
            ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
        throw ScriptError(
            "\(function) needs the \(missing.count == 1 ? "table" : "tables") \(list) "
                + "(load a workspace such as Datasets/sample2013)")
    }

    /// The required `period` option: a quarter of a year the progress reports cover, so
    /// that a mistyped year is an error rather than a table of `no_data`.
    private static func assessmentPeriod(_ options: LuaOptions, _ workspace: Workspace) throws -> ReportingPeriod {
        guard let text = try options.string("period") else {
            throw LuaArgumentError(
                argument: 1, message: "option 'period' is required (a quarter such as '2013Q4')")
        }
        guard let period = ReportingPeriod(text) else {
            throw LuaArgumentError(
                argument: 1,
                message:
                    "invalid option '\(text)' for 'period' (expected a quarter such as '2013Q4')")
        }
        let reported = try reportedPeriods(workspace)
        if let first = reported.first, let last = reported.last, !reported.contains(where: { $0.year == period.year }) {
            throw LuaArgumentError(
                argument: 1,
                message: "invalid option '\(text)' for 'period' (the progress reports cover \(first) to \(last))")
        }
        return period
    }

    /// The periods of the workspace's progress reports, in order (none without the table).
    private static func reportedPeriods(_ workspace: Workspace) throws -> [ReportingPeriod] {
        guard workspace.tables.contains(where: { $0.name == "progress" }) else { return [] }
        let column = try workspace.table("progress").column("period")
        let periods = (0..<column.count).compactMap { row -> ReportingPeriod? in
            guard case .string(let text) = column[row] else { return nil }
            return ReportingPeriod(text)
        }
        return Array(Set(periods)).sorted()
    }

    /// The `tolerance` option: a number from 0 to 1, replacing the targets' own.
    private static func toleranceOption(_ call: LuaCall) throws -> Double? {
        guard case .map(let pairs) = try call.value(1),
            let value = pairs.first(where: { $0.key == .string(LuaString("tolerance")) })?.value
        else { return nil }
        let number: Double
        switch value {
        case .integer(let integer): number = Double(integer)
        case .number(let double): number = double
        default:
            throw LuaArgumentError(
                argument: 1, message: "option 'tolerance' must be a number, got \(value.typeName)")
        }
        guard number >= 0, number < 1 else {
            throw LuaArgumentError(
                argument: 1,
                message: "invalid option '\(Cell.format(number))' for 'tolerance' "
                    + "(expected a number from 0 to less than 1)")
        }
        return number
    }
}
