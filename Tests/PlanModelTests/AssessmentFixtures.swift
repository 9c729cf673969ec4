import Foundation
import PlanModel
import PlanScopeTestSupport
import Tabular

/// The catalog plus small hand-written sample tables, for the compliance and
/// attainment tests: each test writes only the rows its rule needs.
enum AssessmentFixtures {
    /// The bundled catalog, loaded once.
    static let loaded = Result { try WorkspaceLoader.load(directory: WorkspaceFixtures.plan2013) }

    /// The bundled catalog.
    static func catalog() throws -> Workspace { try loaded.get() }

    /// A catalog table.
    static func catalog(_ name: String) throws -> Table { try catalog().table(name) }

    static let plans: [(String, ColumnType)] = [
        ("province", .string), ("submitted_on", .date), ("status", .string),
        ("reviewed_on", .date), ("reviewer_notes", .string),
    ]
    static let planItems: [(String, ColumnType)] = [
        ("province", .string), ("measure", .int64), ("objective", .string),
        ("schedule_start", .date), ("schedule_end", .date), ("responsible_unit", .string),
        ("funds", .double), ("approval", .string), ("deployment", .string),
    ]
    static let progress: [(String, ColumnType)] = [
        ("period", .string), ("reporter", .string), ("reporter_kind", .string),
        ("measure", .int64), ("status", .string), ("metric", .string), ("value", .double),
        ("reported_on", .date),
    ]
    static let targetUnits: [(String, ColumnType)] = [("target", .string), ("province", .string)]

    /// Reads `csv` (header included) with the given column types.
    static func table(_ csv: String, _ columns: [(String, ColumnType)]) throws -> Table {
        let schema = Schema(columns.map { Schema.Field(name: $0.0, type: $0.1) })
        return try CSVReader(options: CSVReadOptions(schema: schema))
            .readCSV(text: csv, source: "fixture.csv").table
    }

    /// The header line for `columns`.
    static func header(_ columns: [(String, ColumnType)]) -> String {
        columns.map(\.0).joined(separator: ",")
    }

    /// A workspace on disk: the catalog's tables, plus `extra` tables (name, columns,
    /// rows without the header) declared in the manifest as synthetic.
    static func workspace(
        adding extra: [(name: String, columns: [(String, ColumnType)], rows: String)]
    )
        throws -> Workspace
    {
        let directory = try WorkspaceFixtures.copy()
        let manifestPath = directory + "/workspace.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        var manifest = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var tables = manifest["tables"] as! [[String: Any]]
        for table in extra {
            try (header(table.columns) + "\n" + table.rows).write(
                toFile: directory + "/\(table.name).csv", atomically: true, encoding: .utf8)
            tables.append([
                "name": table.name, "file": "\(table.name).csv", "synthetic": true,
                "columns": table.columns.map { column in
                    ["name": column.0, "type": column.1.rawValue, "nullable": true]
                },
            ])
        }
        manifest["tables"] = tables
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
            .write(to: URL(fileURLWithPath: manifestPath))
        return try WorkspaceLoader.load(directory: directory)
    }
}
