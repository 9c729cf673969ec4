/// One summary of a group's rows, for ``GroupedTable/aggregate(_:)``.
///
/// Nulls are skipped by every aggregate except ``count()``, which counts rows.
/// A group with no value to summarise gets null (sum, mean, min, …) or 0 (counts).
///
/// For example:
/// ```swift
/// let byRegion = try table.groupBy(["region"])
///     .aggregate([("n", .count()), ("total", .sum("value")), ("p90", .quantile("value", 0.9))])
/// ```
public struct Aggregate: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case count
        case countValues
        case sum
        case mean
        case min
        case max
        case median
        case quantile(Double)
        case countDistinct
        case first
        case last
        case share
    }

    let kind: Kind
    /// The column summarised; `nil` only for ``count()``.
    public let column: String?

    /// The number of rows of the group (int).
    public static func count() -> Aggregate { Aggregate(kind: .count, column: nil) }

    /// The number of non-null values of `column` in the group (int).
    public static func count(_ column: String) -> Aggregate {
        Aggregate(kind: .countValues, column: column)
    }

    /// The sum of a numeric column: int for an int column, float for a float column.
    ///
    /// An int sum that does not fit in 64 bits is an error rather than a silent
    /// switch to float, so a column's type never depends on its data.
    public static func sum(_ column: String) -> Aggregate { Aggregate(kind: .sum, column: column) }

    /// The arithmetic mean of a numeric column (float).
    public static func mean(_ column: String) -> Aggregate {
        Aggregate(kind: .mean, column: column)
    }

    /// The smallest value, in the total order of ``Table/orderBy(_:)`` (any type; NaN is largest).
    public static func min(_ column: String) -> Aggregate { Aggregate(kind: .min, column: column) }

    /// The largest value, in the total order of ``Table/orderBy(_:)`` (any type; NaN is largest).
    public static func max(_ column: String) -> Aggregate { Aggregate(kind: .max, column: column) }

    /// The median of a numeric column (float); the mean of the two middle values when their count is even.
    public static func median(_ column: String) -> Aggregate {
        Aggregate(kind: .median, column: column)
    }

    /// The `p` quantile of a numeric column (float), `p` in 0...1, interpolating
    /// linearly between order statistics (R's type 7, NumPy's default).
    public static func quantile(_ column: String, _ p: Double) -> Aggregate {
        Aggregate(kind: .quantile(p), column: column)
    }

    /// The number of distinct non-null values of `column` in the group (int).
    public static func countDistinct(_ column: String) -> Aggregate {
        Aggregate(kind: .countDistinct, column: column)
    }

    /// The first non-null value of `column` in row order.
    public static func first(_ column: String) -> Aggregate {
        Aggregate(kind: .first, column: column)
    }

    /// The last non-null value of `column` in row order.
    public static func last(_ column: String) -> Aggregate {
        Aggregate(kind: .last, column: column)
    }

    /// The group's sum of a numeric column divided by the sum over the whole table
    /// (float); null when the total is 0 or the group has no value.
    public static func share(_ column: String) -> Aggregate {
        Aggregate(kind: .share, column: column)
    }
}
