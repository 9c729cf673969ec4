import Foundation

extension LuaValue: CustomStringConvertible {
    /// The value as `print` would show it for plain values; tables are shown
    /// with their contents (`{1, 2, name = "x"}`), strings inside them quoted.
    public var description: String { text(quoted: false) }

    private func text(quoted: Bool) -> String {
        switch self {
        case .nil: return "nil"
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return LuaFormat.number(number)
        case .string(let text): return quoted ? LuaFormat.quoted(text) : text.description
        case .opaque(_, let text): return text
        case .array(let elements):
            return "{" + elements.map { $0.text(quoted: true) }.joined(separator: ", ") + "}"
        case .map(let pairs):
            return "{"
                + pairs.map { pair -> String in
                    if case .string(let key) = pair.key, LuaFormat.isIdentifier(key) {
                        return "\(key) = \(pair.value.text(quoted: true))"
                    }
                    return "[\(pair.key.text(quoted: true))] = \(pair.value.text(quoted: true))"
                }.joined(separator: ", ") + "}"
        }
    }
}

/// Lua's own spellings of values.
public enum LuaFormat {
    /// A float as Lua 5.4 prints it: `%.14g`, with `.0` added when that looks like an integer.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return value.sign == .minus ? "-nan" : "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = String(format: "%.14g", value)
        return text.contains(where: { $0 == "." || $0 == "e" || $0 == "n" || $0 == "i" }) ? text : text + ".0"
    }

    /// A string literal that reads back as the same bytes (`%q`-like, UTF-8 kept).
    public static func quoted(_ text: LuaString) -> String {
        var result = "\""
        for scalar in text.description.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\%03d", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether a key can be written bare (`name = 1`).
    static func isIdentifier(_ text: LuaString) -> Bool {
        guard let first = text.bytes.first, !(48...57).contains(first) else { return false }
        let keywords: Set<String> = [
            "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
            "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
            "then", "true", "until", "while",
        ]
        return text.bytes.allSatisfy {
            $0 == 95 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0)
        }
            && !keywords.contains(text.description)
    }
}
