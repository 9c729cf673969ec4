/// Appends values one at a time and produces a ``Column``.
///
/// Readers (CSV, Lua) and verbs that build results row by row use this, so that
/// placeholder and validity handling lives in one place.
public struct ColumnBuilder {
    /// The type of the column being built.
    public let type: ColumnType
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var strings: [String] = []
    private var bools: [Bool] = []
    private var dates: [CalendarDate] = []
    private var validity = Validity(allValid: 0)

    /// Starts an empty column of `type`.
    public init(type: ColumnType, capacity: Int = 0) {
        self.type = type
        switch type {
        case .int64: ints.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .string: strings.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .date: dates.reserveCapacity(capacity)
        }
    }

    /// The number of values appended so far.
    public var count: Int { validity.count }

    /// Appends a null.
    public mutating func appendNull() {
        switch type {
        case .int64: ints.append(0)
        case .double: doubles.append(0)
        case .string: strings.append("")
        case .bool: bools.append(false)
        case .date: dates.append(CalendarDate(daysSinceEpoch: 0))
        }
        validity.append(false)
    }

    /// Appends `cell`, or returns `false` (appending nothing) when it does not fit the type.
    /// An integer fits a double column.
    @discardableResult
    public mutating func append(_ cell: Cell) -> Bool {
        switch (type, cell) {
        case (_, .null): appendNull(); return true
        case (.int64, .int(let value)): ints.append(value)
        case (.double, .double(let value)): doubles.append(value)
        case (.double, .int(let value)): doubles.append(Double(value))
        case (.string, .string(let value)): strings.append(value)
        case (.bool, .bool(let value)): bools.append(value)
        case (.date, .date(let value)): dates.append(value)
        default: return false
        }
        validity.append(true)
        return true
    }

    /// Appends an integer to an int64 column.
    @inline(__always)
    public mutating func append(int value: Int64) { ints.append(value); validity.append(true) }

    /// Appends a double to a double column.
    @inline(__always)
    public mutating func append(double value: Double) { doubles.append(value); validity.append(true) }

    /// Appends text to a string column.
    @inline(__always)
    public mutating func append(string value: String) { strings.append(value); validity.append(true) }

    /// The finished column; text is dictionary-encoded where that pays.
    public func finish() -> Column {
        let storage: Column.Storage
        switch type {
        case .int64: storage = .int64(ints)
        case .double: storage = .double(doubles)
        case .string: storage = .string(StringColumn.encoding(strings))
        case .bool: storage = .bool(bools)
        case .date: storage = .date(dates)
        }
        return Column(storage: storage, validity: validity)
    }
}
