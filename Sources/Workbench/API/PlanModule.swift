import LuaKit
import PlanModel
import Tabular

/// The `plan` global: every table of the loaded workspace, `plan.measure(n)` and `plan.workspace`.
enum PlanModule {
    static func define(in lua: LuaState, environment: LuaReference, workspace: Workspace?) throws {
        guard let workspace else { return try replaceWithErroringTable(lua, environment) }
        try lua.define("plan", in: environment, value: .map([]))
        lua.push(environment)
        lua.getField(-1, "plan")
        for (name, table) in workspace.tables {
            try TableAPI.push(table, in: lua)
            lua.setField(-2, name)
        }
        try lua.stack.push(workspaceValue(workspace))
        lua.setField(-2, "workspace")
        if let measures = try? workspace.table("measures"), measures.schema.index(of: "measure") != nil {
            lua.setField(
                "measure",
                function: { call in
                    let number = try call.checkInteger(1)
                    let matches = try measures.filter(equals: [(column: "measure", values: [.int(number)])])
                    guard matches.rowCount > 0 else { return try call.results(.nil) }
                    try TableAPI.pushRow(of: matches, at: 0, on: call)
                    return 1
                })
        }
        try defineAssessments(in: lua, workspace: workspace)
        try defineGaps(in: lua, workspace: workspace)
        lua.stack.pop(2)
    }

    /// `plan.workspace`: name, title, path, table names and which are synthetic.
    static func workspaceValue(_ workspace: Workspace) -> LuaValue {
        let names = workspace.tables.map(\.name)
        return .map([
            LuaPair("name", .string(LuaString(workspace.name))),
            LuaPair("path", .string(LuaString(workspace.path))),
            LuaPair(
                "synthetic",
                .array(
                    names.filter { workspace.isSynthetic(table: $0) }
                        .map { .string(LuaString($0)) })),
            LuaPair("tables", .array(names.map { .string(LuaString($0)) })),
            LuaPair("title", .string(LuaString(workspace.title))),
        ])
    }

    /// Without a workspace, `plan.anything` explains what is missing instead of indexing nil.
    private static func replaceWithErroringTable(_ lua: LuaState, _ environment: LuaReference) throws {
        _ = try lua.evaluate(
            """
            local message = "no workspace is loaded (give one with --data DIR)"
            plan = setmetatable({}, { __index = function() error(message, 2) end, __metatable = false })
            """, chunkName: "=plan", environment: environment)
    }
}
