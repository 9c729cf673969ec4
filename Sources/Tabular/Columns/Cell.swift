/// One value of a table, boxed: the slow path for row views, rendering and tests.
///
/// The engine's verbs work on whole columns; a `Cell` exists where one value has
/// to travel alone. `null` is distinct from the empty string.
public enum Cell: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)
    case date(CalendarDate)

    /// The column type that holds this value, or `nil` for `null`.
    public var type: ColumnType? {
        switch self {
        case .null: return nil
        case .int: return .int64
        case .double: return .double
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        }
    }

    /// Whether this is the null value.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The value as text, with `null` as the empty string and doubles in their
    /// shortest round-trip form.
    public var description: String {
        switch self {
        case .null: return ""
        case .int(let value): return String(value)
        case .double(let value): return Cell.format(value)
        case .string(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .date(let value): return value.description
        }
    }

    /// Formats a double as its shortest round-trip decimal, without a trailing `.0`
    /// only when it is integral and small enough to read as an integer exactly.
    ///
    /// Every renderer goes through here so that one value prints one way everywhere.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
