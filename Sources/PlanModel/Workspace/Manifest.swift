import Tabular

/// A workspace's `workspace.json`: its tables, their columns and rules, and the
/// counts its sources state.
///
/// The format is described in `Datasets/README.md`. Keys this type does not
/// know are ignored, so a manifest may carry notes for people (`notes`,
/// `complete`) or for later versions. Types and names are kept as written;
/// ``WorkspaceLoader`` checks them and reports every problem with its place.
public struct Manifest: Sendable, Hashable, Decodable {
    /// The workspace's short name (`plan2013`).
    public let name: String
    /// The source document's title, for people.
    public let title: String
    /// The manifest format's version; 1 is the only one.
    public let formatVersion: Int
    /// Whether the workspace as a whole is invented data.
    public let synthetic: Bool
    /// The tables, in load order.
    public let tables: [TableEntry]
    /// Counts the sources state, checked on every load.
    public let expectations: [Expectation]

    /// One table: its file, columns, key and foreign keys.
    public struct TableEntry: Sendable, Hashable, Decodable {
        /// The table's name, as scripts use it.
        public let name: String
        /// The CSV file, relative to the workspace directory.
        public let file: String
        /// Whether the rows are invented (sample data) rather than read from a source,
        /// or `nil` when the entry does not say and the workspace's flag applies.
        public let synthetic: Bool?
        /// What the table holds, for people.
        public let description: String?
        /// The columns that identify a row, unique together.
        public let key: [String]
        /// The columns, in file order.
        public let columns: [ColumnEntry]
        /// References to other tables' keys.
        public let foreignKeys: [ForeignKey]

        /// The entry for the column called `name`, if any.
        public func column(_ name: String) -> ColumnEntry? { columns.first { $0.name == name } }
    }

    /// One column: its type, whether it may be empty, and its allowed values.
    public struct ColumnEntry: Sendable, Hashable, Decodable {
        /// The column's name in the CSV header.
        public let name: String
        /// The type as written: `int`, `float`, `string`, `bool` or `date`.
        public let type: String
        /// Whether an empty field (null) is allowed.
        public let nullable: Bool
        /// The only values allowed, when given.
        public let allowedValues: [String]?
        /// What the column holds, for people.
        public let description: String?

        /// The type, or `nil` when ``type`` names none.
        public var columnType: ColumnType? { ColumnType(rawValue: type) }
    }

    /// A reference from some columns of one table to the key of another.
    ///
    /// A null in any of ``columns`` references nothing and is not checked.
    public struct ForeignKey: Sendable, Hashable, Decodable {
        /// The referencing columns.
        public let columns: [String]
        /// The referenced table.
        public let references: String
        /// The referenced columns, matched with ``columns`` in order.
        public let refColumns: [String]
    }

    /// A row count a source states: `rows` rows of `table` where every condition holds.
    public struct Expectation: Sendable, Hashable, Decodable {
        /// The table counted.
        public let table: String
        /// Column → value conditions, all of which must hold (JSON-typed like the column).
        public let conditions: [String: ManifestValue]
        /// The count the source states.
        public let rows: Int
        /// Which source states it (`seed`, `nbs_2011`).
        public let source: String
        /// The source's own words.
        public let sourceText: String

        /// The conditions in the order of `table`'s columns, so messages read the same every time.
        public func orderedConditions(in table: TableEntry?) -> [(
            column: String, value: ManifestValue
        )] {
            let position = { (name: String) in
                table?.columns.firstIndex { $0.name == name } ?? Int.max
            }
            return conditions.keys.sorted { (position($0), $0) < (position($1), $1) }
                .map { ($0, conditions[$0]!) }
        }
    }
}

// MARK: - Decoding

extension Manifest {
    private enum CodingKeys: String, CodingKey {
        case name, title, synthetic, tables, expectations
        case formatVersion = "format_version"
    }

    /// Decodes the entry, with the format's defaults for keys left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? name
        formatVersion = try c.decodeIfPresent(Int.self, forKey: .formatVersion) ?? 1
        synthetic = try c.decodeIfPresent(Bool.self, forKey: .synthetic) ?? false
        tables = try c.decode([TableEntry].self, forKey: .tables)
        expectations = try c.decodeIfPresent([Expectation].self, forKey: .expectations) ?? []
    }
}

extension Manifest.TableEntry {
    private enum CodingKeys: String, CodingKey {
        case name, file, synthetic, description, key, columns
        case foreignKeys = "foreign_keys"
    }

    /// Decodes the entry, with the format's defaults for keys left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        file = try c.decode(String.self, forKey: .file)
        synthetic = try c.decodeIfPresent(Bool.self, forKey: .synthetic)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        key = try c.decodeIfPresent([String].self, forKey: .key) ?? []
        columns = try c.decode([Manifest.ColumnEntry].self, forKey: .columns)
        foreignKeys = try c.decodeIfPresent([Manifest.ForeignKey].self, forKey: .foreignKeys) ?? []
    }
}

extension Manifest.ColumnEntry {
    private enum CodingKeys: String, CodingKey {
        case name, type, nullable, description
        case allowedValues = "enum"
    }

    /// Decodes the entry, with the format's defaults for keys left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(String.self, forKey: .type)
        nullable = try c.decodeIfPresent(Bool.self, forKey: .nullable) ?? false
        allowedValues = try c.decodeIfPresent([String].self, forKey: .allowedValues)
        description = try c.decodeIfPresent(String.self, forKey: .description)
    }
}

extension Manifest.ForeignKey {
    private enum CodingKeys: String, CodingKey {
        case columns, references
        case refColumns = "ref_columns"
    }
}

extension Manifest.Expectation {
    private enum CodingKeys: String, CodingKey {
        case table, rows, source
        case conditions = "where"
        case sourceText = "source_text"
    }

    /// Decodes the entry, with the format's defaults for keys left out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        table = try c.decode(String.self, forKey: .table)
        conditions = try c.decodeIfPresent([String: ManifestValue].self, forKey: .conditions) ?? [:]
        rows = try c.decode(Int.self, forKey: .rows)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        sourceText = try c.decodeIfPresent(String.self, forKey: .sourceText) ?? ""
    }
}
