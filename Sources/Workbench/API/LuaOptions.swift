import LuaKit
import Tabular

/// An options table argument (`{format = "csv", title = "…"}`), read with lauxlib-style errors:
/// an unknown key is an error, so a typo cannot be silently ignored.
struct LuaOptions {
    private let values: [String: LuaValue]
    private let argument: Int32

    init(_ call: LuaCall, _ argument: Int32, function: String, allowed: Set<String>) throws {
        self.argument = argument
        switch try call.value(argument) {
        case .nil:
            values = [:]
        case .map(let pairs):
            var values: [String: LuaValue] = [:]
            for pair in pairs {
                guard case .string(let key) = pair.key, allowed.contains(key.description) else {
                    throw LuaArgumentError(
                        argument: argument, message: LuaOptions.unknown("\(pair.key)", allowed: allowed.sorted()))
                }
                values[key.description] = pair.value
            }
            self.values = values
        case .array(let elements) where elements.isEmpty:
            values = [:]
        case .array:
            throw LuaArgumentError(argument: argument, message: "expected named options, got a list")
        default:
            throw call.typeError(argument, expected: "table")
        }
    }

    func string(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .nil?: return nil
        case .string(let text)?: return text.description
        case let other?: throw mismatch(key, "string", other)
        }
    }

    func boolean(_ key: String) throws -> Bool? {
        switch values[key] {
        case nil, .nil?: return nil
        case .boolean(let flag)?: return flag
        case let other?: throw mismatch(key, "boolean", other)
        }
    }

    /// A whole number above 0 (`max_rows = 20`).
    func positiveInteger(_ key: String) throws -> Int? {
        switch values[key] {
        case nil, .nil?: return nil
        case .integer(let count)? where count > 0: return Int(count)
        case let other?:
            throw LuaArgumentError(
                argument: argument,
                message: "option '\(key)' must be a positive integer, got "
                    + (other.typeName == "number" ? "\(other)" : other.typeName))
        }
    }

    func format(_ key: String) throws -> RenderFormat? {
        guard let name = try string(key) else { return nil }
        guard let format = RenderFormat(name: name) else {
            throw LuaArgumentError(
                argument: argument,
                message: "invalid option '\(name)' for '\(key)' "
                    + "(formats: \(RenderFormat.names.joined(separator: ", ")))")
        }
        return format
    }

    /// An array of strings (`{"province", "value"}`).
    func stringArray(_ key: String) throws -> [String]? {
        switch values[key] {
        case nil, .nil?: return nil
        case .array(let elements)?:
            return try elements.map { element in
                guard case .string(let text) = element else { throw mismatch(key, "array of strings", element) }
                return text.description
            }
        case let other?: throw mismatch(key, "array of strings", other)
        }
    }

    /// A table of string keys to string values, in key order.
    func stringMap(_ key: String) throws -> [(String, String)]? {
        switch values[key] {
        case nil, .nil?: return nil
        case .map(let pairs)?:
            return try pairs.map { pair in
                guard case .string(let name) = pair.key, case .string(let value) = pair.value else {
                    throw mismatch(key, "table of strings", .map(pairs))
                }
                return (name.description, value.description)
            }
        case let other?: throw mismatch(key, "table", other)
        }
    }

    private func mismatch(_ key: String, _ expected: String, _ found: LuaValue) -> LuaArgumentError {
        let article = expected.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        return LuaArgumentError(
            argument: argument, message: "option '\(key)' must be \(article) \(expected), got \(found.typeName)")
    }

    /// "unknown option 'hwo'; did you mean 'how'? (options: check, how)": a suggestion only
    /// when a name is close, as the table verbs and `params` give.
    static func unknown(_ key: String, allowed: [String]) -> String {
        var message = "unknown option '\(key)'"
        if let suggestion = TableError.closestName(to: key, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message + " (options: \(allowed.joined(separator: ", ")))"
    }
}
