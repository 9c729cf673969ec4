/// One read of one CSV input: the driver behind ``CSVReader``.
///
/// It pulls records from the ``CSVScanner`` over a ``ByteWindow``, checks each
/// one (field count, schema types), and either appends it to the column
/// accumulators or records the problem. Header handling lives in
/// `CSVLoad+Header.swift`, locations and encoding checks in
/// `CSVLoad+Locations.swift`, and the second scan and the result in
/// `CSVLoad+Finish.swift`.
final class CSVLoad {
    /// How each column takes its values.
    enum Mode { case inferred, string, int64, double, bool, date, skipped }

    let window: ByteWindow
    let options: CSVReadOptions
    var scanner: CSVScanner
    var position = 0
    /// The input offset up to which every byte is known to be UTF-8 without NUL.
    var validatedUpTo = 0
    var columns: [ColumnAccumulator] = []
    var modes: [Mode] = []
    var names: [String] = []
    let nullTokens: [[UInt8]]
    var errors: [CSVError] = []
    var rejected = RejectsBuilder()
    /// Records scanned so far (blank lines included), and rows kept.
    var ordinal = 0
    var rows = 0
    /// The offset in the input and the line where the data (after the header) starts.
    var dataStart = 0
    var dataLine = 1
    /// The input offset this load stops at: it reads the records that start
    /// before it (the last may run past it). One chunk of a parallel read.
    var stopOffset = Int.max
    /// Whether this load reads the data's first chunk (all of it, in one pass). That
    /// load reports progress for the whole read, and its columns receive the other
    /// chunks' rows.
    var isFirstChunk = true
    /// Where the first record this load did not read starts, once it has read.
    var endOffset = 0
    private var lastProgress = ContinuousClock.now

    init(window: ByteWindow, options: CSVReadOptions) {
        self.window = window
        self.options = options
        scanner = CSVScanner(dialect: options.dialect)
        nullTokens = options.nullTokens.map { Array($0.utf8) }
    }

    var source: String { window.path }

    func run() throws -> CSVReadResult {
        try checkStart()
        guard try readHeader() else { return emptyResult() }
        dataStart = window.offset + position
        dataLine = scanner.nextLine
        if try !readInChunks() {
            try readData()
        }
        options.progress?(window.totalBytes, window.totalBytes)
        return result()
    }

    /// Reads the rows after the header, up to ``stopOffset``, and fills in
    /// columns that widened to text.
    /// - Throws: ``CSVErrors`` with every problem found.
    func readData() throws {
        try readRows()
        endOffset = window.offset + position
        if !errors.isEmpty { throw CSVErrors(errors) }
        try backfill()
    }

    /// Scans the next record, moving the window on as needed (for the header
    /// and the second scan; the row loop inlines this).
    func nextRecord(validating: Bool = true) throws -> Bool {
        while true {
            switch scanner.scanRecord(window.base, &position, end: window.count, isEOF: window.isEOF) {
            case .record: return true
            case .end: return false
            case .needMore:
                try window.refill(keepingFrom: position)
                position = 0
                if validating { try validate() }
            }
        }
    }

    // MARK: - Rows

