extension Table {
    /// Spreads a long table wide: one row per combination of `rows`, one column
    /// per distinct value of the `columns` column, holding the `values` column.
    ///
    /// New columns are named by the text of their value (`2013`, `East`) and come in
    /// order of first appearance of that value, as the rows do; other columns are
    /// dropped. Cells no row fills hold `fill`.
    ///
    /// For example:
    /// ```swift
    /// // region | period | rate  ->  region | 2013Q1 | 2013Q2
    /// let wide = try long.pivot(rows: ["region"], columns: "period", values: "rate", fill: .double(0))
    /// ```
    /// - Throws: ``TableError`` `unknownColumn`; `typeMismatch` when `fill` does not fit
    ///   the values column; `invalidArgument` listing the (row, column) cells that
    ///   several rows would fill (aggregate first), or for a null name or a column used twice;
    ///   `duplicateColumn` when a new name is also a row column's.
    /// - Complexity: O(rows × keys + output rows × new columns).
    public func pivot(
        rows: [String], columns names: String, values: String,
        fill: Cell = .null
    ) throws -> Table {
        let rowIndices = try rows.map { try columnIndex($0) }
        let nameIndex = try columnIndex(names)
        let valueIndex = try columnIndex(values)
        let used = rowIndices + [nameIndex, valueIndex]
        guard Set(used).count == used.count else {
            throw TableError.invalidArgument(
                "pivot expected distinct row, names and values columns, "
                    + "got \(used.map { "'\(columnNames[$0])'" }.joined(separator: ", "))")
        }
        let nameColumn = columns[nameIndex]
        let valueColumn = columns[valueIndex]
        try Column.checkFill(fill, fits: valueColumn.type, column: values)
        if let nullRow = (0..<rowCount).first(where: { nameColumn.isNull($0) }) {
            throw TableError.invalidArgument(
                "pivot expected a name in column '\(names)', found null at row \(nullRow + 1)")
        }
        let rowKeys = RowKeys(rowIndices.map { columns[$0] }, rowCount: rowCount)
        let nameCodes = ColumnCodes(nameColumn)
        let width = nameCodes.count
        var cells = [Int](repeating: -1, count: rowKeys.count * width)
        var duplicated: [String] = []
        var reported = Set<Int>()
        for row in 0..<rowCount {
            let slot = Int(rowKeys.ids[row]) * width + Int(nameCodes.codes[row])
            guard cells[slot] >= 0 else {
                cells[slot] = row
                continue
            }
            if reported.insert(slot).inserted {
                duplicated.append(
                    (rowIndices + [nameIndex]).map {
                        self[row, $0].isNull ? "null" : self[row, $0].description
                    }
                    .joined(separator: ", "))
            }
        }
        guard duplicated.isEmpty else { throw TableError.pivotDuplicates(keys: duplicated) }

        let firstRows = rowKeys.firstRows()
        var named: [(String, Column)] = rowIndices.map {
            (columnNames[$0], columns[$0].gathered(firstRows))
        }
        for (code, row) in nameCodes.firstRows().enumerated() {
            let picked = (0..<rowKeys.count).map { cells[$0 * width + code] }
            named.append((nameColumn[row].description, valueColumn.gathered(picked, fill: fill)))
        }
        return try Table(named)
    }

    /// Gathers a wide table long: each row becomes one row per column of `columns`,
    /// holding the other columns, the gathered column's name in `namesTo` and its
    /// value in `valuesTo`; the inverse of ``pivot(rows:columns:values:fill:)``.
    ///
    /// Rows keep their order, and within a row the gathered columns come in the
    /// order given. Nulls are kept. The gathered columns must share a type, except
    /// that ints and floats together give a float column.
    ///
    /// - Throws: ``TableError`` `unknownColumn`; `typeMismatch` naming the first column
    ///   whose type differs; `duplicateColumn` when `namesTo` or `valuesTo` is taken
    ///   or a column is given twice; `invalidArgument` for an empty list.
    /// - Complexity: O(rows × columns).
    public func longer(
        _ columns: [String], namesTo: String = "name",
        valuesTo: String = "value"
    ) throws -> Table {
        guard !columns.isEmpty else {
            throw TableError.invalidArgument("longer expects at least one column to gather")
        }
        let gathered = try select(columns).columns
        var type = gathered[0].type
        for (name, column) in zip(columns, gathered) where column.type != type {
            guard type.isNumeric, column.type.isNumeric else {
                throw TableError.typeMismatch(column: name, expected: type, found: column.type)
            }
            type = .double
        }
        let kept = schema.fields.indices.filter { !columns.contains(columnNames[$0]) }
        let width = columns.count
        let rows = (0..<rowCount).flatMap { Array(repeating: $0, count: width) }
        var named: [(String, Column)] = kept.map {
            (columnNames[$0], self.columns[$0].gathered(rows))
        }
        let names = StringColumn.dictionary(
            codes: (0..<rowCount * width).map { UInt32($0 % width) },
            values: columns)
        named.append((namesTo, Column(.string(names))))
        named.append((valuesTo, Table.interleave(gathered, as: type, rowCount: rowCount)))
        return try Table(named)
    }

    /// Row 0 of each column, then row 1 of each, …, converting ints when `type` is float.
    private static func interleave(_ sources: [Column], as type: ColumnType, rowCount: Int)
        -> Column
    {
        let positions = (0..<rowCount * sources.count).lazy.map {
            ($0 / sources.count, $0 % sources.count)
        }
        let validity = Validity(positions.map { sources[$0.1].validity.isValid($0.0) })
        let storage: Column.Storage
        switch type {
        case .int64:
            let all: [[Int64]] = sources.map {
                if case .int64(let v) = $0.storage { v } else { [] }
            }
            storage = .int64(positions.map { all[$0.1][$0.0] })
        case .double:
            let all = sources.map { $0.storage }
            storage = .double(
                positions.map { row, source in
                    switch all[source] {
                    case .int64(let values): return Double(values[row])
                    case .double(let values): return values[row]
                    default: return 0
                    }
                })
        case .string:
            let all: [StringColumn] = sources.map {
                if case .string(let v) = $0.storage { v } else { StringColumn.plain([]) }
            }
            storage = .string(StringColumn.encoding(positions.map { all[$0.1][$0.0] }))
        case .bool:
            let all: [[Bool]] = sources.map { if case .bool(let v) = $0.storage { v } else { [] } }
            storage = .bool(positions.map { all[$0.1][$0.0] })
        case .date:
            let all: [[CalendarDate]] = sources.map {
                if case .date(let v) = $0.storage { v } else { [] }
            }
            storage = .date(positions.map { all[$0.1][$0.0] })
        }
        return Column(storage: storage, validity: validity)
    }
}
