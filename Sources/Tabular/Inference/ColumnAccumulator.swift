/// Builds one column straight from CSV field bytes, inferring its type in the
/// same pass.
///
/// An inferred column starts with the type its first value suggests and widens
/// as values demand: int to float, and anything to string. Ints and floats
/// widen in place. Widening to string needs the text of the rows already read,
/// which numbers do not keep (`1.50` was read as `1.5`), so the column records
/// how many rows it must fill back in (``backfillRows``) and the reader scans
/// those rows again at the end; that scan stops at the last row needed, so a
/// column that widens early costs almost nothing.
///
/// A struct kept in a local array on the hot path: a class's stored properties
/// would pay a dynamic exclusivity check on every access.
struct ColumnAccumulator {
    enum Kind { case unknown, int64, double, bool, date, string }

    let name: String
    /// The type a schema fixed, or `nil` when inferred.
    let fixedType: ColumnType?
    private(set) var kind: Kind
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var dates: [CalendarDate] = []
    private var codes: [UInt32] = []
    private var dictionary = ByteDictionary()
    private var nulls = NullBits()
    /// Whether the name says the column holds keys, so numbers in it stay text.
    private let keyLike: Bool
    /// Rows written `""` while no value fixed the type: empty strings if the
    /// column ends as text, nulls otherwise.
    private var quotedEmptyRows: [Int] = []
    /// Rows read before the column widened to string, to fill in by a second scan.
    private(set) var backfillRows = 0
    /// Whether the codes may not be in order of first appearance (after a
    /// backfill, or rows appended from a chunk that had one), so must be renumbered.
    private var codesOutOfOrder = false
    private var lastCode = UInt32.max
    private var nullCode = UInt32.max
    /// Why the column has its type; the reader sets the line when this changes.
    var reason: InferenceReason

    init(name: String, fixedType: ColumnType?) {
        self.name = name
        self.fixedType = fixedType
        keyLike = fixedType == nil && InferenceReason.isKeyName(name)
        if let fixedType {
            switch fixedType {
            case .int64: kind = .int64
            case .double: kind = .double
            case .bool: kind = .bool
            case .date: kind = .date
            case .string: kind = .string
            }
            reason = InferenceReason(rule: .schema)
        } else {
            kind = .unknown
            reason = InferenceReason(rule: .noValues)
        }
    }

    /// The number of rows appended.
    var count: Int { nulls.count }

    // MARK: - Appending

    /// Appends a field of an inferred column, widening when it must.
    /// - Returns: whether the reason changed, so the reader can note its line.
    @inline(__always)
    mutating func appendInferred(_ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool) -> Bool {
        if n == 0 {
            appendEmpty(quoted: quoted)
            return false
        }
        switch kind {
        case .string:
            appendText(p, n)
            return false
        case .double:
            if let value = FieldParsing.inferredDouble(p, n) { appendDouble(value); return false }
        case .int64:
            if let value = FieldParsing.inferredInt(p, n) { appendInt(value); return false }
        case .bool:
            if let value = FieldParsing.bool(p, n) { appendBool(value); return false }
        case .date:
            if let value = FieldParsing.date(p, n) { appendDate(value); return false }
        case .unknown:
            break
        }
        adopt(p, n)
        return true
    }

    /// Appends an empty field: `""` is the empty string in a text column, and
    /// every other empty field is null.
    @inline(__always)
    mutating func appendEmpty(quoted: Bool) {
        switch kind {
        case .string where quoted: codes.append(emptyCode()); nulls.append(valid: true)
        case .unknown where quoted: quotedEmptyRows.append(count); appendNull()
        default: appendNull()
        }
    }

    /// Appends a null.
    @inline(__always)
    mutating func appendNull() {
        switch kind {
        case .unknown: break
        case .int64: ints.append(0)
        case .double: doubles.append(0)
        case .bool: bools.append(false)
        case .date: dates.append(CalendarDate(daysSinceEpoch: 0))
        case .string: codes.append(emptyCode())
        }
        nulls.append(valid: false)
    }

