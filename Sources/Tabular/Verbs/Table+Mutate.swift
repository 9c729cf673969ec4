extension Table {
    /// The table with `column` added at the end under `name`, or in place of the
    /// column already called `name`.
    ///
    /// - Throws: ``TableError`` `lengthMismatch` when `column` does not have `rowCount` rows.
    /// - Complexity: O(columns); no values are copied.
    public func mutate(_ name: String, column: Column) throws -> Table {
        guard column.count == rowCount else {
            throw TableError.lengthMismatch(column: name, expected: rowCount, found: column.count)
        }
        var named = Array(zip(columnNames, columns))
        if let index = schema.index(of: name) {
            named[index].1 = column
        } else {
            named.append((name, column))
        }
        return Table(
            unchecked: Schema(named.map { Schema.Field(name: $0.0, type: $0.1.type) }),
            named.map(\.1), rowCount: rowCount)
    }

    /// The table with a column computed row by row by `compute`, given a row index,
    /// added at the end under `name` or in place of the column called `name`.
    ///
    /// With `type`, every value must fit it (an int fits a float column). Without,
    /// the type is that of the values: ints and floats together make a float column;
    /// a column with no value at all takes the type of the column it replaces, or float.
    ///
    /// For example:
    /// ```swift
    /// let value = try table.column("value")
    /// let doubled = try table.mutate("double") { row in
    ///     if case .int(let x) = value[row] { return .int(x * 2) } else { return .null }
    /// }
    /// ```
    /// - Throws: ``TableError`` `typeMismatch` naming the column and both types, or
    ///   whatever `compute` throws.
    /// - Complexity: O(rows) calls of `compute`.
    public func mutate(
        _ name: String, type: ColumnType? = nil,
        compute: (Int) throws -> Cell
    ) throws -> Table {
        var cells: [Cell] = []
        cells.reserveCapacity(rowCount)
        for row in 0..<rowCount { cells.append(try compute(row)) }
        let resolved =
            try type ?? Table.inferredType(of: cells, column: name)
            ?? schema.index(of: name).map { schema.fields[$0].type } ?? .double
        return try mutate(name, column: Column(type: resolved, cells: cells, name: name))
    }

    /// The one type of the non-null `cells` (float when ints and floats mix), or `nil` when all are null.
    /// - Throws: ``TableError`` `typeMismatch` naming `column` and both types.
    public static func inferredType(of cells: [Cell], column: String) throws -> ColumnType? {
        var inferred: ColumnType?
        for cell in cells {
            guard let type = cell.type, type != inferred else { continue }
            switch (inferred, type) {
            case (nil, _): inferred = type
            case (.int64?, .double): inferred = .double
            case (.double?, .int64): continue
            case (let expected?, _):
                throw TableError.typeMismatch(column: column, expected: expected, found: cell)
            }
        }
        return inferred
    }
}
