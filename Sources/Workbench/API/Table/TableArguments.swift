import LuaKit
import Tabular

// Reading verbs' arguments. Argument numbers are the C function's (a method's receiver
// is 1); lauxlib subtracts one for method calls, so users see their own count.

extension TableAPI {
    /// Runs `body`, reporting a ``TableError`` as a bad `argument`, in lauxlib's words.
    static func blaming<Result>(_ argument: Int32, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as TableError {
            throw LuaArgumentError(argument: argument, message: error.message)
        }
    }

    /// Pushes `table` as the one result of a verb.
    static func result(_ table: Table, _ call: LuaCall) throws -> Int32 {
        try push(table, on: call)
        return 1
    }

    /// The name of a column of `object` at stack `index`, reported as `argument`.
    /// - Throws: `string expected`, or `unknown column 'x'; did you mean 'y'? (columns: …)`.
    static func columnName(
        _ call: LuaCall, at index: Int32, argument: Int32, of object: TableObject,
        allowingDescending: Bool = false
    ) throws -> String {
        guard let text = call.stack.string(at: index)?.description else {
            if index == argument { throw call.typeError(argument, expected: "string") }
            throw LuaArgumentError(
                argument: argument,
                message: "expected a column name, got \(call.stack.typeName(at: index))")
        }
        let name = allowingDescending && text.hasPrefix("-") ? String(text.dropFirst()) : text
        _ = try blaming(argument) { try object.position(of: name) }
        return text
    }

    /// Column names given from argument `first` on, each a string or an array of strings:
    /// `select("a", "b")` or `select{"a", "b"}`.
    static func columnNames(
        _ call: LuaCall, from first: Int32, of object: TableObject, through last: Int32? = nil,
        allowingDescending: Bool = false
    ) throws -> [String] {
        var names: [String] = []
        let last = last ?? call.argumentCount
        guard first <= last else { return [] }
        for argument in first...last {
            guard call.stack.type(at: argument) == LuaType.table else {
                names.append(
                    try columnName(
                        call, at: argument, argument: argument, of: object,
                        allowingDescending: allowingDescending))
                continue
            }
            let (keys, count) = try call.stack.keys(
                of: argument, argument: argument, what: "a list of column names")
            if let key = keys.first {
                throw LuaArgumentError(
                    argument: argument,
                    message: "expected a list of column names, got a table with key '\(key)'")
            }
            for position in stride(from: 1, through: count, by: 1) {
                call.stack.pushElement(position, of: argument)
                defer { call.stack.pop() }
                names.append(
                    try columnName(
                        call, at: -1, argument: argument, of: object,
                        allowingDescending: allowingDescending))
            }
        }
        return names
    }

    /// The string keys of the Lua table at `index`, sorted; a table with list entries is
    /// refused with `listMessage`, since those would be silently ignored.
    static func namedKeys(
        _ call: LuaCall, of index: Int32, argument: Int32, what: String, listMessage: String
    ) throws -> [String] {
        let (names, count) = try call.stack.keys(of: index, argument: argument, what: what)
        if count > 0 { throw LuaArgumentError(argument: argument, message: listMessage) }
        return names
    }

    /// Checks the keys of the options table at `argument` against `allowed`.
    /// - Throws: `unknown option 'hwo'; did you mean 'how'? (options: how, check)`.
    static func checkOptions(_ call: LuaCall, _ argument: Int32, allowed: [String]) throws {
        try call.checkTable(argument)
        let keys = try namedKeys(
            call, of: argument, argument: argument, what: "options", listMessage: "expected named options, got a list")
        for key in keys where !allowed.contains(key) {
            throw LuaArgumentError(argument: argument, message: LuaOptions.unknown(key, allowed: allowed))
        }
    }

    /// The string option `name` of the options table at `argument`, or `nil` when absent.
    static func stringOption(_ call: LuaCall, _ argument: Int32, _ name: String) throws -> String? {
        call.stack.pushField(name, of: argument)
        defer { call.stack.pop() }
        if call.stack.type(at: -1) == LuaType.nil { return nil }
        guard let text = call.stack.string(at: -1) else {
            throw LuaArgumentError(
                argument: argument,
                message: "option '\(name)' expected string, got \(call.stack.typeName(at: -1))")
        }
        return text.description
    }

    /// The option `name`, one of `Choice`'s raw values, or `fallback` when absent.
    /// - Throws: `invalid option 'outer' for 'how' (expected inner, left or anti)`.
    static func choiceOption<Choice: RawRepresentable & CaseIterable>(
        _ call: LuaCall, _ argument: Int32, _ name: String, default fallback: Choice
    ) throws -> Choice where Choice.RawValue == String {
        guard let text = try stringOption(call, argument, name) else { return fallback }
        guard let choice = Choice(rawValue: text) else {
            throw LuaArgumentError(
                argument: argument,
                message: "invalid option '\(text)' for '\(name)' (expected "
                    + TableAPI.list(Choice.allCases.map(\.rawValue)) + ")")
        }
        return choice
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    /// The cell at stack `index`, or an error naming `what` and the Lua type found.
    static func cell(_ call: LuaCall, at index: Int32, argument: Int32, what: String) throws -> Cell {
        guard let cell = call.stack.cell(at: index) else {
            throw LuaArgumentError(
                argument: argument,
                message: "\(what) expected nil, boolean, number or string, got "
                    + call.stack.typeName(at: index))
        }
        return cell
    }
}