    @inline(__always) mutating func appendInt(_ value: Int64) { ints.append(value); nulls.append(valid: true) }
    @inline(__always) mutating func appendDouble(_ value: Double) { doubles.append(value); nulls.append(valid: true) }
    @inline(__always) mutating func appendBool(_ value: Bool) { bools.append(value); nulls.append(valid: true) }
    @inline(__always) mutating func appendDate(_ value: CalendarDate) { dates.append(value); nulls.append(valid: true) }

    /// Appends text, hashing its bytes into the column's dictionary.
    @inline(__always)
    mutating func appendText(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if lastCode != .max && dictionary.matches(Int(lastCode), p, n) {
            codes.append(lastCode)
        } else {
            lastCode = dictionary.code(p, n)
            codes.append(lastCode)
        }
        nulls.append(valid: true)
    }

    /// The code null rows carry: the empty string's, as ``ColumnBuilder`` does.
    private mutating func emptyCode() -> UInt32 {
        if nullCode == .max {
            var byte: UInt8 = 0
            nullCode = withUnsafePointer(to: &byte) { dictionary.code($0, 0) }
        }
        return nullCode
    }

    /// Reserves room for `rows` rows in the current type's array, so a large
    /// input does not copy its columns each time they double.
    mutating func reserve(_ rows: Int) {
        switch kind {
        case .unknown: break
        case .int64: ints.reserveCapacity(rows)
        case .double: doubles.reserveCapacity(rows)
        case .bool: bools.reserveCapacity(rows)
        case .date: dates.reserveCapacity(rows)
        case .string: codes.reserveCapacity(rows)
        }
        nulls.reserve(rows)
    }

    // MARK: - Widening

    /// The slow path: a value the current type does not take.
    private mutating func adopt(_ p: UnsafePointer<UInt8>, _ n: Int) {
        let sample = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        let rows = count
        if keyLike && (FieldParsing.inferredInt(p, n) != nil || FieldParsing.inferredDouble(p, n) != nil) {
            widenToString(InferenceReason(rule: .keyName, sample: sample))
            appendText(p, n)
            return
        }
        if let value = FieldParsing.inferredInt(p, n), kind == .unknown {
            ints = Array(repeating: 0, count: rows)
            kind = .int64
            reason = InferenceReason(rule: .ints)
            appendInt(value)
            return
        }
        if let shape = FieldParsing.codeLikeDigits(p, n) {
            widenToString(InferenceReason(rule: shape == .leadingZero ? .leadingZero : .longDigits, sample: sample))
        } else if let value = FieldParsing.inferredDouble(p, n), kind == .unknown || kind == .int64 {
            doubles = kind == .int64 ? ints.map(Double.init) : Array(repeating: 0, count: rows)
            ints = []
            kind = .double
            reason = InferenceReason(rule: .numbers, sample: sample)
            appendDouble(value)
            return
        } else if kind == .unknown, let value = FieldParsing.bool(p, n) {
            bools = Array(repeating: false, count: rows)
            kind = .bool
            reason = InferenceReason(rule: .bools)
            appendBool(value)
            return
        } else if kind == .unknown, let value = FieldParsing.date(p, n) {
            dates = Array(repeating: CalendarDate(daysSinceEpoch: 0), count: rows)
            kind = .date
            reason = InferenceReason(rule: .dates)
            appendDate(value)
            return
        } else if FieldParsing.isSpecialNumber(p, n) {
            widenToString(InferenceReason(rule: .specialNumber, sample: sample))
        } else {
            widenToString(InferenceReason(rule: .text, sample: sample))
        }
        appendText(p, n)
    }

    private mutating func widenToString(_ newReason: InferenceReason) {
        let rows = count
        if kind == .unknown {
            // No "" in the dictionary unless a row uses it: codes count from the first value.
            codes = rows == 0 ? [] : Array(repeating: emptyCode(), count: rows)
            if !quotedEmptyRows.isEmpty {
                for row in quotedEmptyRows { nulls.set(row, valid: true) }
            }
        } else {
            codes = Array(repeating: emptyCode(), count: rows)
            backfillRows = rows
            codesOutOfOrder = rows > 0
        }
        quotedEmptyRows = []
        ints = []
        doubles = []
        bools = []
        dates = []
        kind = .string
        reason = newReason
    }

