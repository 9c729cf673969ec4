/// An error from a table operation: an unknown column, a type mismatch, a join
/// whose keys break the promised cardinality, or a malformed request.
///
/// Like GRDB's `DatabaseError`, one struct with named constructors keeps all the
/// wording in this file. Messages start lowercase, end without a full stop and
/// put names in single quotes, so the Lua layer can place them inside
/// lauxlib's `bad argument #1 to 'where' (…)`.
public struct TableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        case unknownColumn
        case duplicateColumn
        case lengthMismatch
        case typeMismatch
        case joinCardinality
        case invalidArgument
    }

    /// What went wrong.
    public let kind: Kind
    /// The message, in lauxlib's style.
    public let message: String

    public var description: String { message }

    /// A column that does not exist, with the closest name when one is near.
    public static func unknownColumn(_ name: String, available: [String]) -> TableError {
        var message = "unknown column '\(name)'"
        if let suggestion = closestName(to: name, in: available) {
            message += "; did you mean '\(suggestion)'?"
        }
        message += " (columns: \(available.joined(separator: ", ")))"
        return TableError(kind: .unknownColumn, message: message)
    }

    /// Two columns with one name.
    public static func duplicateColumn(_ name: String) -> TableError {
        TableError(kind: .duplicateColumn, message: "duplicate column name '\(name)'")
    }

    /// Columns of different lengths in one table.
    public static func lengthMismatch(column: String, expected: Int, found: Int) -> TableError {
        TableError(
            kind: .lengthMismatch,
            message: "column '\(column)' has \(found) rows, expected \(expected)")
    }

    /// A value that does not fit its column's type.
    public static func typeMismatch(column: String, expected: ColumnType, found: Cell) -> TableError {
        let foundType = found.type?.rawValue ?? "null"
        return TableError(
            kind: .typeMismatch,
            message: "column '\(column)' is \(expected.rawValue), got \(foundType) '\(found)'")
    }

    /// Two columns whose types cannot be compared or combined.
    public static func typeMismatch(column: String, expected: ColumnType, found: ColumnType) -> TableError {
        TableError(
            kind: .typeMismatch,
            message: "column '\(column)' is \(found.rawValue), expected \(expected.rawValue)")
    }

    /// Join keys that break the promised cardinality, listing the offending keys.
    public static func joinCardinality(check: String, side: String, keys: [String]) -> TableError {
        let shown = keys.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
        let more = keys.count > 10 ? " and \(keys.count - 10) more" : ""
        return TableError(
            kind: .joinCardinality,
            message: "join check '\(check)' failed: duplicate keys in the \(side) table: \(shown)\(more)")
    }

    /// An integer sum that does not fit in 64 bits.
    public static func integerOverflow(column: String) -> TableError {
        TableError(
            kind: .invalidArgument,
            message: "sum of column '\(column)' overflows int; convert it to float first")
    }

    /// Pivot cells that more than one row would fill, listing the offending (row, column) keys.
    public static func pivotDuplicates(keys: [String]) -> TableError {
        let shown = keys.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
        let more = keys.count > 10 ? " and \(keys.count - 10) more" : ""
        return TableError(
            kind: .invalidArgument,
            message: "pivot expected one value per cell, found several for: \(shown)\(more)")
    }

    /// Any other malformed request.
    public static func invalidArgument(_ message: String) -> TableError {
        TableError(kind: .invalidArgument, message: message)
    }

    /// The closest candidate by edit distance, offered only under a distance of 4
    /// (swift-argument-parser's rule), ties broken by list order.
    public static func closestName(to name: String, in candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if distance < 4, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
