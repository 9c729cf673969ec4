import Tabular

/// A loaded workspace: a folder of CSV tables and the manifest that declares them.
///
/// A value of this type has passed every check ``WorkspaceLoader`` makes:
/// column types, nulls, allowed values, keys, foreign keys, the plan's rules
/// and the manifest's expectations. Tables keep the manifest's order.
///
/// For example:
/// ```swift
/// let workspace = try WorkspaceLoader.load(directory: "Datasets/plan2013")
/// let measures = try workspace.table("measures")
/// ```
///
/// ## Topics
/// - ``WorkspaceLoader/load(directory:)``
/// - ``table(_:)``, ``tables``, ``isSynthetic(table:)``
/// - ``checkExpectations()``, ``checkRules()``
public struct Workspace: Sendable {
    /// The manifest, as read.
    public let manifest: Manifest
    /// The directory the workspace was loaded from, as given.
    public let path: String
    /// Every table with its name, in manifest order.
    public let tables: [(name: String, table: Table)]

    init(manifest: Manifest, path: String, tables: [(name: String, table: Table)]) {
        self.manifest = manifest
        self.path = path
        self.tables = tables
    }

    /// The workspace's short name (`plan2013`).
    public var name: String { manifest.name }

    /// The source document's title.
    public var title: String { manifest.title }

    /// The table called `name`.
    ///
    /// - Throws: ``WorkspaceError`` naming the manifest and the closest table name.
    /// - Complexity: O(tables).
    public func table(_ name: String) throws -> Table {
        if let found = tables.first(where: { $0.name == name }) { return found.table }
        let message = WorkspaceProblem.unknownTable(
            name, in: "workspace '\(self.name)'",
            available: tables.map(\.name))
        throw WorkspaceError(
            kind: .invalidData,
            problems: [
                WorkspaceProblem(
                    file: manifestPath, line: nil, column: nil,
                    message: message)
            ])
    }

    /// Whether the table called `table` is invented sample data: its own entry's flag
    /// when it has one (a synthetic sample may include real catalog tables), else the
    /// workspace's; `false` for a table the manifest does not declare.
    public func isSynthetic(table: String) -> Bool {
        guard let entry = manifest.tables.first(where: { $0.name == table }) else { return false }
        return entry.synthetic ?? manifest.synthetic
    }

    /// The manifest's path, for messages.
    var manifestPath: String { WorkspaceLoader.join(path, WorkspaceLoader.manifestFileName) }
}
