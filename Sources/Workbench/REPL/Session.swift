import LuaKit
import Tabular

/// What one line of input to a ``Session`` did.
public enum SessionOutcome: Equatable, Sendable {
    /// The chunk is not finished (Lua's "<eof>" syntax error): read another line, prompting `>> `.
    case incomplete
    /// A chunk ran; its results were shown on the sink and are given here copied into Swift.
    case evaluated([LuaValue])
    /// A dot command ran (or the line was blank).
    case command
    /// `.quit`: the session is over.
    case quit
}

/// An interactive Lua session over the workbench API: one state for all its lines.
///
/// Lines are completed as `lua.c` does: a first line is tried as `return <line>` so an
/// expression shows its value; a chunk whose syntax error ends in `<eof>` waits for
/// more lines. Results go through ``SessionEcho`` (tables rendered in the active
/// format, other values as `planscope eval` prints them) and `_` holds the first
/// result of the last chunk that returned any.
///
/// For example:
/// ```swift
/// let sink = BufferSink()
/// let session = try Session(context: APIContext(sink: sink))
/// try session.evaluate("x = 20")      // .evaluated([])
/// try session.evaluate("x + 1")       // .evaluated([.integer(21)]); sink.text == "21\n"
/// try session.evaluate("_ * 2")       // .evaluated([.integer(42)])
/// ```
///
/// ## Topics
/// - ``evaluate(_:)``, ``cancelInput()``, ``isContinuing``
/// - ``script``, ``accepted``
public final class Session {
    /// The session's output, format and workspace.
    public let context: APIContext
    /// Limits (applied to each chunk afresh), sandbox and module paths.
    public let options: RunOptions
    let lua: LuaState
    let environment: LuaReference
    let echo: LuaReference
    /// The lines of an unfinished chunk.
    private var pending: [String] = []
    /// The format the session started with, written at the top of a saved script.
    let initialFormat: RenderFormat
    /// Every chunk that ran without error, and every `.format`, as script text, in order.
    public internal(set) var accepted: [String] = []

    /// Opens the session's state: the sandbox (unless `options.unsafe`), the workbench API and `_`'s echo.
    /// - Throws: ``LuaError`` when the state cannot be built.
    public init(context: APIContext, options: RunOptions = RunOptions()) throws {
        self.context = context
        self.options = options
        initialFormat = context.output.format
        lua = try LuaState(libraries: options.unsafe ? .all : .sandboxed)
        // `require` searches as for code given on the command line: the current folder first.
        environment = try lua.newEnvironment(
            LuaSandbox.Options(
                output: { [sink = context.sink] text in sink.write(text.bytes) },
                modulePaths: ScriptRunner(context: context, options: options).modulePaths(for: .code(""))))
        try WorkbenchAPI.install(in: lua, environment: environment, context: context)
        try lua.load(Array(("return " + SessionEcho.function).utf8), chunkName: "=(echo)")
        lua.setEnvironment(environment)
        try lua.call(argumentCount: 0)
        echo = LuaReference(popping: lua)
    }

    /// Whether the last line left a chunk unfinished.
    public var isContinuing: Bool { !pending.isEmpty }

    /// Drops an unfinished chunk (Ctrl-C at a `>> ` prompt).
    public func cancelInput() { pending = [] }

    /// Runs one line: a dot command, part of a chunk, or the last line of one.
    ///
    /// After an error the state is kept (an interrupt or time limit is forgotten) and
    /// the unfinished chunk, if any, is dropped.
    /// - Throws: ``LuaError`` when the chunk fails to compile or run; ``WorkbenchError``
    ///   when a dot command is misused or `.save` cannot write its file.
    /// - Complexity: that of the chunk, plus rendering its results.
    public func evaluate(_ line: String) throws -> SessionOutcome {
        if pending.isEmpty {
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty { return .command }
            if trimmed.hasPrefix(".") { return try run(command: trimmed) }
            let expression = "return " + line
            if (try? compile(expression)) != nil { return try run(loaded: expression) }
        }
        let chunk = (pending + [line]).joined(separator: "\n")
        do {
            try compile(chunk)
        } catch let error as LuaError where error.kind == .syntax && error.message.hasSuffix("<eof>") {
            pending.append(line)
            return .incomplete
        } catch {
            pending = []
            throw error
        }
        pending = []
        return try run(loaded: chunk)
    }

    /// Loads `chunk` above the echo function, leaving both on the stack.
    private func compile(_ chunk: String) throws {
        lua.push(echo)
        do {
            try lua.load(Array(chunk.utf8), chunkName: "=stdin")
        } catch {
            lua.stack.pop()
            throw error
        }
    }

    /// Runs the chunk `compile` left on the stack and passes its results to the echo.
    private func run(loaded chunk: String) throws -> SessionOutcome {
        let base = lua.stack.top - 2
        defer { lua.stack.pop(lua.stack.top - base) }
        lua.setEnvironment(environment)
        lua.apply(options.limits)
        do {
            let count = try lua.call(argumentCount: 0)
            // A value Swift cannot copy (a table that contains itself) is still shown by the echo.
            let values = (0..<count).map { offset in
                (try? lua.stack.value(at: -count + offset))
                    ?? .opaque(typeName: lua.stack.typeName(at: -count + offset), text: "(not copied)")
            }
            try lua.call(argumentCount: count)
            accepted.append(chunk)
            return .evaluated(values)
        } catch {
            lua.clearAbort()
            throw error
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line ends.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
