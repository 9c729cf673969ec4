/// Splits bytes into records and fields: the RFC 4180 state machine.
///
/// The scanner works on a window of bytes that holds whole records and perhaps
/// the start of one more; it reports `needMore` rather than guessing at a
/// record cut by the window's end. Fields point into the window, except quoted
/// fields with doubled quotes, which are unescaped into ``scratch``. Nothing is
/// copied or decoded otherwise.
struct CSVScanner {
    /// One field of the current record.
    struct Field {
        /// Offset of the content in the window (or in ``scratch`` when `inScratch`).
        var start: Int
        var count: Int
        /// Whether it was written in quotes (so `""` is the empty string, not null).
        var quoted: Bool
        var inScratch: Bool
        /// Offset in the window where the field begins (its opening quote, if any).
        var origin: Int
    }

    /// A malformed record; the reader reports it and moves on.
    enum Problem {
        case textAfterQuote(offset: Int)
        case unterminatedQuote(offset: Int)
    }

    enum Outcome { case record, needMore, end }

    private let delimiter: UInt8
    private let quote: UInt8
    private static let lf: UInt8 = 10
    private static let cr: UInt8 = 13

    /// The fields of the record just scanned.
    private(set) var fields: [Field] = []
    /// Unescaped contents of fields that had doubled quotes.
    private(set) var scratch: [UInt8] = []
    /// The record's first byte, and the byte after its content (before the line break).
    private(set) var recordStart = 0
    private(set) var recordEnd = 0
    /// The line the record starts on, and the line the next record starts on.
    private(set) var recordLine = 1
    private(set) var nextLine = 1
    private(set) var problem: Problem?

    init(dialect: CSVDialect) {
        delimiter = dialect.delimiter
        quote = dialect.quote
    }

    /// Scans the record starting at `position`, advancing it past the record's line break.
    mutating func scanRecord(
        _ base: UnsafePointer<UInt8>, _ position: inout Int, end: Int, isEOF: Bool
    ) -> Outcome {
        var p = position
        if p >= end { return isEOF ? .end : .needMore }
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        problem = nil
        var lines = 0
        let delimiter = self.delimiter, quote = self.quote
        while true {
            let origin = p
            if p < end && base[p] == quote {
                p += 1
                var segment = p
                var scratchStart = -1
                var closed = false
                while p < end {
                    let c = base[p]
                    if c == quote {
                        if p + 1 < end && base[p + 1] == quote {
                            if scratchStart < 0 { scratchStart = scratch.count }
                            scratch.append(
                                contentsOf: UnsafeBufferPointer(start: base + segment, count: p + 1 - segment))
                            p += 2
                            segment = p
                            continue
                        }
                        if p + 1 == end && !isEOF { return .needMore }
                        closed = true
                        break
                    }
                    if c == CSVScanner.lf {
                        lines += 1
                    } else if c == CSVScanner.cr {
                        if p + 1 == end && !isEOF { return .needMore }
                        if p + 1 == end || base[p + 1] != CSVScanner.lf { lines += 1 }
                    }
                    p += 1
                }
                if !closed {
                    if !isEOF { return .needMore }
                    if problem == nil { problem = .unterminatedQuote(offset: origin) }
                }
                var field = Field(
                    start: origin + 1, count: p - origin - 1, quoted: true, inScratch: false,
                    origin: origin)
                if scratchStart >= 0 {
                    scratch.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: p - segment))
                    field = Field(
                        start: scratchStart, count: scratch.count - scratchStart, quoted: true,
                        inScratch: true, origin: origin)
                }
                fields.append(field)
                if closed { p += 1 }
                if p < end, base[p] != delimiter, base[p] != CSVScanner.lf, base[p] != CSVScanner.cr {
                    if problem == nil { problem = .textAfterQuote(offset: p) }
                    while p < end, base[p] != delimiter, base[p] != CSVScanner.lf, base[p] != CSVScanner.cr { p += 1 }
                }
            } else {
                p = endOfUnquoted(base, from: p, end: end)
                fields.append(Field(start: origin, count: p - origin, quoted: false, inScratch: false, origin: origin))
            }
            if p == end {
                if !isEOF { return .needMore }
                recordEnd = p
                break
            }
            let c = base[p]
            if c == delimiter {
                p += 1
                continue
            }
            recordEnd = p
            if c == CSVScanner.lf {
                p += 1
            } else if p + 1 < end {
                p += base[p + 1] == CSVScanner.lf ? 2 : 1
            } else if isEOF {
                p += 1
            } else {
                return .needMore
            }
            lines += 1
            break
        }
        recordStart = position
        recordLine = nextLine
        nextLine += lines
        position = p
        return .record
    }

    /// The first delimiter, LF or CR at or after `p`, or `end`.
    ///
    /// Tests eight bytes at a time with the classic zero-byte trick: XOR with
    /// the byte broadcast, then `(x - 0x01…) & ~x & 0x80…` is non-zero iff some
    /// byte was equal, and its lowest set bit marks the first one.
    @inline(__always)
    private func endOfUnquoted(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let delimiters = UInt64(delimiter) &* ones
        let lfs = UInt64(CSVScanner.lf) &* ones
        let crs = UInt64(CSVScanner.cr) &* ones
        let raw = UnsafeRawPointer(base)
        var p = start
        while p &+ 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            let a = word ^ delimiters, b = word ^ lfs, c = word ^ crs
            let found = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & high
            if found != 0 { return p &+ found.trailingZeroBitCount >> 3 }
            p &+= 8
        }
        while p < end {
            let c = base[p]
            if c == delimiter || c == CSVScanner.lf || c == CSVScanner.cr { return p }
            p &+= 1
        }
        return end
    }

    /// Forgets the line count, for a scan that starts again at `line`.
    mutating func restart(atLine line: Int) {
        nextLine = line
    }
}
