import Foundation
import LuaKit

/// The values given with `--param name=value`, in command-line order, and whether the
/// run only describes the script's parameters (`planscope run x.lua --help`).
public struct ScriptParameters: Sendable {
    /// Each given parameter's name and text, as typed.
    public var values: [(name: String, text: String)]
    /// When set, `params{…}` records its declarations here and stops the script.
    public var recorder: ParameterRecorder?

    /// Parameters with these values; with a recorder, a run that only describes them.
    public init(values: [(name: String, text: String)] = [], recorder: ParameterRecorder? = nil) {
        self.values = values
        self.recorder = recorder
    }

    /// Splits `name=value` arguments (the value may itself hold `=`).
    /// - Throws: ``WorkbenchError`` `usage` for an argument without `=`, an empty name,
    ///   or a name given twice.
    public static func parse(_ arguments: [String]) throws -> ScriptParameters {
        var values: [(name: String, text: String)] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw WorkbenchError.usage("--param expects name=value, got '\(argument)'")
            }
            let name = String(argument[..<equals])
            guard !name.isEmpty else {
                throw WorkbenchError.usage("--param expects name=value, got '\(argument)' (the name is empty)")
            }
            if values.contains(where: { $0.name == name }) {
                throw WorkbenchError.usage("--param '\(name)' is given more than once")
            }
            values.append((name, String(argument[argument.index(after: equals)...])))
        }
        return ScriptParameters(values: values)
    }
}

/// One parameter a script declares with `params{ name = { default = …, doc = "…" } }`.
public struct ParameterDeclaration: Sendable, Hashable {
    /// The name used with `--param` and read as `param.name`.
    public let name: String
    /// The value when none is given; its type is the type given values are converted to.
    public let defaultValue: LuaValue
    /// What the parameter means, for `--help`.
    public let doc: String?

    /// A declaration; `.nil` as the default means "none", and given values stay strings.
    public init(name: String, defaultValue: LuaValue = .nil, doc: String? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.doc = doc
    }

    /// Converts a value given on the command line to the default's type.
    /// - Throws: ``LuaArgumentError`` (argument 1 of `params`) when the text does not parse.
    func convert(_ text: String) throws -> LuaValue {
        switch defaultValue {
        case .integer:
            guard let value = Int64(text) else { throw mismatch(text, "an integer") }
            return .integer(value)
        case .number:
            guard let value = Double(text), value.isFinite else { throw mismatch(text, "a number") }
            return .number(value)
        case .boolean:
            switch text {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw mismatch(text, "'true' or 'false'")
            }
        default:
            return .string(LuaString(text))
        }
    }

    private func mismatch(_ text: String, _ expected: String) -> LuaArgumentError {
        LuaArgumentError(
            argument: 1,
            message: "parameter '\(name)' expects \(expected) "
                + "(its default is \(defaultValue)), got '\(text)'")
    }
}

/// Collects what `params{…}` declares when a run only describes its parameters.
///
/// A class, so the `params` function inside the run and the caller outside it share one record.
public final class ParameterRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [ParameterDeclaration]?

    /// An empty record.
    public init() {}

    /// The declarations, or `nil` while `params{…}` has not been reached.
    public var declarations: [ParameterDeclaration]? {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func record(_ declarations: [ParameterDeclaration]) {
        lock.lock()
        defer { lock.unlock() }
        recorded = declarations
    }
}

/// Raised by `params{…}` in a describing run once the declarations are recorded, so the rest
/// of the script does not run. The caller tells it apart through the recorder, not its text.
struct ParameterDescriptionStop: Error, CustomStringConvertible {
    var description: String { "stopped after reading the script's parameters" }
}

extension ScriptRunner {
    /// Runs `source` only as far as its `params{…}` call and returns what it declares,
    /// or `nil` when the script finishes without calling `params`.
    ///
    /// Output is discarded and writing is refused, so a script that does work before
    /// declaring its parameters changes nothing.
    /// - Complexity: the cost of the script up to its `params{…}` call.
    /// - Throws: ``LuaError`` when the script fails before reaching `params{…}`.
    public func declaredParameters(of source: ScriptSource) throws -> [ParameterDeclaration]? {
        let recorder = ParameterRecorder()
        var describing = options
        describing.parameters = ScriptParameters(recorder: recorder)
        let quiet = APIContext(
            sink: BufferSink(), output: context.output,
            permissions: FilePermissions(readRoots: context.permissions.readRoots, writeRoots: []),
            workspace: context.workspace)
        do {
            _ = try ScriptRunner(context: quiet, options: describing).run(source)
        } catch let error as LuaError {
            if let declarations = recorder.declarations { return declarations }
            throw error
        }
        return recorder.declarations
    }
}
