extension InequalityMeasures {
    /// Each value's gap to the national value, xᵢ − x̄.
    /// - Complexity: O(n).
    public static func gaps(_ values: [Double], national: Double) -> [Double] {
        values.map { $0 - national }
    }

    /// Each value's relative gap (xᵢ − x̄) / x̄; undefined when the national value is 0.
    /// - Complexity: O(n).
    public static func relativeGaps(_ values: [Double], national: Double) -> Measured<[Double]> {
        guard national != 0 else { return .undefined(reason: "the national value is 0") }
        return .defined(values.map { ($0 - national) / national })
    }

    /// Each value's index with the nation at 100, 100·xᵢ / x̄; undefined when the national value is 0.
    /// - Complexity: O(n).
    public static func relativeIndex(_ values: [Double], national: Double) -> Measured<[Double]> {
        guard national != 0 else { return .undefined(reason: "the national value is 0") }
        return .defined(values.map { 100 * $0 / national })
    }

    /// Descending competition ranks: the largest value ranks 1 and tied values share the
    /// best rank, the next rank skipping (1, 2, 2, 4). With `groups` (one label per value),
    /// ranks count only within each value's group.
    /// - Complexity: O(n log n + groups × n).
    public static func competitionRanks(_ values: [Double], groups: [String]? = nil) -> [Int] {
        if let groups {
            precondition(groups.count == values.count, "\(groups.count) groups for \(values.count) values")
        }
        var ranks = Array(repeating: 0, count: values.count)
        let labels = groups ?? Array(repeating: "", count: values.count)
        for label in orderOfAppearance(labels) {
            let members = labels.indices.filter { labels[$0] == label }
            let order = members.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
            for (position, index) in order.enumerated() {
                let previous = position > 0 ? order[position - 1] : nil
                if let previous, values[previous] == values[index] {
                    ranks[index] = ranks[previous]
                } else {
                    ranks[index] = position + 1
                }
            }
        }
        return ranks
    }
}
