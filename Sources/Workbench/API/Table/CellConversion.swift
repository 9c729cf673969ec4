import LuaKit
import Tabular

// Cells cross into Lua as Lua values: null → nil, int → integer, float → float,
// string → string, bool → boolean, date → "YYYY-MM-DD". Back from Lua, integers
// become ints and floats stay floats (2.0 is a float), so a value keeps its type
// through a round trip; dates come back as text unless a column type says otherwise.

extension LuaStack {
    /// Pushes the value of `column` at `row` without boxing it in a `Cell`.
    func push(_ column: Column, row: Int) {
        guard !column.isNull(row) else { return pushNil() }
        switch column.storage {
        case .int64(let values): push(integer: values[row])
        case .double(let values): push(float: values[row])
        case .string(let values): push(string: values[row])
        case .bool(let values): push(boolean: values[row])
        case .date(let values): push(string: values[row].description)
        }
    }

    /// Pushes a boxed cell.
    func push(_ cell: Cell) {
        switch cell {
        case .null: pushNil()
        case .int(let value): push(integer: value)
        case .double(let value): push(float: value)
        case .string(let value): push(string: value)
        case .bool(let value): push(boolean: value)
        case .date(let value): push(string: value.description)
        }
    }

    /// Pushes `column` as a Lua array with `n` set to its length, so that trailing
    /// nulls (nils) are not lost (`table.pack`'s convention).
    func pushArray(_ column: Column) throws {
        try reserve(3)
        pushNewTable(count: column.count, fields: 1)
        let array = absolute(-1)
        for row in 0..<column.count where !column.isNull(row) {
            push(column, row: row)
            setElement(row + 1, of: array)
        }
        push(integer: Int64(column.count))
        setField("n", of: array)
    }

    /// The value at `index` as a cell, or `nil` when it is a table, function, userdata
    /// or thread. Invalid UTF-8 in a string is replaced by U+FFFD.
    func cell(at index: Int32) -> Cell? {
        switch type(at: index) {
        case LuaType.none, LuaType.nil: return .null
        case LuaType.boolean: return .bool(isTruthy(at: index))
        case LuaType.number: return numberCell(at: index)
        case LuaType.string: return string(at: index).map { .string($0.description) }
        default: return nil
        }
    }
}

/// Builds a column from cells that came from Lua.
enum CellColumn {
    /// A column called `name` holding `cells`.
    ///
    /// Without `type`, the type is that of the first non-null cell; ints and floats
    /// together make a float column, and a column with no value at all is float.
    /// With `type`, cells are converted where nothing is lost: a number to text, an
    /// int to float, an integral float to int, ISO text to a date.
    /// - Throws: ``TableError`` `typeMismatch` naming the column and both types.
    static func column(_ cells: [Cell], name: String, type: ColumnType?) throws -> Column {
        guard let type else {
            return try Column(type: inferredType(cells, name: name), cells: cells, name: name)
        }
        var builder = ColumnBuilder(type: type, capacity: cells.count)
        for cell in cells where !builder.append(converted(cell, to: type)) {
            throw TableError.typeMismatch(column: name, expected: type, found: cell)
        }
        return builder.finish()
    }

    /// The type of the first non-null cell, widened from int to float when a float follows;
    /// float when every cell is null.
    static func inferredType(_ cells: [Cell], name: String) throws -> ColumnType {
        try Table.inferredType(of: cells, column: name) ?? .double
    }

    /// `cell` in `type` when it converts without loss, else `cell` itself (which the
    /// builder then refuses).
    static func converted(_ cell: Cell, to type: ColumnType) -> Cell {
        switch (type, cell) {
        case (.string, .int(let value)): return .string(String(value))
        case (.string, .double(let value)): return .string(Cell.format(value))
        case (.int64, .double(let value)):
            return Int64(exactly: value).map { .int($0) } ?? cell
        case (.date, .string(let text)):
            return CalendarDate(iso: text).map { .date($0) } ?? cell
        default: return cell
        }
    }
}
