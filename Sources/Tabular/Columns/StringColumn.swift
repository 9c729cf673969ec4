/// The values of a text column, stored plainly or dictionary-encoded.
///
/// Columns such as `province`, `measure` or `status` repeat a few dozen distinct
/// values over millions of rows. Dictionary encoding stores each distinct value
/// once and a 32-bit code per row, so grouping and joining compare integers.
/// Codes are assigned in order of first appearance, which keeps results
/// deterministic.
public enum StringColumn: Sendable {
    /// One `String` per row.
    case plain([String])
    /// One code per row, indexing `values`.
    case dictionary(codes: [UInt32], values: [String])

    /// The number of rows.
    public var count: Int {
        switch self {
        case .plain(let strings): return strings.count
        case .dictionary(let codes, _): return codes.count
        }
    }

    /// The value at `index` (an empty string for null rows).
    @inline(__always)
    public subscript(index: Int) -> String {
        switch self {
        case .plain(let strings): return strings[index]
        case .dictionary(let codes, let values): return values[Int(codes[index])]
        }
    }

    /// The values at `indices`, keeping the dictionary when there is one.
    public func gathered<C: Collection>(_ indices: C) -> StringColumn where C.Element == Int {
        switch self {
        case .plain(let strings): return .plain(indices.map { strings[$0] })
        case .dictionary(let codes, let values):
            return .dictionary(codes: indices.map { codes[$0] }, values: values)
        }
    }

    /// Dictionary-encodes `strings` when that pays: when fewer than half the rows are distinct.
    public static func encoding(_ strings: [String]) -> StringColumn {
        var index: [String: UInt32] = [:]
        var values: [String] = []
        var codes: [UInt32] = []
        codes.reserveCapacity(strings.count)
        for string in strings {
            if let code = index[string] {
                codes.append(code)
            } else {
                let code = UInt32(values.count)
                index[string] = code
                values.append(string)
                codes.append(code)
                if values.count * 2 > strings.count && values.count > 64 { return .plain(strings) }
            }
        }
        return .dictionary(codes: codes, values: values)
    }
}
