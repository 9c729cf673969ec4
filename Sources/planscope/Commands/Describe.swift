import ArgumentParser
import Foundation
import PlanModel
import Tabular

extension PlanScope {
    /// `planscope describe [TABLE] [--data DIR]`
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a workspace's tables, or one table's columns.",
            discussion: """
                Without a table: each table's name, file, rows, columns and whether it is synthetic \
                (invented sample data). With a table: each column's type, whether it may be null, \
                its allowed values and description from the manifest, and the data's nulls and \
                distinct values.

                Exit codes: 0 ok, 64 no such table, 65 the workspace has problems, 66 it is missing.

                Examples:
                  planscope describe
                  planscope describe measures
                  planscope describe provinces --data Datasets/plan2013
                """
        )

        @Argument(help: ArgumentHelp("A table of the workspace.", valueName: "table"))
        var table: String?

        @Option(name: .long, help: ArgumentHelp("The workspace directory.", valueName: "dir"))
        var data = Execution.defaultWorkspace

        func run() throws {
            let workspace = try Describe.load(data)
            let text: String
            if let table {
                text = try Describe.columns(of: table, in: workspace)
            } else {
                text = "\(workspace.name): \(workspace.title)\n" + render(try Describe.tables(of: workspace), as: .box)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }

        /// The workspace, with its loading problems as failures (66 missing, 65 invalid).
        static func load(_ directory: String) throws -> Workspace {
            do {
                return try WorkspaceLoader.load(directory: directory, progress: Terminal.loadProgress)
            } catch let error as WorkspaceError {
                throw CommandFailure(
                    message: error.problems.map(\.description).joined(separator: "\n"),
                    exitCode: error.kind == .missingInput ? CommandFailure.missingInput : CommandFailure.dataError)
            }
        }

        /// One row per table, in manifest order: `table`, `file`, `rows`, `columns`, `synthetic`.
        /// - Throws: ``TableError`` only if the columns' lengths disagree, which they cannot.
        /// - Complexity: O(tables).
        static func tables(of workspace: Workspace) throws -> Table {
            let tables = workspace.tables
            let files = tables.map { table in workspace.manifest.tables.first { $0.name == table.name }?.file ?? "" }
            return try Table([
                ("table", Column(.string(.plain(tables.map(\.name))))),
                ("file", Column(.string(.plain(files)))),
                ("rows", Column(.int64(tables.map { Int64($0.table.rowCount) }))),
                ("columns", Column(.int64(tables.map { Int64($0.table.columns.count) }))),
                ("synthetic", Column(.bool(tables.map { workspace.isSynthetic(table: $0.name) }))),
            ])
        }

        /// The title line and one row per column of `name`: `column`, `type`, `nullable`, `enum`,
        /// `nulls`, `distinct`, `description`.
        /// - Throws: ``CommandFailure`` (64) naming the closest table when there is no such table.
        /// - Complexity: O(rows log rows) per column, for the distinct counts.
        static func columns(of name: String, in workspace: Workspace) throws -> String {
            guard let data = workspace.tables.first(where: { $0.name == name })?.table,
                let entry = workspace.manifest.tables.first(where: { $0.name == name })
            else {
                let names = workspace.tables.map(\.name)
                var message = "unknown table '\(name)' in workspace '\(workspace.name)'"
                if let suggestion = TableError.closestName(to: name, in: names) {
                    message += "; did you mean '\(suggestion)'?"
                }
                message += " (tables: \(names.joined(separator: ", ")))"
                throw CommandFailure(message: message, exitCode: CommandFailure.usage)
            }
            let profile = data.describe()
            let nulls = try profile.column("nulls")
            let distinct = try profile.column("distinct")
            let manifestColumns = data.columnNames.map { entry.column($0) }
            let nullableFlags: [Bool] = manifestColumns.map { $0?.nullable ?? true }
            let enums: [String?] = manifestColumns.map { $0?.allowedValues?.joined(separator: ", ") }
            let descriptions: [String?] = manifestColumns.map { $0?.description }
            let table = try Table([
                ("column", Column(.string(.plain(data.columnNames)))),
                ("type", Column(.string(.plain(data.columns.map(\.type.rawValue))))),
                ("nullable", Column(.bool(nullableFlags))),
                ("enum", try Column(type: .string, cells: enums.map { $0.map(Cell.string) ?? .null })),
                ("nulls", nulls),
                ("distinct", distinct),
                ("description", try Column(type: .string, cells: descriptions.map { $0.map(Cell.string) ?? .null })),
            ])
            let synthetic = workspace.isSynthetic(table: name) ? ", synthetic" : ""
            let heading = "\(name) (\(entry.file), \(Check.counted(data.rowCount, "row"))\(synthetic))"
            return heading + "\n" + (entry.description.map { $0 + "\n" } ?? "") + render(table, as: .box)
        }
    }
}
