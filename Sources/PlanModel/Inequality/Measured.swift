/// A statistic, or the reason it has no value for these data.
///
/// Inequality measures divide by means and take logarithms, so some are undefined
/// for some inputs (a minimum of 0, a value of 0 under Theil L). They say so with
/// a reason a report can print, never with NaN or infinity.
public enum Measured<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The statistic's value.
    case defined(Value)
    /// Why the statistic has no value, in words for a report.
    case undefined(reason: String)

    /// The value, or `nil` when undefined.
    public var value: Value? {
        if case .defined(let value) = self { return value }
        return nil
    }

    /// The reason, or `nil` when defined.
    public var reason: String? {
        if case .undefined(let reason) = self { return reason }
        return nil
    }

    /// The value transformed by `transform`, or the same reason.
    public func map<Other>(_ transform: (Value) -> Other) -> Measured<Other> {
        switch self {
        case .defined(let value): return .defined(transform(value))
        case .undefined(let reason): return .undefined(reason: reason)
        }
    }
}
