import PlanModel
import PlanScopeTestSupport
import Testing

/// The measures against the research note's reference values (refvalues.py, to 1e-6).
@Suite struct InequalityTests {
    static let x: [Double] = [10, 10, 10, 20, 50]
    static let groups = ["A", "A", "A", "B", "B"]
    static let weights: [Double] = [5, 1, 1, 2, 1]

    /// Fails unless `measured` is defined and within 1e-6 of `expected`.
    func expectClose(
        _ measured: Measured<Double>, _ expected: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let value = measured.value else {
            Issue.record("undefined: \(measured.reason ?? "")", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(value - expected) < 1e-6, "\(value) is not \(expected)", sourceLocation: sourceLocation)
    }

    func expectClose(_ value: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        expectClose(value.map(Measured.defined) ?? .undefined(reason: "nil"), expected, sourceLocation: sourceLocation)
    }

    @Test("mean, standard deviations, coefficients of variation, range and max/min ratio")
    func dispersion() {
        let x = Self.x
        expectClose(InequalityMeasures.mean(x), 20)
        expectClose(InequalityMeasures.nationalValue(x, weights: nil), 20)
        expectClose(InequalityMeasures.standardDeviation(x, .population), 15.491933)
        expectClose(InequalityMeasures.standardDeviation(x, .sample), 17.320508)
        expectClose(InequalityMeasures.coefficientOfVariation(x, .population), 0.774597)
        expectClose(InequalityMeasures.coefficientOfVariation(x, .sample), 0.866025)
        expectClose(InequalityMeasures.maxMinRatio(x), 5)
        expectClose(InequalityMeasures.range(x), 40)
        #expect(InequalityMeasures.Deviation.sample.divisor == "n − 1")
    }

    @Test("Gini coefficient, plain and with the small-sample factor n/(n − 1)")
    func gini() {
        expectClose(InequalityMeasures.gini(Self.x), 0.36)
        expectClose(InequalityMeasures.giniSmallSample(Self.x), 0.45)
        expectClose(InequalityMeasures.gini([3, 3, 3]), 0)
        expectClose(InequalityMeasures.giniSmallSample([0, 0, 0, 7]), 1)
    }

    @Test("Theil T splits into between-group and within-group terms")
    func theilT() throws {
        let theil = try #require(InequalityMeasures.theilT(Self.x, groups: Self.groups).value)
        expectClose(theil.total, 0.250201)
        expectClose(theil.between, 0.183787)
        expectClose(theil.within, 0.066414)
        #expect(theil.groups.map(\.group) == ["A", "B"])
        #expect(theil.groups.map(\.units) == [3, 2])
        expectClose(theil.groups[0].index, 0)
        expectClose(theil.groups[1].contribution, 0.066414)
        expectClose(theil.betweenShare, theil.between / theil.total)
        expectClose(theil.share(of: theil.groups[1]), theil.within / theil.total)
        let ungrouped = try #require(InequalityMeasures.theilT(Self.x).value)
        expectClose(ungrouped.total, 0.250201)
        #expect(ungrouped.groups.isEmpty)
    }

    @Test("Theil L, the mean log deviation, splits with population shares")
    func theilL() throws {
        let theil = try #require(InequalityMeasures.theilL(Self.x, groups: Self.groups).value)
        expectClose(theil.total, 0.232630)
        expectClose(theil.between, 0.192042)
        expectClose(theil.within, 0.040588)
        expectClose(theil.groups[1].populationShare, 0.4)
        expectClose(theil.withinShare, theil.within / theil.total)
    }

    @Test("relative index with the nation at 100, gaps and relative gaps")
    func position() throws {
        let national = try #require(InequalityMeasures.nationalValue(Self.x, weights: nil).value)
        #expect(InequalityMeasures.relativeIndex(Self.x, national: national).value == [50, 50, 50, 100, 250])
        #expect(InequalityMeasures.gaps(Self.x, national: national) == [-10, -10, -10, 0, 30])
        #expect(InequalityMeasures.relativeGaps(Self.x, national: national).value == [-0.5, -0.5, -0.5, 0, 1.5])
        #expect(InequalityMeasures.relativeIndex(Self.x, national: 0).reason == "the national value is 0")
    }

    @Test("population-weighted national value, Williamson CV, Gini and Theil T")
    func weighted() throws {
        let (x, w) = (Self.x, Self.weights)
        expectClose(InequalityMeasures.nationalValue(x, weights: w), 16)
        expectClose(InequalityMeasures.williamsonCV(x, weights: w), 0.75)
        expectClose(InequalityMeasures.gini(x, weights: w), 0.30)
        let theil = try #require(InequalityMeasures.theilT(x, weights: w, groups: Self.groups).value)
        expectClose(theil.total, 0.206233)
        expectClose(theil.between, 0.147966)
        expectClose(theil.within, 0.058267)
        // Not in the note: computed independently in Python from Σ pᵢ ln(x̄/xᵢ) and its split.
        let l = try #require(InequalityMeasures.theilL(x, weights: w, groups: Self.groups).value)
        expectClose(l.total, 0.170430)
        expectClose(l.between, 0.140420)
        expectClose(l.within, 0.030010)
    }

    @Test("equal weights give the unweighted measures")
    func equalWeights() throws {
        let w = Array(repeating: 3.0, count: Self.x.count)
        expectClose(InequalityMeasures.gini(Self.x, weights: w), 0.36)
        let t = try #require(InequalityMeasures.theilT(Self.x, weights: w, groups: Self.groups).value)
        expectClose(t.between, 0.183787)
        let l = try #require(InequalityMeasures.theilL(Self.x, weights: w, groups: Self.groups).value)
        expectClose(l.within, 0.040588)
    }

    @Test("weighted Theil terms add up to the total for random data")
    func decompositionIdentity() throws {
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<20 {
            let count = Int.random(in: 2...40, using: &generator)
            let x = (0..<count).map { _ in Double.random(in: 0.5...100, using: &generator) }
            let w = (0..<count).map { _ in Double.random(in: 1...1000, using: &generator) }
            let g = (0..<count).map { _ in ["East", "Central", "West", "Northeast"].randomElement(using: &generator)! }
            for theil in [
                InequalityMeasures.theilT(x, weights: w, groups: g),
                InequalityMeasures.theilL(x, weights: w, groups: g),
            ] {
                let parts = try #require(theil.value)
                #expect(abs(parts.between + parts.within - parts.total) < 1e-12)
                #expect(abs(parts.groups.reduce(0) { $0 + $1.populationShare } - 1) < 1e-12)
                // Both terms are non-negative, up to rounding.
                #expect(parts.between > -1e-12 && parts.within > -1e-12)
            }
        }
    }

    @Test("competition ranks descend, ties sharing the best rank, overall and within groups")
    func ranks() {
        #expect(InequalityMeasures.competitionRanks([5, 7, 7, 3, 7]) == [4, 1, 1, 5, 1])
        #expect(InequalityMeasures.competitionRanks([20, 10, 20, 30]) == [2, 4, 2, 1])
        #expect(InequalityMeasures.competitionRanks(Self.x) == [3, 3, 3, 2, 1])
        #expect(InequalityMeasures.competitionRanks(Self.x, groups: Self.groups) == [1, 1, 1, 2, 1])
        #expect(InequalityMeasures.competitionRanks([4, 9, 4, 9], groups: ["a", "b", "b", "a"]) == [2, 1, 2, 1])
        #expect(InequalityMeasures.competitionRanks([]) == [])
    }

    @Test("a zero value leaves Theil L and the max/min ratio undefined, with reasons")
    func zeros() throws {
        let x: [Double] = [0, 10, 20, 30]
        #expect(InequalityMeasures.theilL(x).reason == "Theil L takes the log of each value, and 1 value is 0 or below")
        #expect(
            InequalityMeasures.theilL([0, 0, 1]).reason
                == "Theil L takes the log of each value, and 2 values are 0 or below")
        #expect(InequalityMeasures.maxMinRatio(x).reason == "the minimum is 0, not above 0")
        #expect(InequalityMeasures.maxMinRatio(x).value == nil)
        // Theil T tolerates zeros: 0·ln 0 = 0.
        let t = try #require(InequalityMeasures.theilT(x).value)
        #expect(t.total.isFinite && t.total > 0)
        expectClose(InequalityMeasures.range(x), 30)
        #expect(InequalityMeasures.theilT([-1, 2]).reason == "Theil T needs values of 0 or more, found 1 below 0")
        #expect(InequalityMeasures.coefficientOfVariation([0, 0], .population).reason == "the mean is 0")
    }

    @Test("empty inputs, one value and bad weights are undefined, not NaN")
    func degenerate() {
        #expect(InequalityMeasures.mean([]).reason == "there are no values")
        #expect(
            InequalityMeasures.standardDeviation([4], .sample).reason
                == "the sample standard deviation needs at least 2 values")
        #expect(InequalityMeasures.standardDeviation([4], .population).value == 0)
        #expect(
            InequalityMeasures.williamsonCV([1, 2], weights: [1, -1]).reason
                == "weights must be finite and not negative, found -1")
        #expect(InequalityMeasures.gini([1, 2], weights: [0, 0]).reason == "the weights sum to 0")
        #expect(InequalityMeasures.giniSmallSample([5]).value == nil)
    }
}
