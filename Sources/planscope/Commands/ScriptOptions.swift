import ArgumentParser
import LuaKit
import Tabular
import Workbench

/// Options shared by every command that runs Lua.
struct ScriptOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Stop the script after this many seconds of wall-clock time.",
            valueName: "seconds"))
    var timeout: Double?

    @Option(
        name: .customLong("max-memory"),
        help: ArgumentHelp("Stop the script when Lua holds more than this many megabytes.", valueName: "MB"))
    var maxMemory: Int?

    @Flag(name: .long, help: "Open Lua's full standard library (io, os, debug, package): no sandbox.")
    var unsafe = false

    @Option(
        name: .customLong("lua-path"), parsing: .singleValue,
        help: ArgumentHelp(
            "Where 'require' also looks, as a LUA_PATH template such as 'lib/?.lua'.",
            valueName: "template"))
    var luaPath: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The workspace behind 'plan' (default: Datasets/sample2013, "
                + "the catalog plus synthetic sample data, when it exists here).",
            valueName: "dir"))
    var data: String?

    func validate() throws {
        if let timeout, !(timeout > 0) || !timeout.isFinite {
            throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
        }
        if let maxMemory, maxMemory <= 0 {
            throw ValidationError("--max-memory must be a positive number of megabytes, got \(maxMemory)")
        }
    }

    var limits: LuaLimits {
        LuaLimits(timeout: timeout, maxMemory: maxMemory.map { $0 * 1_048_576 })
    }

    func runOptions(arguments: [String], interpreterArguments: [String]) -> RunOptions {
        RunOptions(
            limits: limits, unsafe: unsafe, luaPath: luaPath,
            environmentLuaPath: Terminal.environment("LUA_PATH_5_4") ?? Terminal.environment("LUA_PATH"),
            arguments: arguments, interpreterArguments: interpreterArguments)
    }
}
