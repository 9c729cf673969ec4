/// The type the CSV reader gave one column, and why.
///
/// For example, the report line for a column of division codes reads
/// `province: string (code-like: leading zero in '010000' on line 4)`.
public struct InferredColumn: Sendable, Hashable, CustomStringConvertible {
    /// The column name.
    public let name: String
    /// The type the column was given.
    public let type: ColumnType
    /// Why, in words: the rule that decided and the first value that decided it.
    public let reason: String

    /// Creates a report entry.
    public init(name: String, type: ColumnType, reason: String) {
        self.name = name
        self.type = type
        self.reason = reason
    }

    /// `name: type (reason)`.
    public var description: String { "\(name): \(type.rawValue) (\(reason))" }
}

/// What decided a column's type, kept while reading and worded at the end.
struct InferenceReason {
    enum Rule {
        case schema, keyName, noValues, ints, numbers, bools, dates
        case leadingZero, longDigits, specialNumber, text
    }

    var rule: Rule
    /// The value that decided, when one did.
    var sample = ""
    /// The line of that value (0 until the reader sets it).
    var line = 0

    func words(column name: String) -> String {
        let value = "'\(CSVError.shown(sample))' on line \(line)"
        switch rule {
        case .schema: return "from the schema"
        case .keyName: return "code-like: the name '\(name)' names a key or code"
        case .noValues: return "no values"
        case .ints: return "every value is a whole number of at most 15 digits"
        case .numbers: return "numbers, with a fraction or exponent from \(value)"
        case .bools: return "every value is true or false"
        case .dates: return "every value is an ISO date (YYYY-MM-DD)"
        case .leadingZero: return "code-like: leading zero in \(value)"
        case .longDigits: return "code-like: more than 15 digits in \(value)"
        case .specialNumber: return "\(value) is kept as text; a schema can make the column float"
        case .text: return "text, from \(value)"
        }
    }

    /// Whether a column name says its values are keys, not quantities: its last
    /// word is `id`, `code` or `key`, or a unit of administrative division
    /// (`province`, `prefecture`, `city`, `county`, `district`), whose values are
    /// GB/T 2260 codes such as `110000` when they are numbers at all.
    ///
    /// Words are split at anything not a letter or digit and at lower-to-upper
    /// case changes, so `measure_id` and `provinceCode` qualify and `paid` does not.
    static func isKeyName(_ name: String) -> Bool {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current); current = "" }
                previousLower = false
                continue
            }
            if character.isUppercase && previousLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        guard let last = words.last?.lowercased() else { return false }
        return ["id", "code", "key", "province", "prefecture", "city", "county", "district"].contains(last)
    }
}
