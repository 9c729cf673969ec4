/// An immutable table of typed, equally long columns with unique names.
///
/// Every verb returns a new table and leaves its input unchanged; columns are
/// value types, so unchanged columns are shared, not copied.
///
/// For example:
/// ```swift
/// let table = try Table([
///     ("province", Column(.string(.plain(["110000", "120000"])))),
///     ("plans", Column(.int64([3, 5]))),
/// ])
/// ```
public struct Table: Sendable {
    /// Column names and types.
    public let schema: Schema
    /// The columns, in schema order.
    public let columns: [Column]
    /// The number of rows.
    public let rowCount: Int

    /// Builds a table from named columns.
    /// - Throws: ``TableError`` when two columns share a name or their lengths differ.
    public init(_ namedColumns: [(String, Column)]) throws {
        var seen = Set<String>()
        for (name, _) in namedColumns where !seen.insert(name).inserted {
            throw TableError.duplicateColumn(name)
        }
        let rowCount = namedColumns.first?.1.count ?? 0
        for (name, column) in namedColumns where column.count != rowCount {
            throw TableError.lengthMismatch(column: name, expected: rowCount, found: column.count)
        }
        self.schema = Schema(namedColumns.map { Schema.Field(name: $0.0, type: $0.1.type) })
        self.columns = namedColumns.map(\.1)
        self.rowCount = rowCount
    }

    /// An empty table with the given schema.
    public init(empty schema: Schema) {
        self.schema = schema
        self.columns = schema.fields.map { ColumnBuilder(type: $0.type).finish() }
        self.rowCount = 0
    }

    /// The column names, in order.
    public var columnNames: [String] { schema.names }

    /// The position of the column called `name`.
    /// - Throws: ``TableError`` `unknownColumn`, with a suggestion when one is close.
    public func columnIndex(_ name: String) throws -> Int {
        guard let index = schema.index(of: name) else {
            throw TableError.unknownColumn(name, available: columnNames)
        }
        return index
    }

    /// The column called `name`.
    /// - Throws: ``TableError`` `unknownColumn`.
    public func column(_ name: String) throws -> Column { columns[try columnIndex(name)] }

    /// The value at a row and column position, boxed.
    public subscript(row: Int, column: Int) -> Cell { columns[column][row] }

    /// One row, boxed: for row views and tests, not for bulk work.
    public func row(_ index: Int) -> [Cell] { columns.map { $0[index] } }

    /// The rows at `indices`, in that order.
    /// - Complexity: O(`indices.count` × columns).
    public func gathered<C: Collection>(_ indices: C) -> Table where C.Element == Int {
        Table(unchecked: schema, columns.map { $0.gathered(indices) }, rowCount: indices.count)
    }

    /// Assembles a table whose invariants the caller guarantees (verbs that keep
    /// the schema and row count they computed).
    init(unchecked schema: Schema, _ columns: [Column], rowCount: Int) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }
}
