import Tabular

/// Regional gaps in one indicator across statistical units (provinces): each unit's
/// position against the national value and a summary of dispersion and inequality,
/// with Theil indices split between and within groups (regions).
///
/// Only statistical units are compared. When the table, or a lookup table keyed by the
/// unit column (the workspace's `provinces`), has a boolean `statistical_unit` column,
/// units where it is `false` (the XPCC) are left out and the summary says so in its
/// `excluded_units` row; their values are never added to another unit (the XPCC is not
/// folded into Xinjiang). Units whose value is null are left out and counted in a
/// `missing_values` row.
///
/// The group and weight columns are read from the table when it has them; otherwise
/// from the first lookup table that has both the unit column and that column (say,
/// `region` from `provinces`, `population_10k` from `populations`). Lookup keys are
/// compared as text, so an int code matches a string code.
///
/// With weights, the national value is the ratio of sums Σwᵢxᵢ / Σwᵢ (for a per-capita
/// value and population weights, national total over national population), and
/// Williamson's CV, a weighted Gini and weighted Theil indices are added; without, the
/// national value is the unweighted mean of the units. Every choice is stated in the
/// summary's `note` column.
///
/// For example:
/// ```swift
/// let result = try RegionalGaps(value: "patents_per_10k", weight: "population_10k")
///     .compute(table, lookup: workspace.tables)
/// // result.units: unit, group, value, weight, gap, relative_gap, index, rank, rank_in_group
/// // result.summary: measure, value, note
/// ```
public struct RegionalGaps: Sendable {
    /// The numeric column holding each unit's value (a rate or per-capita value).
    public var value: String
    /// The column naming each unit, one row per unit.
    public var unit: String
    /// The column naming each unit's group, or `nil` for no decomposition.
    public var group: String?
    /// The numeric column of weights (population), or `nil` for unweighted measures.
    public var weight: String?

    /// A specification; `group` defaults to `region` and `unit` to `province`.
    public init(value: String, unit: String = "province", group: String? = "region", weight: String? = nil) {
        self.value = value
        self.unit = unit
        self.group = group
        self.weight = weight
    }

    /// The per-unit table and the summary for `table`, reading groups, weights and the
    /// `statistical_unit` flag from `lookup` tables when `table` lacks them.
    ///
    /// `units` has one row per compared unit, in `table`'s order, with columns `unit`,
    /// `group` (with groups), `value`, `weight` (with weights), `gap`, `relative_gap`,
    /// `index` (nation = 100), `rank` and `rank_in_group` (with groups). Ranks are
    /// descending with competition ties (1, 2, 2, 4). `summary` has columns `measure`,
    /// `value` (null when a measure is undefined) and `note`.
    /// - Throws: ``TableError`` for an unknown or non-numeric column, a null or repeated
    ///   unit, a group or weight that cannot be found, a compared unit without a group or
    ///   without a weight above 0, or no unit to compare.
    /// - Complexity: O(n log n + groups × n) over the table's rows, plus one pass over
    ///   each lookup table consulted.
    public func compute(_ table: Table, lookup: [(name: String, table: Table)] = []) throws -> RegionalGapsResult {
        let inputs = try RegionalGapsInputs(self, table: table, lookup: lookup)
        let national = InequalityMeasures.nationalValue(inputs.values, weights: inputs.weights)
        guard let nationalValue = national.value else {
            throw TableError.invalidArgument(
                "cannot compute the national value of '\(value)': \(national.reason ?? "")")
        }
        return RegionalGapsResult(
            units: try unitTable(inputs, national: nationalValue),
            summary: try RegionalGapsSummary(self, inputs, national: nationalValue).table())
    }

    private func unitTable(_ inputs: RegionalGapsInputs, national: Double) throws -> Table {
        let values = inputs.values
        var columns: [(String, Column)] = [("unit", Column(.string(StringColumn.encoding(inputs.units))))]
        if let groups = inputs.groups { columns.append(("group", Column(.string(StringColumn.encoding(groups))))) }
        columns.append(("value", Column(.double(values))))
        if let weights = inputs.weights { columns.append(("weight", Column(.double(weights)))) }
        columns.append(("gap", Column(.double(InequalityMeasures.gaps(values, national: national)))))
        columns.append(
            ("relative_gap", optional(InequalityMeasures.relativeGaps(values, national: national), values.count)))
        columns.append(("index", optional(InequalityMeasures.relativeIndex(values, national: national), values.count)))
        columns.append(("rank", ranks(InequalityMeasures.competitionRanks(values))))
        if let groups = inputs.groups {
            columns.append(("rank_in_group", ranks(InequalityMeasures.competitionRanks(values, groups: groups))))
        }
        return try Table(columns)
    }

    /// A float column, all null when the measure is undefined.
    private func optional(_ measured: Measured<[Double]>, _ count: Int) -> Column {
        guard let values = measured.value else {
            return Column(
                storage: .double(Array(repeating: 0, count: count)),
                validity: Validity(Array(repeating: false, count: count)))
        }
        return Column(.double(values))
    }

    private func ranks(_ ranks: [Int]) -> Column { Column(.int64(ranks.map(Int64.init))) }
}

/// What ``RegionalGaps/compute(_:lookup:)`` returns: one row per compared unit, and the summary.
public struct RegionalGapsResult: Sendable {
    /// One row per compared unit: unit, group, value, weight, gap, relative_gap, index, rank, rank_in_group.
    public let units: Table
    /// One row per measure: measure, value, note.
    public let summary: Table
}
