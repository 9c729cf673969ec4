import LuaKit

/// How to run a script: limits, the sandbox, module paths and arguments.
public struct RunOptions: Sendable {
    /// Time and memory limits.
    public var limits: LuaLimits
    /// Open the full standard library instead of the sandbox (`--unsafe`).
    public var unsafe: Bool
    /// Extra `require` templates (`--lua-path`), searched after the script's folder.
    public var luaPath: [String]
    /// The `LUA_PATH` environment variable, if set (`;;` stands for the defaults).
    public var environmentLuaPath: String?
    /// The script's own arguments: `arg[1]`… and the main chunk's `...`.
    public var arguments: [String]
    /// What came before the script on the command line: `arg[-n]`…`arg[-1]`, as `lua.c` sets them.
    public var interpreterArguments: [String]
    /// `--param` values as `param`, or a recorder when the run only describes its `params{…}`.
    public var parameters = ScriptParameters()

    public init(
        limits: LuaLimits = .none, unsafe: Bool = false, luaPath: [String] = [],
        environmentLuaPath: String? = nil, arguments: [String] = [],
        interpreterArguments: [String] = []
    ) {
        self.limits = limits
        self.unsafe = unsafe
        self.luaPath = luaPath
        self.environmentLuaPath = environmentLuaPath
        self.arguments = arguments
        self.interpreterArguments = interpreterArguments
    }
}
