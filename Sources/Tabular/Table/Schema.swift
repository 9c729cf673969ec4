/// The names and types of a table's columns, in order.
public struct Schema: Sendable, Hashable, CustomStringConvertible {
    /// One column's name and type.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: ColumnType
        public init(name: String, type: ColumnType) {
            self.name = name
            self.type = type
        }
    }

    /// The fields, in column order.
    public var fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    /// The column names, in order.
    public var names: [String] { fields.map(\.name) }

    /// The position of the column called `name`, if any.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// `name: type` pairs, one per line, in column order.
    public var description: String {
        fields.map { "\($0.name): \($0.type.rawValue)" }.joined(separator: "\n")
    }
}
