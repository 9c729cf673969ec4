/// A Lua value copied into Swift, or a Swift value to push into Lua.
///
/// Integers and floats stay apart, as in Lua 5.4. Strings are byte strings
/// (``LuaString``), because Lua strings may hold any bytes. Tables become
/// ``array(_:)`` when their keys are exactly 1…n, and ``map(_:)`` otherwise,
/// with keys in a fixed order (integers, then floats, then booleans, then
/// strings by bytes) so that printing is deterministic.
public enum LuaValue: Sendable, Hashable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(LuaString)
    case array([LuaValue])
    case map([LuaPair])
    /// A value that cannot be copied (function, userdata, thread), kept as its type name
    /// and `tostring` text for display.
    case opaque(typeName: String, text: String)

    /// The Lua type name (`nil`, `boolean`, `number`, `string`, `table`, …).
    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array, .map: return "table"
        case .opaque(let typeName, _): return typeName
        }
    }
}

/// One key/value entry of a Lua table copied into Swift.
public struct LuaPair: Sendable, Hashable {
    public var key: LuaValue
    public var value: LuaValue
    public init(_ key: LuaValue, _ value: LuaValue) {
        self.key = key
        self.value = value
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(LuaString(value)) }
    public init(arrayLiteral elements: LuaValue...) { self = .array(elements) }
}

/// A Lua string: any bytes, usually UTF-8.
public struct LuaString: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The bytes, exactly as Lua holds them (embedded NULs included).
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    /// The text when the bytes are valid UTF-8, else `nil`.
    public var utf8: String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error: return nil
            }
        }
    }

    /// The text, with invalid UTF-8 replaced by U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    public static func < (lhs: LuaString, rhs: LuaString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
