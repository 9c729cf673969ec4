import Foundation
import PlanModel
import Tabular

extension Session {
    /// What `.help` prints.
    public static let help = """
        Type Lua: an expression shows its value, '_' holds the last result, and a
        statement left open continues on the next line (prompt '>> ').
        .help          this text
        .tables        the workspace's tables with their row counts
        .format NAME   the format for results and 'show': \(RenderFormat.names.joined(separator: ", "))
        .save FILE     write the session's accepted lines as a script for 'planscope run'
        .quit          end the session (also Ctrl-D)

        """

    /// Runs a dot command (`line` is trimmed and starts with a dot).
    func run(command line: String) throws -> SessionOutcome {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let argument = words.dropFirst().joined(separator: " ")
        switch words[0] {
        case ".help":
            context.sink.write(Session.help)
        case ".quit", ".exit":
            return .quit
        case ".tables":
            context.sink.write(
                Tabular.render(
                    try tableSummary(), as: context.output.format,
                    options: context.output.render))
        case ".format":
            guard !argument.isEmpty else {
                context.sink.write(context.output.format.name + "\n")
                return .command
            }
            guard let format = RenderFormat(name: argument) else {
                throw WorkbenchError.usage(
                    "unknown format '\(argument)' "
                        + "(formats: \(RenderFormat.names.joined(separator: ", ")))")
            }
            context.output.format = format
            accepted.append("\(Session.formatVariable) = \"\(format.name)\"")
        case ".save":
            guard !argument.isEmpty else { throw WorkbenchError.usage("'.save' expects a file name, found none") }
            do {
                try AtomicFile.write(Array(script.utf8), to: argument)
            } catch {
                throw WorkbenchError.output("cannot save the session to '\(argument)' (\(error))")
            }
        default:
            throw WorkbenchError.usage(
                "unknown command '\(words[0])' (commands: .help, .tables, .format, .save, .quit)")
        }
        return .command
    }

    /// The workspace's tables and their row counts, in the manifest's order.
    /// - Throws: ``WorkbenchError`` `usage` when the session has no workspace.
    public func tableSummary() throws -> Table {
        guard let workspace = context.workspace else {
            throw WorkbenchError.usage("no workspace is loaded (start the session with --data DIR)")
        }
        return try Table([
            ("table", Column(.string(.plain(workspace.tables.map(\.name))))),
            ("rows", Column(.int64(workspace.tables.map { Int64($0.table.rowCount) }))),
        ])
    }

    /// The session as a script: run with `planscope run`, it prints what the session printed.
    ///
    /// Each accepted chunk becomes a function called once, so its locals stay its own
    /// as they did at the prompt, and its results go to the same echo the session used.
    /// `.format` becomes an assignment that the script's `show` honours. Chunks that
    /// failed, and dot commands other than `.format`, are left out.
    public var script: String {
        var text = """
            -- A 'planscope repl' session: 'planscope run' of this file prints what the session printed.
            local \(Session.formatVariable) = "\(initialFormat.name)"
            local __session_show = show
            function show(t, options)
              local merged = { format = \(Session.formatVariable) }
              for key, value in pairs(options or {}) do merged[key] = value end
              return __session_show(t, merged)
            end
            local __session_echo = \(SessionEcho.function)

            """
        for chunk in accepted {
            if chunk.hasPrefix(Session.formatVariable + " = ") {
                text += chunk + "\n"
            } else {
                text += "__session_echo((function(...)\n\(chunk)\nend)())\n"
            }
        }
        return text
    }

    /// The saved script's local holding the active format; a name no one types by chance.
    static let formatVariable = "__session_format"
}