    /// The row loop. The scanner, the columns and the window's bounds live in
    /// locals here: as stored properties of a class they would pay a dynamic
    /// exclusivity check on every access, which costs more than the parsing.
    private func readRows() throws {
        var scanner = self.scanner
        var columns = self.columns
        self.columns = []
        var position = self.position
        defer {
            self.scanner = scanner
            self.columns = columns
            self.position = position
        }
        var base = window.base, end = window.count, isEOF = window.isEOF
        var stop = stopOffset == .max ? Int.max : stopOffset - window.offset
        let modes = self.modes
        let width = columns.count
        let typed = modes.indices.filter { ![.inferred, .string, .skipped].contains(modes[$0]) }
        var parsed = [UInt64](repeating: 0, count: width)
        let checkTokens = !nullTokens.isEmpty
        var clean = true
        while position < stop {
            let outcome = scanner.scanRecord(base, &position, end: end, isEOF: isEOF)
            if outcome == .end { break }
            if outcome == .needMore {
                try window.refill(keepingFrom: position)
                position = 0
                base = window.base
                end = window.count
                isEOF = window.isEOF
                if stop != .max { stop = stopOffset - window.offset }
                self.position = position
                self.scanner = scanner
                try validate()
                continue
            }
            ordinal += 1
            if ordinal & 8191 == 0 { reportProgress(window.offset + position) }
            if ordinal == 4096 {
                // Guess the row count from the first records' size, with 5% to spare.
                let perRecord = max(1, (window.offset + position - dataStart) / ordinal)
                let estimate = (reserveEnd - dataStart) / perRecord * 21 / 20
                for index in 0..<width { columns[index].reserve(estimate) }
            }
            let fieldCount = scanner.fields.count
            if fieldCount == 1 && width > 1 && scanner.fields[0].count == 0 && !scanner.fields[0].quoted {
                continue
            }
            if let problem = scanner.problem {
                try report(problemError(problem, scanner), scanner)
                clean = false
                continue
            }
            if fieldCount != width {
                let at = fieldCount > width ? scanner.fields[width].origin : scanner.recordEnd
                try report(CSVError.fieldCount(location(at, scanner), expected: width, found: fieldCount), scanner)
                clean = false
                continue
            }
            if !typed.isEmpty, try !parseTyped(typed, scanner, &parsed) {
                clean = false
                continue
            }
            if !clean && !options.rejects { continue }
            for index in 0..<width where modes[index] != .skipped {
                let field = scanner.fields[index]
                if checkTokens && isNullToken(field) {
                    columns[index].appendNull()
                    continue
                }
                switch modes[index] {
                case .skipped:
                    break
                case .inferred:
                    let changed =
                        field.inScratch
                        ? withBytes(field, scanner) { columns[index].appendInferred($0, $1, quoted: true) }
                        : columns[index].appendInferred(base + field.start, field.count, quoted: field.quoted)
                    if changed { columns[index].reason.line = location(field.origin, scanner).line }
                case .string:
                    if field.count == 0 {
                        columns[index].appendEmpty(quoted: field.quoted)
                    } else if field.inScratch {
                        withBytes(field, scanner) { columns[index].appendText($0, $1) }
                    } else {
                        columns[index].appendText(base + field.start, field.count)
                    }
                case .int64, .double, .bool, .date:
                    if field.count == 0 {
                        columns[index].appendNull()
                        continue
                    }
                    let bits = parsed[index]
                    switch modes[index] {
                    case .int64: columns[index].appendInt(Int64(bitPattern: bits))
                    case .double: columns[index].appendDouble(Double(bitPattern: bits))
                    case .bool: columns[index].appendBool(bits != 0)
                    default:
                        let days = Int32(bitPattern: UInt32(truncatingIfNeeded: bits))
                        columns[index].appendDate(CalendarDate(daysSinceEpoch: days))
                    }
                }
            }
            rows += 1
        }
    }

    /// Parses the schema-typed fields of the record into `parsed`, reporting
    /// each that does not fit (only the first with the `rejects` option).
    /// - Returns: whether all of them fit.
    private func parseTyped(_ typed: [Int], _ scanner: CSVScanner, _ parsed: inout [UInt64]) throws -> Bool {
        var fits = true
        for index in typed {
            let field = scanner.fields[index]
            guard field.count > 0, !isNullToken(field) else { continue }
            let bits: UInt64? = withBytes(field, scanner) { p, n in
                switch modes[index] {
                case .int64: return FieldParsing.int(p, n).map { UInt64(bitPattern: $0) }
                case .double: return FieldParsing.double(p, n).map(\.bitPattern)
                case .bool: return FieldParsing.bool(p, n).map { $0 ? 1 : 0 }
                case .date: return FieldParsing.date(p, n).map { UInt64(UInt32(bitPattern: $0.daysSinceEpoch)) }
                case .inferred, .string, .skipped: return 0
                }
            }
            if let bits {
                parsed[index] = bits
                continue
            }
            fits = false
            let type = options.schema?.fields.first { $0.name == names[index] }?.type ?? .string
            try report(
                CSVError.badValue(
                    location(field.origin, scanner), column: names[index], type: type,
                    value: text(field, scanner)), scanner)
            if options.rejects { return false }
        }
        return fits
    }

