import Foundation

extension InequalityMeasures {
    /// Theil T (GE(1)): Σ sᵢ ln(sᵢ/pᵢ) = Σ sᵢ ln(xᵢ/x̄), with sᵢ = wᵢxᵢ/Σwx and pᵢ = wᵢ/Σw;
    /// unweighted, (1/n) Σ (xᵢ/μ) ln(xᵢ/μ). A zero value adds 0 (0·ln 0 = 0).
    ///
    /// With `groups` (one label per value) the result splits into between- and within-group
    /// terms. Undefined when a value is negative or the mean is not above 0.
    /// - Complexity: O(n + groups × n).
    public static func theilT(
        _ values: [Double], weights: [Double]? = nil, groups: [String]? = nil
    ) -> Measured<TheilDecomposition> {
        let negatives = values.filter { $0 < 0 }.count
        guard negatives == 0 else {
            return .undefined(reason: "Theil T needs values of 0 or more, found \(negatives) below 0")
        }
        return theil(
            values, weights: weights, groups: groups, index: indexT,
            between: { s, p in
                s > 0 ? s * log(s / p) : 0
            }, contribution: { s, _, index in s * index })
    }

    /// Theil L (GE(0), the mean log deviation): Σ pᵢ ln(pᵢ/sᵢ) = Σ pᵢ ln(x̄/xᵢ);
    /// unweighted, (1/n) Σ ln(μ/xᵢ).
    ///
    /// With `groups` the result splits into between- and within-group terms, the groups
    /// weighted by population shares. Undefined when any value is 0 or below, since it takes
    /// the logarithm of each value.
    /// - Complexity: O(n + groups × n).
    public static func theilL(
        _ values: [Double], weights: [Double]? = nil, groups: [String]? = nil
    ) -> Measured<TheilDecomposition> {
        let nonPositive = values.filter { !($0 > 0) }.count
        guard nonPositive == 0 else {
            let noun = nonPositive == 1 ? "value is" : "values are"
            return .undefined(reason: "Theil L takes the log of each value, and \(nonPositive) \(noun) 0 or below")
        }
        return theil(
            values, weights: weights, groups: groups, index: indexL,
            between: { s, p in
                p * log(p / s)
            }, contribution: { _, p, index in p * index })
    }

    /// T over units with values `x` and weights `w`: Σ sᵢ ln(xᵢ/x̄).
    private static func indexT(_ x: [Double], _ w: [Double]) -> Double {
        let outcome = zip(x, w).reduce(0) { $0 + $1.0 * $1.1 }
        guard outcome > 0 else { return 0 }
        let mean = outcome / w.reduce(0, +)
        return zip(x, w).reduce(0) { sum, unit in
            unit.0 > 0 ? sum + unit.0 * unit.1 / outcome * log(unit.0 / mean) : sum
        }
    }

    /// L over units with values `x` and weights `w`: Σ pᵢ ln(x̄/xᵢ).
    private static func indexL(_ x: [Double], _ w: [Double]) -> Double {
        let population = w.reduce(0, +)
        let mean = zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } / population
        return zip(x, w).reduce(0) { $0 + $1.1 / population * log(mean / $1.0) }
    }

    /// The shared decomposition: `index` over all units and per group, `between` from each
    /// group's (outcome share, population share), `contribution` from (s, p, group index).
    private static func theil(
        _ values: [Double], weights: [Double]?, groups: [String]?,
        index: ([Double], [Double]) -> Double,
        between: (Double, Double) -> Double,
        contribution: (Double, Double, Double) -> Double
    ) -> Measured<TheilDecomposition> {
        let weights = weights ?? Array(repeating: 1, count: values.count)
        let measuredNational = nationalValue(values, weights: weights)
        guard let national = measuredNational.value else { return .undefined(reason: measuredNational.reason ?? "") }
        guard national > 0 else { return .undefined(reason: "the mean is \(describe(national)), not above 0") }
        let total = index(values, weights)
        guard let groups else {
            return .defined(TheilDecomposition(total: total, between: 0, within: total, groups: []))
        }
        precondition(groups.count == values.count, "\(groups.count) group labels for \(values.count) values")
        let population = weights.reduce(0, +)
        let outcome = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        var parts: [TheilDecomposition.GroupPart] = []
        for label in orderOfAppearance(groups) {
            let members = groups.indices.filter { groups[$0] == label }
            let x = members.map { values[$0] }, w = members.map { weights[$0] }
            let p = w.reduce(0, +) / population
            let s = zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } / outcome
            let inside = index(x, w)
            parts.append(
                .init(
                    group: label, units: members.count, populationShare: p, outcomeShare: s,
                    index: inside, contribution: contribution(s, p, inside)))
        }
        return .defined(
            TheilDecomposition(
                total: total,
                between: parts.reduce(0) { $0 + between($1.outcomeShare, $1.populationShare) },
                within: parts.reduce(0) { $0 + $1.contribution },
                groups: parts))
    }

    /// The distinct labels, in order of first appearance.
    static func orderOfAppearance(_ labels: [String]) -> [String] {
        var seen = Set<String>()
        return labels.filter { seen.insert($0).inserted }
    }
}
