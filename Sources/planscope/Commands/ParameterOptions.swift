import ArgumentParser
import Foundation
import LuaKit
import Workbench

/// `--param name=value`, repeatable: values the script reads as `param.name`.
struct ParameterOptions: ParsableArguments {
    @Option(
        name: .customLong("param"), parsing: .singleValue,
        help: ArgumentHelp(
            "A value the script reads as 'param.name' (repeatable). 'run SCRIPT --help' lists what a script declares.",
            valueName: "name=value"))
    var values: [String] = []

    func validate() throws {
        do {
            _ = try ScriptParameters.parse(values)
        } catch let error as WorkbenchError {
            throw ValidationError(error.message)
        }
    }

    /// The parsed values (already checked by `validate`).
    var parameters: ScriptParameters {
        (try? ScriptParameters.parse(values)) ?? ScriptParameters()
    }
}

/// The `--help` text a script's `params{…}` declarations make: name, default and description.
enum ParameterHelp {
    /// What `planscope run SCRIPT --help` prints.
    /// - Complexity: O(n) in the number of declarations.
    static func text(script: String, declarations: [ParameterDeclaration]?) -> String {
        var text = "usage: planscope run [--param name=value ...] \(script) [arguments ...]\n\n"
        guard let declarations, !declarations.isEmpty else {
            return text
                + (declarations == nil
                    ? "\(script) declares no parameters (it never calls params{...})\n"
                    : "\(script) declares no parameters\n")
        }
        let rows =
            [("name", "default", "description")]
            + declarations.map { declaration in
                (declaration.name, defaultText(declaration.defaultValue), declaration.doc ?? "")
            }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let defaultWidth = rows.map(\.1.count).max() ?? 0
        text += "parameters:\n"
        for row in rows {
            let line =
                "  " + row.0.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + row.1.padding(toLength: defaultWidth, withPad: " ", startingAt: 0) + "  " + row.2
            text += line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return text
    }

    /// A default as Lua would write it; strings quoted, so `"2013"` and `2013` differ.
    private static func defaultText(_ value: LuaValue) -> String {
        switch value {
        case .nil: return "-"
        case .string(let text): return LuaFormat.quoted(text)
        default: return value.description
        }
    }
}

extension Execution {
    /// `planscope run SCRIPT --help`: runs the script as far as its `params{…}` and prints
    /// what it declares, instead of running it.
    func describeParameters(of source: ScriptSource, options runOptions: RunOptions) throws {
        let context = APIContext(
            sink: BufferSink(), workspace: try loadWorkspace())
        do {
            let declarations = try ScriptRunner(context: context, options: runOptions).declaredParameters(of: source)
            FileHandle.standardOutput.write(
                Data(ParameterHelp.text(script: source.name, declarations: declarations).utf8))
        } catch let error as LuaError {
            // Writing is refused while describing, so say where the failure happened.
            let failure = CommandFailure(error, limits: options, hostError: context.lastHostError)
            throw CommandFailure(
                message: "cannot list the parameters of '\(source.name)': the script failed "
                    + "before calling params{...}: \(failure.message)",
                traceback: failure.traceback, exitCode: failure.exitCode)
        }
    }
}
