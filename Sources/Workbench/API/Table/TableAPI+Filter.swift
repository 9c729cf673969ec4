import LuaKit
import Tabular

// The two verbs that may call Lua: `where` and `mutate`. Their declarative forms
// (`where{region = "East"}`, `mutate{zero = 0}`) run entirely in Swift.

extension TableAPI {
    /// `t:where{col = value, col2 = {"a", "b"}}` or `t:where(function(r) … end)`.
    static func filter(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        switch call.stack.type(at: 2) {
        case LuaType.function:
            let table = try withCursor(call, on: object) { cursor, view in
                try object.table.filter { row in
                    view.row = row
                    return try callPredicate(call, function: 2, cursor: cursor)
                }
            }
            return try result(table, call)
        case LuaType.table:
            let conditions = try equalityConditions(call, 2, of: object)
            return try result(blaming(2) { try object.table.filter(equals: conditions) }, call)
        default:
            throw call.typeError(2, expected: "table or function")
        }
    }

    /// Runs `body` with a row cursor pushed on the stack (at the returned index), then
    /// pops and expires it, whatever happens.
    static func withCursor<R>(
        _ call: LuaCall, on object: TableObject, _ body: (Int32, RowObject) throws -> R
    ) throws -> R {
        let view = RowObject(object, row: 0)
        try call.push(object: view, typeName: rowType)
        let cursor = call.stack.top
        defer {
            view.expire()
            call.stack.remove(at: cursor)
        }
        return try body(cursor, view)
    }

    /// Calls the function at stack `function` with the cursor and reads its truth.
    private static func callPredicate(_ call: LuaCall, function: Int32, cursor: Int32) throws -> Bool {
        try call.stack.reserve(3)
        call.pushCopy(of: function)
        call.pushCopy(of: cursor)
        let count = try call.callFunction(argumentCount: 1)
        defer { call.stack.pop(count) }
        return count > 0 && call.stack.isTruthy(at: -count)
    }

    /// The conditions of `where{…}`, in sorted column order so that the first error
    /// reported never depends on hash order.
    private static func equalityConditions(
        _ call: LuaCall, _ argument: Int32, of object: TableObject
    ) throws -> [(column: String, values: [Cell])] {
        let names = try namedKeys(
            call, of: argument, argument: argument, what: "conditions",
            listMessage: "expected column = value conditions, got a list")
        return try names.map { name in
            _ = try blaming(argument) { try object.position(of: name) }
            call.stack.pushField(name, of: argument)
            defer { call.stack.pop() }
            let what = "condition on '\(name)'"
            guard call.stack.type(at: -1) == LuaType.table else {
                return (name, [try cell(call, at: -1, argument: argument, what: what)])
            }
            let list = call.stack.absolute(-1)
            let length = call.stack.rawLength(of: list)
            let values = try (0..<length).map { offset in
                call.stack.pushElement(offset + 1, of: list)
                defer { call.stack.pop() }
                return try cell(call, at: -1, argument: argument, what: what)
            }
            return (name, values)
        }
    }

    /// `t:mutate{name = spec, …}` or `t:mutate{{"name", spec}, …}`.
    ///
    /// A spec is a function of the row, a constant, or a Lua array with one value per
    /// row. Listed entries come first, in their order, then named entries in sorted
    /// name order; each sees the columns made before it.
    static func mutate(_ object: TableObject, _ call: LuaCall) throws -> Int32 {
        try call.checkTable(2)
        var current = object
        try forEachEntry(call, 2, what: "mutate") { name, spec in
            let table = current.table
            let next: Table
            switch call.stack.type(at: spec) {
            case LuaType.function:
                next = try withCursor(call, on: current) { cursor, view in
                    try blaming(2) {
                        try table.mutate(name) { row in
                            view.row = row
                            return try computeCell(call, function: spec, cursor: cursor, row: row, column: name)
                        }
                    }
                }
            case LuaType.table:
                let cells = try arrayCells(call, spec, argument: 2, column: name)
                next = try blaming(2) {
                    guard cells.count == table.rowCount else {
                        throw TableError.lengthMismatch(
                            column: name, expected: table.rowCount, found: cells.count)
                    }
                    return try table.mutate(
                        name, column: CellColumn.column(cells, name: name, type: nil))
                }
            default:
                let value = try cell(call, at: spec, argument: 2, what: "value of '\(name)'")
                let cells = [Cell](repeating: value, count: table.rowCount)
                next = try blaming(2) {
                    try table.mutate(name, column: CellColumn.column(cells, name: name, type: nil))
                }
            }
            current = TableObject(next)
        }
        try call.push(object: current, typeName: tableType)
        return 1
    }

