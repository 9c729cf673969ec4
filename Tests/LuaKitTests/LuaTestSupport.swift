import LuaKit
import Testing

/// A sandboxed state with one fresh environment whose `print` output is collected.
final class SandboxedLua {
    let lua: LuaState
    private let printed = PrintBox()
    private let environment: LuaReference

    init(limits: LuaLimits = .none, modulePaths: [String] = [], libraries: LuaState.Libraries = .sandboxed) throws {
        lua = try LuaState(libraries: libraries)
        let printed = printed
        environment = try lua.newEnvironment(
            .init(
                output: { printed.text += $0.description },
                modulePaths: modulePaths))
        lua.apply(limits)
    }

    /// Gives scripts a Swift function as a global.
    func define(_ name: String, _ function: @escaping SwiftFunction) {
        lua.define(name, in: environment, function: function)
    }

    /// Everything `print` wrote.
    var output: String { printed.text }

    /// Runs `code` and returns its results, checking that the stack is balanced.
    func run(_ code: String, chunkName: String = "=test") throws -> [LuaValue] {
        let top = lua.stack.top
        defer { #expect(lua.stack.top == top, "stack not balanced") }
        return try lua.evaluate(code, chunkName: chunkName, environment: environment)
    }

    /// The error `code` raises, or `nil` when it runs.
    func error(_ code: String) -> LuaError? {
        do {
            _ = try run(code)
            return nil
        } catch {
            return error as? LuaError
        }
    }
}

private final class PrintBox { var text = "" }
