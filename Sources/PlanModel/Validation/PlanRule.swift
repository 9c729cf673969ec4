import Tabular

/// A rule about how a workspace's tables fit together that keys and foreign
/// keys cannot say, checked on every load.
///
/// The manifest format has no place for these yet, so the rules are listed
/// here as data (``builtIn``) over table and column names: each applies to a
/// workspace that has the tables and columns it names and is skipped
/// otherwise, so a user's workspace with other tables loads unchanged.
public enum PlanRule: Sendable, Hashable {
    /// Every row of `table` is referenced through `key` by a row of `by` where
    /// `byColumn` = `byValue`, unless its own `unlessColumn` = `unlessValue`.
    case covered(
        table: String, key: String, by: String, byColumn: String, byValue: String,
        unlessColumn: String, unlessValue: String)
    /// Every value of `unit` in `table` has exactly one non-null `group`.
    case exclusive(table: String, unit: String, group: String)

    /// The plan's own rules: each measure has a lead department or is carried
    /// out by the provincial offices; each province lies in exactly one region.
    public static let builtIn: [PlanRule] = [
        .covered(
            table: "measures", key: "measure", by: "responsibilities", byColumn: "role",
            byValue: "lead",
            unlessColumn: "implementation", unlessValue: "provincial"),
        .exclusive(table: "provinces", unit: "province", group: "region"),
    ]

    /// The rule in words, for the `check` summary.
    public var statement: String {
        switch self {
        case .covered(
            let table, let key, let by, let byColumn, let byValue, let unlessColumn, let unlessValue
        ):
            return
                "every row of '\(table)' has \(byColumn) = '\(byValue)' in '\(by)' (by '\(key)') "
                + "or \(unlessColumn) = '\(unlessValue)'"
        case .exclusive(let table, let unit, let group):
            return "every '\(unit)' of '\(table)' is in exactly one '\(group)'"
        }
    }

    /// The tables the rule reads.
    var tableNames: [String] {
        switch self {
        case .covered(let table, _, let by, _, _, _, _): return [table, by]
        case .exclusive(let table, _, _): return [table]
        }
    }

    /// Whether the workspace has every table and column the rule names.
    func applies(to tables: [String: Table]) -> Bool {
        func has(_ table: String, _ columns: [String]) -> Bool {
            guard let found = tables[table] else { return false }
            return columns.allSatisfy { found.schema.index(of: $0) != nil }
        }
        switch self {
        case .covered(let table, let key, let by, let byColumn, _, let unlessColumn, _):
            return has(table, [key, unlessColumn]) && has(by, [key, byColumn])
        case .exclusive(let table, let unit, let group):
            return has(table, [unit, group])
        }
    }

    /// The rows of the rule's first table that break it, with the column to point
    /// at and a message; empty when the rule holds.
    ///
    /// - Throws: ``TableError`` when a column's type does not fit the rule.
    /// - Complexity: O(rows) over the tables the rule reads.
    func violations(in checker: TableChecker, tables: [String: Table]) throws -> [WorkspaceProblem] {
        let numbered = checker.numbered
        switch self {
        case .covered(
            _, let key, let by, let byColumn, let byValue, let unlessColumn, let unlessValue):
            guard let other = tables[by] else { return [] }
            let covering = try other.filter(equals: [(byColumn, [.string(byValue)])]).select([key])
            let exempt = Set(
                checker.rowNumbers(
                    try numbered.filter(equals: [(unlessColumn, [.string(unlessValue)])])))
            let candidates = numbered.filter(where: { !exempt.contains($0) })
            let uncovered = try candidates.join(covering, on: [key], how: .anti)
            let keys = try uncovered.column(key)
            return checker.rowNumbers(uncovered).enumerated().map { index, row in
                checker.problem(
                    row: row, column: key,
                    "expected a \(byColumn) = '\(byValue)' row in '\(by)' for \(key) "
                        + "\(WorkspaceProblem.shown(keys[index])), or \(unlessColumn) = "
                        + "'\(unlessValue)', found neither")
            }
        case .exclusive(_, let unit, let group):
            let groups = try numbered.groupBy([unit]).aggregate([
                ("groups", .countDistinct(group)), ("first_row", .first(checker.rowColumn)),
            ])
            let units = try groups.column(unit)
            let counts = try groups.column("groups")
            let firsts = try groups.column("first_row")
            return (0..<groups.rowCount).compactMap { index in
                guard case .int(let count) = counts[index], count != 1 else { return nil }
                guard case .int(let first) = firsts[index] else { return nil }
                return checker.problem(
                    row: Int(first), column: unit,
                    "expected \(unit) \(WorkspaceProblem.shown(units[index])) in exactly one "
                        + "'\(group)', found \(count)")
            }
        }
    }
}
