/// Which rows of a column hold a value (bit set) and which are null (bit clear).
///
/// Stored as a bitmap of 64-bit words, like Arrow's validity buffers, so a column
/// with no nulls costs one flag and a scan over nulls touches 1/64 of the rows.
public struct Validity: Sendable, Hashable {
    /// `nil` means every row is valid.
    public private(set) var words: [UInt64]?
    /// The number of rows covered.
    public private(set) var count: Int

    /// All `count` rows valid.
    public init(allValid count: Int) {
        self.words = nil
        self.count = count
    }

    /// Builds a bitmap from one flag per row.
    public init<S: Sequence>(_ flags: S) where S.Element == Bool {
        var words: [UInt64] = []
        var count = 0
        var anyNull = false
        for flag in flags {
            if count % 64 == 0 { words.append(0) }
            if flag { words[count / 64] |= 1 << UInt64(count % 64) } else { anyNull = true }
            count += 1
        }
        self.words = anyNull ? words : nil
        self.count = count
    }

    /// Whether row `index` holds a value.
    @inline(__always)
    public func isValid(_ index: Int) -> Bool {
        guard let words else { return true }
        return words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// The number of null rows.
    public var nullCount: Int {
        guard let words else { return 0 }
        return count - words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// Appends one row.
    public mutating func append(_ valid: Bool) {
        if words == nil && !valid {
            words = Array(repeating: UInt64.max, count: (count + 63) / 64)
            if count % 64 != 0, var last = words?.last {
                last &= (1 << UInt64(count % 64)) - 1
                words![words!.count - 1] = last
            }
        }
        if words != nil {
            if count % 64 == 0 { words!.append(0) }
            if valid { words![count >> 6] |= 1 << UInt64(count & 63) }
        }
        count += 1
    }

    /// The validity of the rows at `indices`, in that order.
    public func gathered<C: Collection>(_ indices: C) -> Validity where C.Element == Int {
        guard words != nil else { return Validity(allValid: indices.count) }
        return Validity(indices.lazy.map { isValid($0) })
    }
}
