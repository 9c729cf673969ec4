import Tabular

/// The outcome of one manifest expectation: the count a source states and the count the data gives.
public struct ExpectationResult: Sendable, Hashable {
    /// The expectation, as the manifest states it.
    public let expectation: Manifest.Expectation
    /// What is counted, in words: `measures where scope = national`.
    public let label: String
    /// The rows the data has, or `nil` when the table or a condition's column is missing.
    public let found: Int?

    /// Whether the data gives the stated count.
    public var holds: Bool { found == expectation.rows }
}

/// The outcome of one ``PlanRule`` on a workspace.
public struct RuleResult: Sendable, Hashable {
    /// The rule.
    public let rule: PlanRule
    /// The rows that break it (each a problem at its cell).
    public let violations: [WorkspaceProblem]

    /// Whether no row breaks the rule.
    public var holds: Bool { violations.isEmpty }
}

extension Workspace {
    /// Counts the rows each manifest expectation is about, in manifest order.
    ///
    /// A loaded workspace meets all of them (the loader refuses one that does
    /// not); `check` shows them as its summary.
    /// - Complexity: O(rows × conditions) per expectation.
    public func checkExpectations() -> [ExpectationResult] {
        let byName = Dictionary(
            tables.map { ($0.name, $0.table) }, uniquingKeysWith: { first, _ in first })
        return manifest.expectations.map { Self.evaluate($0, manifest: manifest, tables: byName) }
    }

    /// Checks each built-in ``PlanRule`` that applies to this workspace's tables, in order.
    ///
    /// - Complexity: O(rows) over the tables each rule reads.
    public func checkRules() -> [RuleResult] {
        let byName = Dictionary(
            tables.map { ($0.name, $0.table) }, uniquingKeysWith: { first, _ in first })
        return Self.checkRules(manifest: manifest, directory: path, tables: byName)
    }

    /// The rules that apply, each with its violations.
    static func checkRules(manifest: Manifest, directory: String, tables: [String: Table])
        -> [RuleResult]
    {
        PlanRule.builtIn.filter { $0.applies(to: tables) }.compactMap { rule in
            guard let name = rule.tableNames.first, let table = tables[name],
                let entry = manifest.tables.first(where: { $0.name == name })
            else { return nil }
            let checker = TableChecker(
                entry: entry, table: table,
                file: WorkspaceLoader.join(directory, entry.file))
            let violations = (try? rule.violations(in: checker, tables: tables)) ?? []
            return RuleResult(rule: rule, violations: violations)
        }
    }

    /// Counts the rows of one expectation.
    static func evaluate(
        _ expectation: Manifest.Expectation, manifest: Manifest,
        tables: [String: Table]
    ) -> ExpectationResult {
        let entry = manifest.tables.first { $0.name == expectation.table }
        let conditions = expectation.orderedConditions(in: entry)
        var label = expectation.table
        if !conditions.isEmpty {
            label +=
                " where " + conditions.map { "\($0.column) = \($0.value)" }.joined(separator: ", ")
        }
        guard let table = tables[expectation.table] else {
            return ExpectationResult(expectation: expectation, label: label, found: nil)
        }
        var filters: [(column: String, values: [Cell])] = []
        for condition in conditions {
            guard let column = try? table.column(condition.column),
                let cell = condition.value.cell(as: column.type)
            else {
                return ExpectationResult(expectation: expectation, label: label, found: nil)
            }
            filters.append((condition.column, [cell]))
        }
        let count = (try? table.filter(equals: filters).rowCount)
        return ExpectationResult(expectation: expectation, label: label, found: count)
    }
}