    // MARK: - Problems

    /// Records a problem of the current record: a rejected row with the
    /// `rejects` option, an error otherwise (throwing once there are too many).
    func report(_ error: CSVError, _ scanner: CSVScanner) throws {
        if options.rejects {
            rejected.add(error, ordinal: ordinal, text: recordText(scanner))
            return
        }
        errors.append(error)
        if errors.count >= CSVErrors.limit { throw CSVErrors(errors, truncated: true) }
    }

    /// The error for a malformed record.
    func problemError(_ problem: CSVScanner.Problem, _ scanner: CSVScanner) -> CSVError {
        switch problem {
        case .textAfterQuote(let offset):
            var end = offset
            while end < scanner.recordEnd && window.base[end] != options.dialect.delimiter { end += 1 }
            let found = String(
                decoding: UnsafeBufferPointer(start: window.base + offset, count: end - offset),
                as: UTF8.self)
            return CSVError.textAfterQuote(location(offset, scanner), found: found)
        case .unterminatedQuote(let offset):
            return CSVError.unterminatedQuote(location(offset, scanner))
        }
    }

    // MARK: - Field access

    /// Calls `body` with the field's bytes, wherever they are.
    @inline(__always)
    func withBytes<R>(
        _ field: CSVScanner.Field, _ scanner: CSVScanner, _ body: (UnsafePointer<UInt8>, Int) -> R
    ) -> R {
        if !field.inScratch { return body(window.base + field.start, field.count) }
        return scanner.scratch.withUnsafeBufferPointer { body($0.baseAddress! + field.start, field.count) }
    }

    /// The field's text, for messages and headers.
    func text(_ field: CSVScanner.Field, _ scanner: CSVScanner) -> String {
        withBytes(field, scanner) { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) }
    }

    /// The current record as written.
    func recordText(_ scanner: CSVScanner) -> String {
        String(
            decoding: UnsafeBufferPointer(
                start: window.base + scanner.recordStart,
                count: scanner.recordEnd - scanner.recordStart), as: UTF8.self)
    }

    /// Whether an unquoted field is one of the null tokens.
    @inline(__always)
    func isNullToken(_ field: CSVScanner.Field) -> Bool {
        guard !field.quoted, !nullTokens.isEmpty else { return false }
        let p = window.base + field.start
        for token in nullTokens where token.count == field.count {
            if token.withUnsafeBufferPointer({ t in (0..<t.count).allSatisfy { t[$0] == p[$0] } }) { return true }
        }
        return false
    }

    /// Where the rows this load reserves room for end. The first chunk of a
    /// parallel read reserves for the whole input, so that the later chunks'
    /// rows are appended in place (reserved pages cost no memory until used).
    var reserveEnd: Int { isFirstChunk ? window.totalBytes : min(stopOffset, window.totalBytes) }

    /// Tells the caller how far the read is, at most about ten times a second.
    /// The first chunk of a parallel read scales its own progress to the
    /// whole input, since the chunks move at about the same pace.
    private func reportProgress(_ offset: Int) {
        guard isFirstChunk, let progress = options.progress else { return }
        let now = ContinuousClock.now
        guard now - lastProgress >= .milliseconds(100) else { return }
        lastProgress = now
        let total = window.totalBytes
        var share = offset
        if stopOffset != .max {
            let fraction = Double(offset - dataStart) / Double(max(1, stopOffset - dataStart))
            share = dataStart + Int(fraction * Double(total - dataStart))
        }
        progress(min(share, total), total)
    }
}
