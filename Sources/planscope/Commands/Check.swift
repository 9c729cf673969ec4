import ArgumentParser
import Foundation
import PlanModel
import Tabular

extension PlanScope {
    /// `planscope check [--data DIR]`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check a workspace: types, keys, references, allowed values and the plan's counts.",
            discussion: """
                Every problem is listed at once as 'file:line:column: message', then a count. \
                On success, prints the tables and the invariants that hold.

                Exit codes: 0 the workspace is good, 65 it has problems, 66 it is missing.

                Examples:
                  planscope check
                  planscope check --data Datasets/ip-services-2012
                """
        )

        @Option(name: .long, help: ArgumentHelp("The workspace directory.", valueName: "dir"))
        var data = Execution.defaultWorkspace

        func run() throws {
            let workspace: Workspace
            do {
                workspace = try WorkspaceLoader.load(directory: data, progress: Terminal.loadProgress)
            } catch let error as WorkspaceError {
                switch error.kind {
                case .missingInput:
                    throw CommandFailure(
                        message: error.problems.map(\.description).joined(separator: "\n"),
                        exitCode: CommandFailure.missingInput)
                case .invalidData:
                    let list = error.problems.map { $0.description + "\n" }.joined()
                    FileHandle.standardError.write(Data(list.utf8))
                    throw CommandFailure(
                        message: error.countLine, exitCode: CommandFailure.dataError)
                }
            }
            FileHandle.standardOutput.write(Data(Check.summary(of: workspace).utf8))
        }

        /// The one-screen report on a good workspace: its tables, then each
        /// expectation and rule with a tick.
        static func summary(of workspace: Workspace) -> String {
            var text = "\(workspace.name): \(workspace.title)\n"
            let entries = workspace.manifest.tables
            let tables = workspace.tables
            let files = tables.map { table in entries.first { $0.name == table.name }?.file ?? "" }
            let overview = try? Table([
                ("table", Column(.string(.plain(tables.map(\.name))))),
                ("file", Column(.string(.plain(files)))),
                ("rows", Column(.int64(tables.map { Int64($0.table.rowCount) }))),
                ("columns", Column(.int64(tables.map { Int64($0.table.columns.count) }))),
                ("synthetic", Column(.bool(tables.map { workspace.isSynthetic(table: $0.name) }))),
            ])
            if let overview { text += render(overview, as: .box) }
            text +=
                "✓ types, nulls, allowed values, keys and foreign keys of "
                + "\(tables.count) \(tables.count == 1 ? "table" : "tables")\n"
            let expectations = workspace.checkExpectations()
            for result in expectations {
                let rows = result.found.map { counted($0, "row") } ?? "no rows"
                let mark = result.holds ? "✓" : "✗"
                let head = "\(mark) \(result.label): \(rows) (\(result.expectation.source): \""
                let room = max(16, lineWidth - DisplayWidth.measure(head) - 2)
                text +=
                    head + DisplayWidth.truncating(result.expectation.sourceText, toWidth: room)
                    + "\")\n"
            }
            let rules = workspace.checkRules()
            for result in rules {
                text += "\(result.holds ? "✓" : "✗") \(result.rule.statement)\n"
            }
            let rows = tables.reduce(0) { $0 + $1.table.rowCount }
            let held = [counted(expectations.count, "expectation"), counted(rules.count, "rule")]
                .filter { !$0.hasPrefix("0 ") }
            text +=
                "\(counted(tables.count, "table")), \(counted(rows, "row"))"
                + (held.isEmpty ? "\n" : ": " + held.joined(separator: " and ") + " hold\n")
            return text
        }

        /// `1 table`, `8 tables`.
        static func counted(_ count: Int, _ noun: String) -> String {
            "\(count) \(noun)\(count == 1 ? "" : "s")"
        }

        /// The widest a summary line gets, in terminal columns: quotes are cut to fit,
        /// whatever the terminal, so the output is the same everywhere.
        static let lineWidth = 100
    }
}
