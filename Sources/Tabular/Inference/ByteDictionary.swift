/// A dictionary from byte strings to dense codes, for dictionary-encoding text
/// straight from a CSV buffer.
///
/// A `String` is made once per distinct value (in ``strings()``), never per
/// row: the lookup hashes the field's bytes where they lie. Codes are given in
/// order of first appearance.
struct ByteDictionary {
    /// The bytes of every distinct value, back to back.
    private var arena: [UInt8] = []
    /// Where value `code` ends in `arena` (it starts where `code - 1` ends).
    private var ends: [Int] = []
    /// The hash of each value, kept so that growing never rehashes bytes.
    private var hashes: [UInt64] = []
    /// Open addressing: per slot, the hash's top 32 bits and `code + 1` in the
    /// low 32 bits; 0 when empty. Most misses are settled without touching the bytes.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)

    /// The number of distinct values.
    var count: Int { ends.count }

    /// The code of the value `p[0..<n]`, adding it when it is new.
    @inline(__always)
    mutating func code(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        let hash = ByteDictionary.hash(p, n)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let found: UInt32? = slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let code = Int(entry & 0xFFFF_FFFF) - 1
                    if matches(code, p, n) { return UInt32(code) }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let code = UInt32(ends.count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        ends.append(arena.count)
        hashes.append(hash)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = tag | UInt64(code + 1)
        if ends.count * 2 > slots.count { grow() }
        return code
    }

    /// Whether value `code` is exactly `p[0..<n]`.
    @inline(__always)
    func matches(_ code: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let start = code == 0 ? 0 : ends[code &- 1]
        guard ends[code] &- start == n else { return false }
        return arena.withUnsafeBufferPointer { buffer in
            ByteDictionary.equal(UnsafeRawPointer(buffer.baseAddress! + start), UnsafeRawPointer(p), n)
        }
    }

    /// Whether `n` bytes at `a` and `b` are equal, compared a word at a time;
    /// the last word overlaps the one before rather than reading past the end.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    != b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                {
                    return false
                }
                i &+= 8
            }
            return a.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        }
        return tail(a, n) == tail(b, n)
    }

    /// Up to seven bytes as one word: two overlapping 4-byte loads when there
    /// are at least four, byte by byte otherwise.
    @inline(__always)
    static func tail(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        if n >= 4 {
            return UInt64(p.loadUnaligned(as: UInt32.self))
                | UInt64(p.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) << 32
        }
        var word: UInt64 = 0
        for i in 0..<n { word |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << UInt64(i &* 8) }
        return word
    }

    /// The code here of each of `other`'s values, in `other`'s code order,
    /// adding the values this dictionary lacks in that order.
    mutating func codes(of other: ByteDictionary) -> [UInt32] {
        var mapping: [UInt32] = []
        mapping.reserveCapacity(other.count)
        var placeholder: UInt8 = 0
        other.arena.withUnsafeBufferPointer { arena in
            // An empty arena (only "" so far) may have no address; any pointer does for 0 bytes.
            withUnsafePointer(to: &placeholder) { fallback in
                let base = arena.baseAddress ?? fallback
                var start = 0
                for end in other.ends {
                    mapping.append(code(base + start, end - start))
                    start = end
                }
            }
        }
        return mapping
    }

    /// Every distinct value as a `String`, in code order.
    func strings() -> [String] {
        arena.withUnsafeBufferPointer { buffer in
            var start = 0
            return ends.map { end in
                defer { start = end }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
            }
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for code in 0..<ends.count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = hashes[code] & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
        }
        slots = bigger
    }

    /// A fast 64-bit hash of short byte strings: eight bytes at a time (the last
    /// word overlapping, so equal strings of equal length hash alike),
    /// multiply-xorshift mixing (the finaliser of MurmurHash3).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i &+= 8
            }
            h = (h ^ raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        } else {
            h = (h ^ tail(raw, n)) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

/// A validity bitmap built one row at a time, turned into a ``Validity`` at the end.
///
/// The word being filled lives in a register-sized field and is stored only
/// when full, so appending a row touches no array.
struct NullBits {
    private var words: [UInt64] = []
    private var current: UInt64 = 0
    private(set) var count = 0
    private(set) var nullCount = 0

    /// Appends one row.
    @inline(__always)
    mutating func append(valid: Bool) {
        if valid { current |= 1 << UInt64(count & 63) } else { nullCount += 1 }
        count += 1
        if count & 63 == 0 {
            words.append(current)
            current = 0
        }
    }

    /// Appends the rows of another bitmap.
    mutating func append(contentsOf other: NullBits) {
        for word in other.words { append(word: word, bits: 64) }
        if other.count & 63 != 0 { append(word: other.current, bits: other.count & 63) }
        nullCount += other.nullCount
    }

    /// Appends the low `bits` bits of `word` (1...64; the bits above are 0),
    /// shifted into place: a word at a time, not a row at a time.
    private mutating func append(word: UInt64, bits: Int) {
        let used = count & 63
        current |= word << UInt64(used)
        if used + bits >= 64 {
            words.append(current)
            // Swift's << and >> give 0 for a shift of 64, which is what used == 0 needs.
            current = word >> UInt64(64 - used)
        }
        count += bits
    }

    /// Reserves room for `rows` rows.
    mutating func reserve(_ rows: Int) { words.reserveCapacity(rows / 64 + 1) }

    /// Appends `rows` null rows.
    mutating func appendNulls(_ rows: Int) {
        for _ in 0..<rows { append(valid: false) }
    }

    /// Sets the validity of an existing row.
    mutating func set(_ row: Int, valid: Bool) {
        let bit: UInt64 = 1 << UInt64(row & 63)
        let was = isValid(row)
        guard was != valid else { return }
        nullCount += valid ? -1 : 1
        if row >> 6 == words.count {
            current = valid ? current | bit : current & ~bit
        } else {
            words[row >> 6] = valid ? words[row >> 6] | bit : words[row >> 6] & ~bit
        }
    }

    /// Whether row `index` holds a value.
    func isValid(_ index: Int) -> Bool {
        let word = index >> 6 == words.count ? current : words[index >> 6]
        return word & (1 << UInt64(index & 63)) != 0
    }

    /// The finished bitmap.
    func validity() -> Validity {
        if nullCount == 0 { return Validity(allValid: count) }
        return Validity((0..<count).lazy.map { isValid($0) })
    }
}
