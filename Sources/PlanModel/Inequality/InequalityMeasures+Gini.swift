extension InequalityMeasures {
    /// The Gini coefficient ΣᵢΣⱼ pᵢpⱼ|xᵢ − xⱼ| / (2x̄), with pᵢ = wᵢ/Σw and x̄ the weighted
    /// mean; without weights every unit counts 1/n, giving ΣᵢΣⱼ|xᵢ − xⱼ| / (2n²μ).
    ///
    /// Not additively decomposable by group: use Theil for between/within shares.
    /// Undefined when the (weighted) mean is 0 or below.
    /// - Complexity: O(n log n): one sort, then the sum of each value times the
    ///   population share below it minus the share above it.
    public static func gini(_ values: [Double], weights: [Double]? = nil) -> Measured<Double> {
        let weights = weights ?? Array(repeating: 1, count: values.count)
        let measuredNational = nationalValue(values, weights: weights)
        guard let national = measuredNational.value else { return measuredNational }
        guard national > 0 else { return .undefined(reason: "the mean is \(describe(national)), not above 0") }
        let total = weights.reduce(0, +)
        let order = values.indices.sorted { values[$0] < values[$1] }
        // ΣᵢΣⱼ pᵢpⱼ|xᵢ − xⱼ| = 2 Σᵢ pᵢxᵢ (below − above); ties cancel in either order. The
        // factors (below − above) sum to 0, so values are measured from the smallest: that
        // changes nothing exactly, but equal values then give 0, not the rounding of the shares.
        let smallest = values[order.first!]
        var below = 0.0
        var sum = 0.0
        for index in order {
            let share = weights[index] / total
            sum += share * (values[index] - smallest) * (2 * below + share - 1)
            below += share
        }
        return .defined(sum / national)
    }

    /// The unweighted Gini coefficient times n / (n − 1), the small-sample correction that
    /// makes total concentration in one unit read 1.
    /// - Complexity: O(n log n).
    public static func giniSmallSample(_ values: [Double]) -> Measured<Double> {
        guard values.count > 1 else { return .undefined(reason: "the small-sample Gini needs at least 2 values") }
        let n = Double(values.count)
        return gini(values).map { $0 * n / (n - 1) }
    }
}