    /// Calls the function at stack `function` with the cursor on `row` and converts its result.
    private static func computeCell(
        _ call: LuaCall, function: Int32, cursor: Int32, row: Int, column: String
    ) throws -> Cell {
        try call.stack.reserve(3)
        call.pushCopy(of: function)
        call.pushCopy(of: cursor)
        let count = try call.callFunction(argumentCount: 1)
        defer { call.stack.pop(count) }
        guard count > 0 else { return .null }
        guard let cell = call.stack.cell(at: -count) else {
            throw ScriptError(
                "mutate: the function for '\(column)' returned a "
                    + "\(call.stack.typeName(at: -count)) at row \(row + 1); "
                    + "expected nil, boolean, number or string")
        }
        return cell
    }

    /// The values of the Lua array at stack `index`: `n` of them when it has a field `n`,
    /// else up to its largest index (nils in between are nulls).
    static func arrayCells(
        _ call: LuaCall, _ index: Int32, argument: Int32, column: String
    ) throws -> [Cell] {
        let array = call.stack.absolute(index)
        let what = "column '\(column)'"
        let (names, largest) = try call.stack.keys(of: array, argument: argument, what: what)
        var count = largest
        for name in names {
            guard name == "n" else {
                throw LuaArgumentError(
                    argument: argument,
                    message: "\(what) expected an array, got a table with key '\(name)'")
            }
            call.stack.pushField("n", of: array)
            defer { call.stack.pop() }
            guard case .int(let n)? = call.stack.cell(at: -1), n >= largest else {
                throw LuaArgumentError(
                    argument: argument,
                    message: "\(what) expected 'n' to be an integer of at least \(largest)")
            }
            count = Int(n)
        }
        // A stray index (`{[1e9] = 1}`) would make the host allocate a billion nulls,
        // memory the Lua limit does not count.
        guard count <= maxArrayLength else {
            throw LuaArgumentError(
                argument: argument,
                message:
                    "\(what) expected at most \(maxArrayLength) values, got an index of \(count)")
        }
        return try (0..<count).map { offset in
            call.stack.pushElement(offset + 1, of: array)
            defer { call.stack.pop() }
            return try cell(
                call, at: -1, argument: argument, what: "\(what) at index \(offset + 1)")
        }
    }

    /// The longest array a column may be built from.
    static let maxArrayLength = 100_000_000

    /// Calls `body` with each entry's name and the stack index of its value: listed
    /// `{name, value}` pairs first, in order, then named entries in sorted name order.
    static func forEachEntry(
        _ call: LuaCall, _ argument: Int32, what: String,
        _ body: (String, Int32) throws -> Void
    ) throws {
        let (names, count) = try call.stack.keys(of: argument, argument: argument, what: what)
        try call.stack.reserve(4)
        for position in stride(from: 1, through: count, by: 1) {
            call.stack.pushElement(position, of: argument)
            let pair = call.stack.absolute(-1)
            defer { call.stack.pop() }
            guard call.stack.type(at: pair) == LuaType.table else {
                throw LuaArgumentError(
                    argument: argument,
                    message: "entry \(position) expected a {name, value} pair, got "
                        + call.stack.typeName(at: pair))
            }
            call.stack.pushElement(1, of: pair)
            guard let name = call.stack.string(at: -1)?.description else {
                let found = call.stack.typeName(at: -1)
                call.stack.pop()
                throw LuaArgumentError(
                    argument: argument,
                    message: "entry \(position) expected a column name first, got \(found)")
            }
            call.stack.pop()
            call.stack.pushElement(2, of: pair)
            defer { call.stack.pop() }
            try body(name, call.stack.absolute(-1))
        }
        for name in names {
            call.stack.pushField(name, of: argument)
            defer { call.stack.pop() }
            try body(name, call.stack.absolute(-1))
        }
    }
}
