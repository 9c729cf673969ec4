import LuaKit
import PlanModel
import Tabular

extension PlanModule {
    /// Sets `gaps` in the `plan` table on top of the stack:
    /// `plan.gaps(t, { value = "rate", unit = "province", group = "region", weight = "population_10k" })`
    /// returns `{ units = Table, summary = Table }` (see ``RegionalGaps``).
    ///
    /// `value` is required; `unit` defaults to `province` and `group` to `region`
    /// (`group = false` skips the decomposition). A group or weight column missing from `t`
    /// is looked up in the workspace's tables by the unit column, and the workspace's
    /// `statistical_unit` flag leaves the XPCC out.
    static func defineGaps(in lua: LuaState, workspace: Workspace) throws {
        let lookup = workspace.tables
        lua.setField(
            "gaps",
            function: { call in
                let table = try TableAPI.checkTable(call, 1)
                let spec = try gapsSpecification(call)
                let result: RegionalGapsResult
                do {
                    result = try spec.compute(table, lookup: lookup)
                } catch let error as TableError {
                    let argument: Int32 = error.kind == .unknownColumn || error.kind == .typeMismatch ? 2 : 1
                    throw LuaArgumentError(argument: argument, message: error.message)
                }
                try call.stack.reserve(3)
                call.stack.pushNewTable(fields: 2)
                try TableAPI.push(result.units, on: call)
                call.stack.setField("units", of: -2)
                try TableAPI.push(result.summary, on: call)
                call.stack.setField("summary", of: -2)
                return 1
            })
    }

    /// The options of `plan.gaps`, argument 2.
    private static func gapsSpecification(_ call: LuaCall) throws -> RegionalGaps {
        let keys: Set = ["value", "unit", "group", "weight"]
        // `group = false` is the one non-string option, so read it before LuaOptions checks types.
        var withoutGroup = false
        if case .map(let pairs) = try call.value(2),
            pairs.contains(where: { $0.key == .string(LuaString("group")) && $0.value == .boolean(false) })
        {
            withoutGroup = true
        }
        let options = try LuaOptions(call, 2, function: "gaps", allowed: keys)
        guard let value = try options.string("value") else {
            if call.type(2) <= LuaType.nil { throw call.typeError(2, expected: "table") }
            throw LuaArgumentError(argument: 2, message: "option 'value' is required (the column to compare)")
        }
        return RegionalGaps(
            value: value,
            unit: try options.string("unit") ?? "province",
            group: withoutGroup ? nil : try options.string("group") ?? "region",
            weight: try options.string("weight"))
    }
}
