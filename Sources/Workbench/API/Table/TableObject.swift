import Tabular

/// A Tabular table as Lua holds it: the userdata `planscope.Table`.
///
/// Tables are immutable, so a row view or an iterator that holds this object stays
/// valid whatever the script does next; every verb makes a new object.
public final class TableObject {
    /// The table.
    public let table: Table
    /// Column positions by name, for row views (`r.region`) in constant time.
    let positions: [String: Int]

    /// Wraps `table`.
    public init(_ table: Table) {
        self.table = table
        var positions: [String: Int] = [:]
        for (index, name) in table.columnNames.enumerated() { positions[name] = index }
        self.positions = positions
    }

    /// The position of the column called `name`.
    /// - Throws: ``TableError`` `unknownColumn`, with a suggestion when one is close.
    func position(of name: String) throws -> Int {
        guard let position = positions[name] else {
            throw TableError.unknownColumn(name, available: table.columnNames)
        }
        return position
    }
}

/// One row of a table as Lua sees it: the userdata `planscope.Row`, a light view that
/// holds its table and a row index and reads values only when asked.
///
/// The views `where` and `mutate` hand to a Lua function are one cursor moved from row
/// to row, because making and collecting a userdata per row cost more than the rest of
/// the call. Such a view expires when the verb returns, and using it afterwards is an
/// error rather than a silent read of the wrong row. Views from `t:row(i)` and
/// `t:rows()` never move and never expire.
final class RowObject {
    let owner: TableObject
    /// The row, counted from 0.
    var row: Int
    /// Set when the verb that moved this cursor has returned.
    private var expired = false

    init(_ owner: TableObject, row: Int) {
        self.owner = owner
        self.row = row
    }

    /// Ends a cursor's life; any later use raises an error.
    func expire() { expired = true }

    /// Throws when the view is an expired cursor.
    func checkLive() throws {
        if expired {
            throw ScriptError(
                "this row belonged to a where() or mutate() call that has returned; "
                    + "keep values, or a copy from r:totable(), instead of the row")
        }
    }
}

/// A grouped table waiting for `agg`: the userdata `planscope.GroupedTable`.
final class GroupedTableObject {
    let grouped: GroupedTable
    init(_ grouped: GroupedTable) { self.grouped = grouped }
}

/// One aggregate made by `agg.sum("value")` and friends: the userdata `planscope.Aggregate`.
final class AggregateObject {
    let aggregate: Aggregate
    /// How the script wrote it, for `tostring`: `agg.quantile('rate', 0.9)`.
    let text: String

    init(_ aggregate: Aggregate, text: String) {
        self.aggregate = aggregate
        self.text = text
    }
}
