import Tabular

/// Checks one loaded table against its manifest entry: nulls, allowed values,
/// keys and foreign keys, and words each violation at its cell in the file.
///
/// The checks work a column at a time with Tabular's verbs; rows are boxed
/// into cells only when they are reported.
final class TableChecker {
    let entry: Manifest.TableEntry
    let table: Table
    /// The CSV file's path, as messages show it.
    let file: String
    /// The table with a column of row numbers added, for verbs that must say which rows they kept.
    let numbered: Table
    let rowColumn: String
    private var scannedLocator: CellLocator??

    init(entry: Manifest.TableEntry, table: Table, file: String) {
        self.entry = entry
        self.table = table
        self.file = file
        var name = "_row"
        while table.schema.index(of: name) != nil { name += "_" }
        rowColumn = name
        numbered =
            (try? table.mutate(name, column: Column(.int64(Array(0..<Int64(table.rowCount))))))
            ?? table
    }

    /// The problem `message` at row `row`, column `column` of the file.
    func problem(row: Int, column: String, _ message: String) -> WorkspaceProblem {
        let place = position(row: row, column: column)
        return WorkspaceProblem(
            file: file, line: place.line, column: place.column, message: message)
    }

    /// The problem `message` at the header field naming `column`.
    func headerProblem(column: String, _ message: String) -> WorkspaceProblem {
        let place =
            locator?.headerPosition(field: table.schema.index(of: column) ?? 0) ?? (
                line: 1, column: 1
            )
        return WorkspaceProblem(
            file: file, line: place.line, column: place.column, message: message)
    }

    /// The line and column of a cell.
    func position(row: Int, column: String) -> (line: Int, column: Int) {
        locator?.position(row: row, field: table.schema.index(of: column) ?? 0) ?? (
            line: 1, column: 1
        )
    }

    /// The file's cell positions, scanned on the first call only.
    private var locator: CellLocator? {
        if scannedLocator == nil { scannedLocator = .some(CellLocator(path: file)) }
        return scannedLocator ?? nil
    }

    /// The row numbers of `subset`, a table derived from ``numbered``.
    func rowNumbers(_ subset: Table) -> [Int] {
        guard let column = try? subset.column(rowColumn), case .int64(let rows) = column.storage
        else { return [] }
        return rows.map { Int($0) }
    }

    // MARK: - Columns

    /// Empty fields in columns the manifest does not allow to be empty.
    func checkNulls() -> [WorkspaceProblem] {
        var problems: [WorkspaceProblem] = []
        for spec in entry.columns where !spec.nullable {
            guard let column = try? table.column(spec.name), column.validity.nullCount > 0 else {
                continue
            }
            for row in 0..<column.count where column.isNull(row) {
                problems.append(
                    problem(
                        row: row, column: spec.name, WorkspaceProblem.nullValue(column: spec.name)))
            }
        }
        return problems
    }

    /// Values outside a column's `enum`; each distinct value is judged once.
    func checkAllowedValues() throws -> [WorkspaceProblem] {
        var problems: [WorkspaceProblem] = []
        for spec in entry.columns {
            guard let allowed = spec.allowedValues else { continue }
            let allowedSet = Set(allowed)
            let distinct = try table.distinct([spec.name]).columns[0]
            let bad = (0..<distinct.count).map { distinct[$0] }
                .filter { !$0.isNull && !allowedSet.contains($0.description) }
            guard !bad.isEmpty else { continue }
            let offending = try numbered.filter(equals: [(spec.name, bad)])
            let values = try offending.column(spec.name)
            for (index, row) in rowNumbers(offending).enumerated() {
                problems.append(
                    problem(
                        row: row, column: spec.name,
                        WorkspaceProblem.notAllowed(
                            values[index], column: spec.name,
                            allowed: allowed)))
            }
        }
        return problems
    }

    // MARK: - Keys

    /// Rows whose key repeats an earlier row's, each reported at its first key cell.
    func checkKey() throws -> [WorkspaceProblem] {
        let key = entry.key
        guard !key.isEmpty, table.rowCount > 1 else { return [] }
        let first = rowColumn + "_first"
        let count = rowColumn + "_n"
        let groups = try numbered.groupBy(key).aggregate([
            (first, .first(rowColumn)), (count, .count()),
        ])
        guard case .int64(let counts) = try groups.column(count).storage,
            counts.contains(where: { $0 > 1 })
        else {
            return []
        }
        let repeated = groups.filter(where: { counts[$0] > 1 })
        let matched = try numbered.join(try repeated.select(key + [first]), on: key)
        guard case .int64(let firsts) = try matched.column(first).storage else { return [] }
        var problems: [WorkspaceProblem] = []
        for (index, row) in rowNumbers(matched).enumerated() where Int(firsts[index]) != row {
            let values = try key.map { try matched.column($0)[index] }
            let firstLine = position(row: Int(firsts[index]), column: key[0]).line
            problems.append(
                problem(
                    row: row, column: key[0],
                    WorkspaceProblem.duplicateKey(
                        key, values: values, table: entry.name,
                        firstLine: firstLine)))
        }
        return problems
    }

    /// Rows whose foreign-key values are not a key of the referenced table.
    ///
    /// A row with a null in any referencing column references nothing and passes.
    /// Columns whose types cannot match are left to the manifest's own problem.
    func checkForeignKey(_ foreignKey: Manifest.ForeignKey, target: Table) throws
        -> [WorkspaceProblem]
    {
        let indices = try foreignKey.columns.map { try table.columnIndex($0) }
        for (index, refColumn) in zip(indices, foreignKey.refColumns) {
            let type = table.columns[index].type
            let refType = try target.column(refColumn).type
            if type != refType && !(type.isNumeric && refType.isNumeric) { return [] }
        }
        let present = numbered.filter(where: { row in
            !indices.contains { table.columns[$0].isNull(row) }
        })
        let pairs = zip(foreignKey.columns, foreignKey.refColumns).map { (left: $0, right: $1) }
        let missing = try present.join(target, on: pairs, how: .anti)
        guard missing.rowCount > 0 else { return [] }
        let candidates =
            foreignKey.refColumns.count == 1 && target.rowCount <= 1000
            ? try target.distinct(foreignKey.refColumns).columns[0] : nil
        var problems: [WorkspaceProblem] = []
        for (index, row) in rowNumbers(missing).enumerated() {
            let values = try foreignKey.columns.map { try missing.column($0)[index] }
            var suggestion: String?
            if let candidates, case .string(let text) = values[0] {
                let names = (0..<candidates.count).map { candidates[$0].description }
                suggestion = TableError.closestName(to: text, in: names)
            }
            problems.append(
                problem(
                    row: row, column: foreignKey.columns[0],
                    WorkspaceProblem.unknownReference(
                        foreignKey.columns, values: values,
                        refTable: foreignKey.references,
                        suggestion: suggestion)))
        }
        return problems
    }
}
