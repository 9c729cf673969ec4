import LuaKit

/// Runs one script in a fresh Lua state: sandbox, limits, `arg`, and output to a sink.
///
/// Each run gets its own state, so nothing a script does (globals, loaded
/// modules, a poisoned state after a timeout) reaches the next one.
///
/// For example:
/// ```swift
/// let sink = BufferSink()
/// let results = try ScriptRunner(output: sink).run(.code("print('hi') return 42"))
/// // sink.text == "hi\n", results == [.integer(42)]
/// ```
public struct ScriptRunner {
    /// What the script's API reaches: output, permissions, workspace.
    public let context: APIContext
    /// Limits, sandbox and arguments.
    public let options: RunOptions

    /// Where `print` and `show` write.
    public var output: OutputSink { context.sink }

    public init(context: APIContext, options: RunOptions = RunOptions()) {
        self.context = context
        self.options = options
    }

    /// A runner with no workspace, writing to `output`.
    public init(output: OutputSink, options: RunOptions = RunOptions()) {
        self.init(context: APIContext(sink: output), options: options)
    }

    /// Runs `source` and returns what its main chunk returned, or with `echoingResults`
    /// shows it as the REPL does (``SessionEcho``: tables rendered with `show`, other values
    /// on one line) and returns nothing.
    /// - Throws: ``LuaError`` (syntax, runtime, memory, timeout, interrupted).
    public func run(_ source: ScriptSource, echoingResults: Bool = false) throws -> [LuaValue] {
        let lua = try LuaState(libraries: options.unsafe ? .all : .sandboxed)
        let environment = try lua.newEnvironment(
            LuaSandbox.Options(
                output: { [output] text in output.write(text.bytes) },
                modulePaths: modulePaths(for: source)))
        try setArguments(in: lua, environment: environment, scriptName: source.name)
        try WorkbenchAPI.install(in: lua, environment: environment, context: context)
        try ParamsFunction.define(in: lua, environment: environment, parameters: options.parameters, context: context)
        if echoingResults {
            // The echo goes below the chunk, so the chunk's results become its arguments.
            try lua.load(Array(("return " + SessionEcho.function).utf8), chunkName: "=(echo)")
            lua.setEnvironment(environment)
            try lua.call(argumentCount: 0)
        }
        try lua.load(source.bytes, chunkName: source.chunkName)
        lua.setEnvironment(environment)
        for argument in options.arguments { lua.stack.push(string: argument) }
        lua.apply(options.limits)
        let count = try lua.call(argumentCount: Int32(options.arguments.count))
        if echoingResults {
            try lua.call(argumentCount: count)
            return []
        }
        defer { lua.stack.pop(count) }
        return try (0..<count).map { try lua.stack.value(at: -count + $0) }
    }

    /// The script's folder first, then `LUA_PATH`, then `--lua-path`.
    func modulePaths(for source: ScriptSource) -> [String] {
        let folder = source.directory.map { $0 == "." ? "" : $0 + "/" } ?? ""
        let defaults = ["\(folder)?.lua", "\(folder)?/init.lua"]
        let fromEnvironment =
            options.environmentLuaPath.map {
                LuaSandbox.modulePaths(luaPath: $0, defaults: defaults)
            } ?? defaults
        return fromEnvironment + options.luaPath.flatMap { LuaSandbox.modulePaths(luaPath: $0, defaults: []) }
    }

    /// `arg` as `lua.c` builds it: the script at 0, its arguments from 1, what came before it below 0.
    func setArguments(in lua: LuaState, environment: LuaReference, scriptName: String) throws {
        var pairs = [LuaPair(.integer(0), .string(LuaString(scriptName)))]
        for (offset, argument) in options.arguments.enumerated() {
            pairs.append(LuaPair(.integer(Int64(offset + 1)), .string(LuaString(argument))))
        }
        for (offset, argument) in options.interpreterArguments.reversed().enumerated() {
            pairs.append(LuaPair(.integer(Int64(-offset - 1)), .string(LuaString(argument))))
        }
        try lua.define("arg", in: environment, value: .map(pairs))
    }
}