    /// Fills in row `row` (below ``backfillRows``) from its field, read again.
    mutating func backfill(row: Int, _ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool, isNullToken: Bool) {
        if isNullToken || (n == 0 && !quoted) {
            codes[row] = emptyCode()
            nulls.set(row, valid: false)
        } else {
            codes[row] = dictionary.code(p, n)
            nulls.set(row, valid: true)
        }
    }

    // MARK: - Appending another part of the input

    /// Whether the rows `later` read, from a later part of the same input, can
    /// be appended as if this accumulator had read them itself: the same type,
    /// whole numbers into a float column (inferred ints have at most 15 digits,
    /// so a double holds them exactly), or no values at all. A later part that
    /// ended with another type would have set the type and its reason, which
    /// only a read in one pass gets right.
    func canAppend(_ later: ColumnAccumulator) -> Bool {
        kind == later.kind || later.kind == .unknown || (kind == .double && later.kind == .int64)
    }

    /// Appends the rows of `later`, which ``canAppend(_:)`` accepts.
    mutating func append(contentsOf later: ColumnAccumulator) {
        if later.kind == .unknown {
            var nextQuoted = 0
            for row in 0..<later.count {
                if nextQuoted < later.quotedEmptyRows.count && later.quotedEmptyRows[nextQuoted] == row {
                    nextQuoted += 1
                    appendEmpty(quoted: true)
                } else {
                    appendNull()
                }
            }
            return
        }
        switch kind {
        case .int64: ints.append(contentsOf: later.ints)
        case .double: doubles.append(contentsOf: later.kind == .int64 ? later.ints.map(Double.init) : later.doubles)
        case .bool: bools.append(contentsOf: later.bools)
        case .date: dates.append(contentsOf: later.dates)
        case .string:
            let mapping = dictionary.codes(of: later.dictionary)
            codes.reserveCapacity(codes.count + later.codes.count)
            for code in later.codes { codes.append(mapping[Int(code)]) }
            codesOutOfOrder = codesOutOfOrder || later.codesOutOfOrder
        case .unknown: preconditionFailure("canAppend refuses typed rows after untyped ones")
        }
        nulls.append(contentsOf: later.nulls)
    }

    // MARK: - Finishing

    /// The finished column and its type.
    mutating func finish() -> Column {
        switch kind {
        case .unknown:
            var validity = NullBits()
            validity.appendNulls(count)
            for row in quotedEmptyRows { validity.set(row, valid: true) }
            return Column(
                storage: .string(.dictionary(codes: Array(repeating: 0, count: count), values: [""])),
                validity: validity.validity())
        case .int64: return Column(storage: .int64(ints), validity: nulls.validity())
        case .double: return Column(storage: .double(doubles), validity: nulls.validity())
        case .bool: return Column(storage: .bool(bools), validity: nulls.validity())
        case .date: return Column(storage: .date(dates), validity: nulls.validity())
        case .string: return Column(storage: .string(stringColumn()), validity: nulls.validity())
        }
    }

    /// The type the column ends with.
    var finalType: ColumnType {
        switch kind {
        case .unknown, .string: return .string
        case .int64: return .int64
        case .double: return .double
        case .bool: return .bool
        case .date: return .date
        }
    }

    /// Dictionary-encoded when that pays (fewer than half the rows distinct, as
    /// in ``StringColumn/encoding(_:)``), with codes in order of first appearance.
    private mutating func stringColumn() -> StringColumn {
        var values = dictionary.strings()
        if codesOutOfOrder {
            // Backfilled rows got their codes after later rows did; renumber.
            var renumbered = [UInt32](repeating: .max, count: values.count)
            var order: [String] = []
            order.reserveCapacity(values.count)
            for index in codes.indices {
                let old = Int(codes[index])
                if renumbered[old] == .max {
                    renumbered[old] = UInt32(order.count)
                    order.append(values[old])
                }
                codes[index] = renumbered[old]
            }
            values = order
        }
        if values.count * 2 > codes.count && values.count > 64 {
            return .plain(codes.map { values[Int($0)] })
        }
        return .dictionary(codes: codes, values: values)
    }
}
