import LuaKit
import Workbench

/// A sandboxed state with the table API and a sample table `sample` defined.
final class TableAPIFixture {
    let lua: LuaState
    let environment: LuaReference

    init() throws {
        lua = try LuaState(libraries: .sandboxed)
        environment = try lua.newEnvironment(.init(output: { _ in }))
        TableAPI.register(in: lua)
        TableAPI.define(in: lua, environment: environment)
        try run(
            """
            sample = Table.from({
              {region = "East", province = "110000", plans = 3, rate = 0.5},
              {region = "West", province = "120000", plans = 5, rate = 0.25},
              {region = "East", province = "130000", plans = 2, rate = 0.75},
              {region = "North", province = "140000", plans = 4},
            }, {columns = {"region", "province", "plans", "rate"}})
            """)
    }

    /// Runs `code` as the chunk `test` and returns its results.
    @discardableResult
    func run(_ code: String) throws -> [LuaValue] {
        let top = lua.stack.top
        defer { precondition(lua.stack.top == top, "unbalanced stack") }
        return try lua.evaluate(code, chunkName: "=test", environment: environment)
    }

    /// The text `code` returns.
    func text(_ code: String) throws -> String {
        let results = try run(code)
        guard case .string(let text)? = results.first else { return "\(results)" }
        return text.description
    }

    /// The message of the error `code` raises.
    func error(_ code: String) -> String? {
        do {
            try run(code)
            return nil
        } catch let error as LuaError {
            return error.message
        } catch {
            return "\(error)"
        }
    }
}
