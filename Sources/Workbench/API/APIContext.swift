import LuaKit
import PlanModel

/// What the Lua API of one run can reach: its output, its file permissions and the workspace.
public final class APIContext {
    /// Where `show` and `print` write.
    public let sink: OutputSink
    /// The active output format and renderer options.
    public var output: OutputSettings
    /// Folders `read_csv` and `write` may use.
    public let permissions: FilePermissions
    /// The loaded workspace behind `plan`, if any.
    public let workspace: Workspace?
    /// The last host error (bad data, unwritable output) raised into the script, so the
    /// command can choose its exit code without reading the message.
    public internal(set) var lastHostError: WorkbenchError?
    /// The files `read_csv` read and `write` wrote, for `--provenance`.
    public internal(set) var files = RunFiles()

    public init(
        sink: OutputSink, output: OutputSettings = OutputSettings(),
        permissions: FilePermissions = .workingDirectory(), workspace: Workspace? = nil
    ) {
        self.sink = sink
        self.output = output
        self.permissions = permissions
        self.workspace = workspace
    }

    /// Records host errors on their way into Lua.
    func recording(_ body: () throws -> Int32) throws -> Int32 {
        do {
            return try body()
        } catch let error as WorkbenchError {
            lastHostError = error
            throw error
        }
    }
}

/// Installs the whole Lua API into a script's environment.
public enum WorkbenchAPI {
    /// Registers the types and defines the globals: `Table`, `agg`, `show`, `output`, `write`, `read_csv`, `plan`.
    public static func install(in lua: LuaState, environment: LuaReference, context: APIContext) throws {
        TableAPI.register(in: lua)
        TableAPI.define(in: lua, environment: environment)
        IOFunctions.define(in: lua, environment: environment, context: context)
        OutputFunction.define(in: lua, environment: environment, context: context)
        try PlanModule.define(in: lua, environment: environment, workspace: context.workspace)
    }
}
