/// Finds the first byte that keeps a buffer from being UTF-8 text.
///
/// Runs once over every byte before the scanner sees it, eight bytes at a time
/// while the text is ASCII, so that no later stage has to re-validate.
enum UTF8Check {
    /// What is wrong at an offset.
    enum Flaw { case nul, invalid }

    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The first NUL or malformed UTF-8 sequence in `p[from..<to]`, if any.
    /// A sequence cut by `to` counts as malformed, so `to` must fall on a
    /// character boundary (see ``safeEnd(_:_:isEOF:)``).
    static func firstFlaw(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> (offset: Int, flaw: Flaw)? {
        let raw = UnsafeRawPointer(p)
        var i = from
        while i < to {
            if i + 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & high == 0 && (word &- ones) & ~word & high == 0 {
                    i += 8
                    continue
                }
            }
            let lead = p[i]
            if lead == 0 { return (i, .nul) }
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, top: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; top = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; top = 0x8F
            default: return (i, .invalid)
            }
            guard i + length <= to, (low...top).contains(p[i + 1]) else { return (i, .invalid) }
            for k in 2..<max(length, 2) where p[i + k] & 0xC0 != 0x80 { return (i, .invalid) }
            i += length
        }
        return nil
    }

    /// The end of the longest prefix of `p[0..<count]` that ends on a character
    /// boundary: just after the last ASCII byte, or `count` at the end of input.
    static func safeEnd(_ p: UnsafePointer<UInt8>, _ count: Int, isEOF: Bool) -> Int {
        if isEOF { return count }
        var end = count
        while end > 0 && p[end - 1] >= 0x80 { end -= 1 }
        return end
    }

    /// Whether the bytes from `offset` read as GBK/GB18030 double-byte text: a
    /// lead byte 0x81–0xFE before a trail byte 0x40–0xFE (not 0x7F), with ASCII
    /// between, over the next few hundred bytes.
    static func looksLikeGBK(_ p: UnsafePointer<UInt8>, from offset: Int, to end: Int) -> Bool {
        var i = offset
        var pairs = 0
        let limit = min(end, offset + 512)
        while i < limit {
            let byte = p[i]
            if byte < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(byte), i + 1 < end else { return false }
            let trail = p[i + 1]
            guard (0x40...0xFE).contains(trail), trail != 0x7F else { return false }
            pairs += 1
            i += 2
        }
        return pairs > 0
    }
}
