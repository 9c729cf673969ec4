import LuaKit
import Tabular

/// The global table `param` (values given with `--param`) and the function `params{…}`
/// that declares them with defaults and descriptions.
enum ParamsFunction {
    /// Defines `param`, holding the given values as strings, and `params`.
    static func define(
        in lua: LuaState, environment: LuaReference, parameters: ScriptParameters,
        context: APIContext
    ) throws {
        try lua.stack.push(
            .map(parameters.values.map { LuaPair(.string(LuaString($0.name)), .string(LuaString($0.text))) }))
        let table = LuaReference(popping: lua)
        lua.push(environment)
        lua.push(table)
        lua.setField(-2, "param")
        lua.stack.pop()
        lua.define("params", in: environment) { call in
            try declare(call, table: table, parameters: parameters, context: context)
        }
    }

    /// `params{ name = { default = …, doc = "…" }, … }`: checks the given values against the
    /// declarations, converts them to their defaults' types, fills in defaults and returns `param`.
    static func declare(
        _ call: LuaCall, table: LuaReference, parameters: ScriptParameters,
        context: APIContext
    ) throws -> Int32 {
        let declarations = try read(call)
        if let recorder = parameters.recorder {
            recorder.record(declarations)
            throw ParameterDescriptionStop()
        }
        // The table is pushed on the main thread's stack: from a coroutine it would land on the wrong one.
        guard call.stack.thread == call.state.handle else {
            throw LuaArgumentError(argument: 1, message: "params must be called from the main chunk, not a coroutine")
        }
        var values: [(String, LuaValue)] = []
        do {
            for given in parameters.values where !declarations.contains(where: { $0.name == given.name }) {
                throw LuaArgumentError(argument: 1, message: unknown(given.name, declared: declarations.map(\.name)))
            }
            for declaration in declarations {
                if let given = parameters.values.first(where: { $0.name == declaration.name }) {
                    values.append((declaration.name, try declaration.convert(given.text)))
                } else {
                    values.append((declaration.name, declaration.defaultValue))
                }
            }
        } catch let error as LuaArgumentError {
            // A wrong --param is the command line's fault: the command exits with the usage code.
            context.lastHostError = .usage(error.message ?? "")
            throw error
        }
        call.state.push(table)
        for (name, value) in values {
            try call.stack.push(value)
            call.state.setField(-2, name)
        }
        return 1
    }

    /// The declarations in argument 1, sorted by name (Lua tables have no order of their own).
    static func read(_ call: LuaCall) throws -> [ParameterDeclaration] {
        let entries: [LuaPair]
        switch try call.value(1) {
        case .map(let pairs): entries = pairs
        case .array(let elements) where elements.isEmpty: entries = []
        case .array:
            throw LuaArgumentError(
                argument: 1, message: "expected parameter declarations (name = { default = … }), got a list")
        case .nil, .boolean, .integer, .number, .string, .opaque:
            throw call.typeError(1, expected: "table of parameter declarations")
        }
        return try entries.map { entry in
            guard case .string(let name) = entry.key else {
                throw LuaArgumentError(
                    argument: 1, message: "parameter names must be strings, got \(entry.key.typeName)")
            }
            return try declaration(name.description, entry.value)
        }
    }

    private static func declaration(_ name: String, _ value: LuaValue) throws -> ParameterDeclaration {
        let fields: [LuaPair]
        switch value {
        case .map(let pairs): fields = pairs
        case .array(let elements) where elements.isEmpty: fields = []
        default:
            throw LuaArgumentError(
                argument: 1,
                message: "parameter '\(name)' must be declared with a table "
                    + "{ default = …, doc = \"…\" }, got \(value.typeName)")
        }
        var defaultValue = LuaValue.nil
        var doc: String?
        for field in fields {
            switch (field.key, field.value) {
            case (.string(let key), let given) where key.description == "default":
                switch given {
                case .nil, .boolean, .integer, .number, .string: defaultValue = given
                default:
                    throw LuaArgumentError(
                        argument: 1,
                        message: "the default of parameter '\(name)' must be "
                            + "a string, number or boolean, got \(given.typeName)")
                }
            case (.string(let key), .string(let text)) where key.description == "doc":
                doc = text.description
            case (.string(let key), let given) where key.description == "doc":
                throw LuaArgumentError(
                    argument: 1,
                    message: "the doc of parameter '\(name)' must be a string, "
                        + "got \(given.typeName)")
            default:
                throw LuaArgumentError(
                    argument: 1,
                    message: "unknown field '\(field.key)' in parameter '\(name)' "
                        + "(fields: default, doc)")
            }
        }
        return ParameterDeclaration(name: name, defaultValue: defaultValue, doc: doc)
    }

    /// "unknown parameter 'yeer'; did you mean 'year'?", suggesting a name only when it is close.
    static func unknown(_ name: String, declared: [String]) -> String {
        guard !declared.isEmpty else { return "unknown parameter '\(name)' (the script declares no parameters)" }
        if let suggestion = TableError.closestName(to: name, in: declared) {
            return "unknown parameter '\(name)'; did you mean '\(suggestion)'?"
        }
        return "unknown parameter '\(name)' (parameters: \(declared.joined(separator: ", ")))"
    }
}
