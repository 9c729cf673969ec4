import Tabular

/// A JSON scalar from a manifest: the value side of an expectation's `where`.
public enum ManifestValue: Sendable, Hashable, Decodable, CustomStringConvertible {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without a fraction.
    case int(Int64)
    /// A number with a fraction or exponent.
    case double(Double)
    /// A string (also how a date is written).
    case string(String)

    /// Decodes the scalar JSON holds at this place.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let value = try? c.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? c.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? c.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    /// The value as a cell of a column of `type`, or `nil` when it cannot be one
    /// (a date is written as ISO text, since JSON has no dates).
    public func cell(as type: ColumnType) -> Cell? {
        switch (self, type) {
        case (.null, _): return .null
        case (.bool(let value), .bool): return .bool(value)
        case (.int(let value), .int64): return .int(value)
        case (.int(let value), .double): return .double(Double(value))
        case (.double(let value), .double): return .double(value)
        case (.string(let value), .string): return .string(value)
        case (.string(let value), .date): return CalendarDate(iso: value).map(Cell.date)
        default: return nil
        }
    }

    /// The value as JSON writes it, strings unquoted (`national`, `true`, `12`).
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return Cell.format(value)
        case .string(let value): return value
        }
    }
}
