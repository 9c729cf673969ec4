/// How a target's number is read: the semantics of `targets.comparator`.
///
/// For example:
/// ```swift
/// let about20 = TargetForm.about(20, tolerance: 0.1)
/// about20.evaluate(actual: 18).status   // .met (within 10 % below)
/// about20.evaluate(actual: 23).status   // .exceeded (still met)
/// ```
public indirect enum TargetForm: Sendable, Hashable {
    /// Met when actual ≥ N.
    case atLeast(Double)
    /// Met when actual > N (strict).
    case moreThan(Double)
    /// Met when actual ≤ N: a cap, lower is better.
    case atMost(Double)
    /// Met when actual ≥ (1 − tolerance)·N; above (1 + tolerance)·N it is exceeded, still met.
    case about(Double, tolerance: Double)
    /// Met when lo ≤ actual ≤ hi; above hi it is above range, still met.
    case range(Double, Double)
    /// Met when all `count` designated units each meet `each`; `actual` counts the units
    /// that do.
    case perUnit(count: Int, each: TargetForm)

    /// The number the attainment rate divides by: N, lo, or the unit count.
    public var value: Double {
        switch self {
        case .atLeast(let n), .moreThan(let n), .atMost(let n), .about(let n, _): return n
        case .range(let lo, _): return lo
        case .perUnit(let count, _): return Double(count)
        }
    }

    /// The slack the on-track test allows below the time-elapsed benchmark.
    var slack: Double {
        if case .about(_, let tolerance) = self { return tolerance }
        return 0
    }

    /// Judges `actual` against the target at the share `expectedShare` of the year.
    ///
    /// The rate is actual / N (actual / lo for a range, 1 inside it; N / actual for a
    /// cap that is broken, 1 otherwise). A target reached is met (or exceeded, or
    /// above range) whenever it is reached. At the year's end (`expectedShare` = 1) it is
    /// otherwise not met. Before, progress `a` (the rate, or `progress` when given, as
    /// for per-unit targets) is compared with the elapsed share `e`: on track when
    /// a ≥ e·(1 − tolerance), constrained when below but above 0, no progress at 0.
    /// A cap not yet broken is on track until the year's end. `nil` is no data.
    ///
    /// - Complexity: O(1).
    public func evaluate(actual: Double?, expectedShare: Double = 1, progress: Double? = nil)
        -> TargetEvaluation
    {
        guard let actual else { return TargetEvaluation(rate: nil, status: .noData, rag: .grey) }
        let (rate, reached) = judge(actual)
        if let reached {
            if case .atMost = self, expectedShare < 1 {
                return TargetEvaluation(rate: rate, status: .onTrack, rag: .green)
            }
            return TargetEvaluation(rate: rate, status: reached, rag: .green)
        }
        let amber = TargetEvaluation.amberThreshold
        if expectedShare >= 1 {
            return TargetEvaluation(rate: rate, status: .notMet, rag: rate >= amber ? .amber : .red)
        }
        if case .atMost = self {
            return TargetEvaluation(rate: rate, status: .notMet, rag: rate >= amber ? .amber : .red)
        }
        let achieved = progress ?? rate
        if achieved >= expectedShare * (1 - slack) - 1e-9 {
            return TargetEvaluation(rate: rate, status: .onTrack, rag: .green)
        }
        if achieved > 0 {
            let rag: RAGStatus = achieved >= amber * expectedShare ? .amber : .red
            return TargetEvaluation(rate: rate, status: .constrained, rag: rag)
        }
        return TargetEvaluation(rate: rate, status: .noProgress, rag: .red)
    }

    /// The rate, and the status when the target is reached (`nil` when not).
    private func judge(_ actual: Double) -> (Double, AttainmentStatus?) {
        switch self {
        case .atLeast(let n):
            return (ratio(actual, n), actual >= n ? .met : nil)
        case .moreThan(let n):
            return (ratio(actual, n), actual > n ? .met : nil)
        case .atMost(let n):
            return actual <= n ? (1, .met) : (ratio(n, actual), nil)
        case .about(let n, let tolerance):
            let rate = ratio(actual, n)
            if actual > n * (1 + tolerance) { return (rate, .exceeded) }
            return (rate, actual >= n * (1 - tolerance) ? .met : nil)
        case .range(let lo, let hi):
            if actual > hi { return (1, .aboveRange) }
            return actual >= lo ? (1, .met) : (ratio(actual, lo), nil)
        case .perUnit(let count, _):
            return (ratio(actual, Double(count)), actual >= Double(count) ? .met : nil)
        }
    }

    /// `a / b`, with a zero target counting as reached.
    private func ratio(_ a: Double, _ b: Double) -> Double { b == 0 ? 1 : a / b }
}

/// The outcome of judging a target: the attainment rate, the status and its colour.
public struct TargetEvaluation: Sendable, Hashable {
    /// The rate below which a shortfall is red rather than amber (of the target at the
    /// year's end, of the time-elapsed benchmark during it): DHIS2-style legend bands.
    public static let amberThreshold = 0.7

    /// The attainment rate, or `nil` for no data.
    public let rate: Double?
    /// The status.
    public let status: AttainmentStatus
    /// The colour.
    public let rag: RAGStatus

    /// The evaluation of a programme target (`horizon` = `programme`): reached is
    /// reached, but falling short is ``AttainmentStatus/notDue`` (grey), never a
    /// failure, since the plan year only carries the programme on. The rate stays,
    /// so progress still shows.
    public func forProgramme() -> TargetEvaluation {
        switch status {
        case .met, .exceeded, .aboveRange, .noData, .notDue: return self
        case .notMet, .onTrack, .constrained, .noProgress:
            return TargetEvaluation(rate: rate, status: .notDue, rag: .grey)
        }
    }
}

/// Where a target or measure stands.
public enum AttainmentStatus: String, Sendable, Hashable, CaseIterable {
    /// Reached.
    case met
    /// Reached beyond an `about` target's tolerance: informational, still met.
    case exceeded
    /// Above a range's upper bound: still met.
    case aboveRange = "above_range"
    /// Not reached by the year's end (or a cap broken).
    case notMet = "not_met"
    /// Keeping pace with the elapsed share of the year.
    case onTrack = "on_track"
    /// Behind the elapsed share, with some progress.
    case constrained
    /// Nothing achieved after the year started.
    case noProgress = "no_progress"
    /// Nothing reported.
    case noData = "no_data"
    /// Not reached, and not due in the plan year: the target is the scale of a
    /// multi-year programme (`horizon` = `programme`) that the year carries on.
    case notDue = "not_due"
}

/// The colour of a status: green on target, amber behind, red far behind, grey without data.
public enum RAGStatus: String, Sendable, Hashable, CaseIterable {
    /// Met or on track.
    case green
    /// Behind, within reach: at least ``TargetEvaluation/amberThreshold`` of the mark.
    case amber
    /// Far behind, not met, or no progress.
    case red
    /// No data, or not due.
    case grey
}
