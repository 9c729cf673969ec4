/// The type of every value in a column.
///
/// The raw values are the names used in workspace manifests and shown under
/// box-table headers.
public enum ColumnType: String, Sendable, CaseIterable, Hashable {
    /// Signed 64-bit integers.
    case int64 = "int"
    /// IEEE 754 doubles.
    case double = "float"
    /// UTF-8 text.
    case string
    /// `true` or `false`.
    case bool
    /// A calendar date with no time of day (see ``CalendarDate``).
    case date

    /// Whether values of this type are numbers (right-aligned when rendered).
    public var isNumeric: Bool { self == .int64 || self == .double }
}
