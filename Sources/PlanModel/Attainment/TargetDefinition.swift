import Tabular

/// One row of the catalog's `targets` table, parsed.
public struct TargetDefinition: Sendable, Hashable {
    /// The target's id (`t04`).
    public let id: String
    /// What is counted; progress reports carry the same metric id.
    public let metric: String
    /// The measure it belongs to, or `nil` for a task objective's number.
    public let measure: Int64?
    /// The comparator as written (`about`).
    public let comparator: String
    /// How the number is read.
    public let form: TargetForm
    /// Whether the metric is a level (the last value counts) rather than a flow (values add up).
    public let isStock: Bool
    /// The upper bound of a range.
    public let valueMax: Double?
    /// `year` (due in the plan year) or `programme` (the scale of a multi-year
    /// programme the year carries on); `nil` when the table has no horizon column.
    public let horizon: String?

    /// Whether the target is the scale of a multi-year programme, not due in the plan year.
    public var isProgramme: Bool { horizon == "programme" }

    /// Parses every row of a table with the columns of the catalog's `targets.csv`.
    ///
    /// - Parameter tolerance: replaces the `tolerance` column for `about` targets.
    /// - Throws: ``TableError`` for a missing or mistyped column, an unknown comparator
    ///   or flow_or_stock, or a range, per-unit or about target without its numbers.
    /// - Complexity: O(rows).
    public static func all(in table: Table, tolerance: Double? = nil) throws -> [TargetDefinition] {
        let ids = try table.strings("target")
        let metrics = try table.strings("metric")
        let measures = try table.integers("measure")
        let comparators = try table.strings("comparator")
        let values = try table.doubles("value")
        let maxima = try table.doubles("value_max")
        let tolerances = try table.doubles("tolerance")
        let unitCounts = try table.integers("unit_count")
        let eachComparators = try table.strings("per_unit_comparator")
        let kinds = try table.strings("flow_or_stock")
        let horizons =
            table.schema.index(of: "horizon") != nil
            ? try table.strings("horizon") : Array(repeating: nil, count: table.rowCount)
        return try (0..<table.rowCount).map { row in
            let id = ids[row] ?? ""
            func problem(_ expected: String, _ found: String?) -> TableError {
                TableError.invalidArgument(
                    "target '\(id)' expected \(expected), found '\(found ?? "")'")
            }
            guard let value = values[row] else { throw problem("a value", nil) }
            let comparator = comparators[row] ?? ""
            let form: TargetForm
            if comparator == "per_unit" {
                guard let count = unitCounts[row] else { throw problem("a unit_count", nil) }
                guard let each = simpleForm(eachComparators[row] ?? "", value) else {
                    throw problem(
                        "a per_unit_comparator 'at_least', 'more_than' or 'at_most'",
                        eachComparators[row])
                }
                form = .perUnit(count: Int(count), each: each)
            } else if comparator == "about" {
                guard let tolerance = tolerance ?? tolerances[row] else {
                    throw problem("a tolerance for 'about'", nil)
                }
                form = .about(value, tolerance: tolerance)
            } else if comparator == "range" {
                guard let high = maxima[row] else { throw problem("a value_max for 'range'", nil) }
                form = .range(value, high)
            } else if let simple = simpleForm(comparator, value) {
                form = simple
            } else {
                throw problem(
                    "a comparator 'at_least', 'about', 'more_than', 'at_most', 'range' or "
                        + "'per_unit'", comparator)
            }
            guard kinds[row] == "flow" || kinds[row] == "stock" else {
                throw problem("flow_or_stock 'flow' or 'stock'", kinds[row])
            }
            return TargetDefinition(
                id: id, metric: metrics[row] ?? "", measure: measures[row],
                comparator: comparator, form: form, isStock: kinds[row] == "stock",
                valueMax: maxima[row], horizon: horizons[row])
        }
    }

    private static func simpleForm(_ comparator: String, _ value: Double) -> TargetForm? {
        switch comparator {
        case "at_least": return .atLeast(value)
        case "more_than": return .moreThan(value)
        case "at_most": return .atMost(value)
        default: return nil
        }
    }
}
