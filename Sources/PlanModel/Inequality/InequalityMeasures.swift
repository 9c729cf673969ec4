/// Dispersion and inequality measures over the values of n units (provinces), optionally
/// weighted (by population) and grouped (by region), as regional-gap studies report them.
///
/// Conventions, stated because implementations disagree:
/// - the standard deviation divides by n (``Deviation/population``) or by n − 1
///   (``Deviation/sample``), and the caller says which;
/// - the national value is the weighted mean Σwᵢxᵢ / Σwᵢ when weights are given: for a
///   per-capita xᵢ and population wᵢ that is the ratio of sums ΣY / ΣN; without weights it
///   is the unweighted mean of the units;
/// - Theil T is GE(1) and Theil L is GE(0), the mean log deviation (R's REAT calls the
///   latter "theil");
/// - ranks are descending with competition ties (1, 2, 2, 4).
///
/// Functions that can be undefined return ``Measured``; none returns NaN. Weights must be
/// as many as the values (a precondition); negative weights or a zero total make the
/// weighted measures undefined.
///
/// For example:
/// ```swift
/// InequalityMeasures.coefficientOfVariation([10, 10, 10, 20, 50], .population).value
/// // 0.7745966…
/// InequalityMeasures.williamsonCV([10, 10, 10, 20, 50], weights: [5, 1, 1, 2, 1]).value
/// // 0.75
/// ```
///
/// ## Topics
/// - ``mean(_:)``, ``nationalValue(_:weights:)``
/// - ``standardDeviation(_:_:)``, ``coefficientOfVariation(_:_:)``, ``williamsonCV(_:weights:)``
/// - ``range(_:)``, ``maxMinRatio(_:)``
/// - ``gini(_:weights:)``, ``giniSmallSample(_:)``
/// - ``theilT(_:weights:groups:)``, ``theilL(_:weights:groups:)``
/// - ``gaps(_:national:)``, ``relativeGaps(_:national:)``, ``relativeIndex(_:national:)``
/// - ``competitionRanks(_:groups:)``
public enum InequalityMeasures {
    /// What the variance divides by.
    public enum Deviation: String, Sendable, CaseIterable {
        /// Divide by n: the units are the whole population (all 31 provinces).
        case population
        /// Divide by n − 1: the units are a sample.
        case sample

        /// The divisor in words, for notes: "n" or "n − 1".
        public var divisor: String { self == .population ? "n" : "n − 1" }
    }

    /// The unweighted mean (1/n) Σxᵢ.
    /// - Complexity: O(n).
    public static func mean(_ values: [Double]) -> Measured<Double> {
        guard !values.isEmpty else { return .undefined(reason: noValues) }
        return .defined(values.reduce(0, +) / Double(values.count))
    }

    /// The national value: Σwᵢxᵢ / Σwᵢ with weights (the ratio of sums), else the unweighted mean.
    /// - Complexity: O(n).
    public static func nationalValue(_ values: [Double], weights: [Double]?) -> Measured<Double> {
        guard let weights else { return mean(values) }
        if let reason = weightProblem(values, weights) { return .undefined(reason: reason) }
        let total = weights.reduce(0, +)
        return .defined(zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total)
    }

    /// The standard deviation around the unweighted mean, dividing by n or n − 1.
    /// - Complexity: O(n).
    public static func standardDeviation(_ values: [Double], _ deviation: Deviation) -> Measured<Double> {
        guard let mean = mean(values).value else { return .undefined(reason: noValues) }
        let divisor = deviation == .population ? values.count : values.count - 1
        guard divisor > 0 else { return .undefined(reason: "the sample standard deviation needs at least 2 values") }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return .defined((squares / Double(divisor)).squareRoot())
    }

    /// The coefficient of variation σ / μ, with σ dividing by n or n − 1.
    /// - Complexity: O(n).
    public static func coefficientOfVariation(_ values: [Double], _ deviation: Deviation) -> Measured<Double> {
        guard let mean = mean(values).value else { return .undefined(reason: noValues) }
        guard mean != 0 else { return .undefined(reason: "the mean is 0") }
        return standardDeviation(values, deviation).map { $0 / mean }
    }

    /// The population-weighted (Williamson) coefficient of variation
    /// √(Σpᵢ(xᵢ − x̄)²) / x̄, where pᵢ = wᵢ/Σw and x̄ is the national value.
    /// - Complexity: O(n).
    public static func williamsonCV(_ values: [Double], weights: [Double]) -> Measured<Double> {
        let measuredNational = nationalValue(values, weights: weights)
        guard let national = measuredNational.value else { return measuredNational }
        guard national != 0 else { return .undefined(reason: "the national value is 0") }
        let total = weights.reduce(0, +)
        let squares = zip(values, weights).reduce(0) { $0 + $1.1 / total * ($1.0 - national) * ($1.0 - national) }
        return .defined(squares.squareRoot() / national)
    }

    /// The range max − min.
    /// - Complexity: O(n).
    public static func range(_ values: [Double]) -> Measured<Double> {
        guard let low = values.min(), let high = values.max() else { return .undefined(reason: noValues) }
        return .defined(high - low)
    }

    /// The ratio max / min; undefined when the minimum is 0 or below, where it would be
    /// infinite or meaningless.
    /// - Complexity: O(n).
    public static func maxMinRatio(_ values: [Double]) -> Measured<Double> {
        guard let low = values.min(), let high = values.max() else { return .undefined(reason: noValues) }
        guard low > 0 else { return .undefined(reason: "the minimum is \(describe(low)), not above 0") }
        return .defined(high / low)
    }

    // MARK: - Shared checks

    static let noValues = "there are no values"

    /// Why `weights` cannot weight `values`, or `nil` when they can.
    static func weightProblem(_ values: [Double], _ weights: [Double]) -> String? {
        precondition(values.count == weights.count, "\(weights.count) weights for \(values.count) values")
        guard !values.isEmpty else { return noValues }
        if let bad = weights.first(where: { !($0 >= 0) || !$0.isFinite }) {
            return "weights must be finite and not negative, found \(describe(bad))"
        }
        guard weights.reduce(0, +) > 0 else { return "the weights sum to 0" }
        return nil
    }

    /// A number as reports print it: integral values without a fraction.
    static func describe(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
