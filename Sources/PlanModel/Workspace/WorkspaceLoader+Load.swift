import Foundation
import Tabular

extension WorkspaceLoader {
    /// One load in progress: the tables read so far and the problems found.
    struct Load {
        let directory: String
        let manifestPath: String
        let manifest: Manifest
        let locator: ManifestLocator
        /// Tables that loaded, by name.
        var tables: [String: Table] = [:]
        var problems: [WorkspaceProblem] = []
        /// Told how far each file's reading has got.
        var progress: (@Sendable (String, Int, Int) -> Void)?
        /// Each table's problems, by manifest position, so the list reads table by table.
        private var tableProblems: [[WorkspaceProblem]]
        /// Tables whose manifest entry is unusable (not read at all).
        private var broken: Set<String> = []

        init(directory: String, manifestPath: String, manifest: Manifest, locator: ManifestLocator) {
            self.directory = directory
            self.manifestPath = manifestPath
            self.manifest = manifest
            self.locator = locator
            tableProblems = Array(repeating: [], count: manifest.tables.count)
        }

        mutating func run() {
            checkManifest()
            var checkers: [(index: Int, checker: TableChecker)] = []
            for (index, entry) in manifest.tables.enumerated() where !broken.contains(entry.name) {
                if let checker = read(entry, index: index) { checkers.append((index, checker)) }
            }
            for (index, checker) in checkers { tableProblems[index] += checkRows(checker) }
            problems += tableProblems.joined()
            for result in Workspace.checkRules(
                manifest: manifest, directory: directory, tables: tables)
            {
                problems += result.violations
            }
            checkExpectations()
        }

        private func report(_ path: String, _ message: String) -> WorkspaceProblem {
            .manifest(manifestPath, locator.position(path), message)
        }

        // MARK: - Manifest

        private mutating func checkManifest() {
            if manifest.formatVersion != 1 {
                problems.append(
                    report("format_version", WorkspaceProblem.formatVersion(manifest.formatVersion))
                )
            }
            var seen = Set<String>()
            let tableNames = manifest.tables.map(\.name)
            for (t, entry) in manifest.tables.enumerated() {
                let at = "tables.\(t)"
                if !seen.insert(entry.name).inserted {
                    problems.append(
                        report(at + ".name", WorkspaceProblem.duplicateTable(entry.name)))
                    broken.insert(entry.name)
                }
                var columns = Set<String>()
                for (c, column) in entry.columns.enumerated() {
                    if column.columnType == nil {
                        problems.append(
                            report(
                                "\(at).columns.\(c).type",
                                WorkspaceProblem.unknownType(
                                    column.type, column: column.name, table: entry.name)))
                        broken.insert(entry.name)
                    }
                    if !columns.insert(column.name).inserted {
                        problems.append(
                            report(
                                "\(at).columns.\(c).name",
                                WorkspaceProblem.duplicateColumn(column.name, table: entry.name)))
                        broken.insert(entry.name)
                    }
                }
                let names = entry.columns.map(\.name)
                for (k, name) in entry.key.enumerated() where !columns.contains(name) {
                    problems.append(
                        report(
                            "\(at).key.\(k)",
                            WorkspaceProblem.unknownColumn(
                                name, of: entry.name, in: "the key", available: names)))
                    broken.insert(entry.name)
                }
                for (f, foreignKey) in entry.foreignKeys.enumerated() {
                    checkForeignKeyEntry(
                        foreignKey, of: entry, at: "\(at).foreign_keys.\(f)",
                        tableNames: tableNames)
                }
            }
            for (e, expectation) in manifest.expectations.enumerated() {
                checkExpectationEntry(expectation, at: "expectations.\(e)", tableNames: tableNames)
            }
        }

        private mutating func checkForeignKeyEntry(
            _ foreignKey: Manifest.ForeignKey, of entry: Manifest.TableEntry, at path: String,
            tableNames: [String]
        ) {
            let role = "a foreign key of '\(entry.name)'"
            for (c, name) in foreignKey.columns.enumerated() where entry.column(name) == nil {
                problems.append(
                    report(
                        "\(path).columns.\(c)",
                        WorkspaceProblem.unknownColumn(
                            name, of: entry.name, in: "a foreign key",
                            available: entry.columns.map(\.name))))
            }
            guard let target = manifest.tables.first(where: { $0.name == foreignKey.references })
            else {
                problems.append(
                    report(
                        "\(path).references",
                        WorkspaceProblem.unknownTable(
                            foreignKey.references, in: role, available: tableNames)))
                return
            }
            if foreignKey.refColumns.count != foreignKey.columns.count {
                problems.append(
                    report(
                        path,
                        WorkspaceProblem.foreignKeyShape(
                            entry.name, columns: foreignKey.columns.count,
                            refColumns: foreignKey.refColumns.count)))
                return
            }
            for (c, name) in foreignKey.refColumns.enumerated() {
                guard let refColumn = target.column(name) else {
                    problems.append(
                        report(
                            "\(path).ref_columns.\(c)",
                            WorkspaceProblem.unknownColumn(
                                name, of: target.name, in: "a foreign key",
                                available: target.columns.map(\.name))))
                    continue
                }
                guard let column = entry.column(foreignKey.columns[c]),
                    let type = column.columnType, let refType = refColumn.columnType
                else { continue }
                if type != refType && !(type.isNumeric && refType.isNumeric) {
                    problems.append(
                        report(
                            "\(path).columns.\(c)",
                            WorkspaceProblem.foreignKeyTypes(
                                entry.name, column: column.name, type: type.rawValue,
                                refTable: target.name,
                                refColumn: name, refType: refType.rawValue)))
                }
            }
        }

        private mutating func checkExpectationEntry(
            _ expectation: Manifest.Expectation, at path: String,
            tableNames: [String]
        ) {
            guard let entry = manifest.tables.first(where: { $0.name == expectation.table }) else {
                problems.append(
                    report(
                        "\(path).table",
                        WorkspaceProblem.unknownTable(
                            expectation.table, in: "an expectation", available: tableNames)))
                return
            }
            for condition in expectation.orderedConditions(in: entry) {
                guard let column = entry.column(condition.column) else {
                    problems.append(
                        report(
                            "\(path).where.\(condition.column)",
                            WorkspaceProblem.unknownColumn(
                                condition.column, of: entry.name, in: "an expectation",
                                available: entry.columns.map(\.name))))
                    continue
                }
                if let type = column.columnType, condition.value.cell(as: type) == nil {
                    problems.append(
                        report(
                            "\(path).where.\(condition.column)",
                            WorkspaceProblem.conditionValue(
                                condition.value, column: condition.column, type: type)))
                }
            }
        }

        // MARK: - Tables

        /// Reads one table's file, folding the reader's errors into the problems.
        private mutating func read(_ entry: Manifest.TableEntry, index: Int) -> TableChecker? {
            var problems: [WorkspaceProblem] = []
            defer { tableProblems[index] = problems }
            let file = join(directory, entry.file)
            guard FileManager.default.fileExists(atPath: file) else {
                problems.append(
                    report(
                        "tables.\(index).file",
                        WorkspaceProblem.missingFile(entry.file, table: entry.name)))
                return nil
            }
            let schema = Schema(
                entry.columns.compactMap { column in
                    column.columnType.map { Schema.Field(name: column.name, type: $0) }
                })
            let table: Table
            do {
                let report = progress.map { progress in
                    { @Sendable (read: Int, total: Int) in progress(file, read, total) }
                }
                table = try CSVReader(options: CSVReadOptions(schema: schema, progress: report))
                    .readCSV(path: file).table
            } catch let errors as CSVErrors {
                problems += errors.errors.map {
                    WorkspaceProblem(
                        file: $0.source, line: $0.line, column: $0.column, message: $0.message)
                }
                if errors.truncated {
                    problems.append(
                        WorkspaceProblem(
                            file: file, line: nil, column: nil,
                            message: WorkspaceProblem.readingStopped(CSVErrors.limit)))
                }
                return nil
            } catch {
                problems.append(
                    report(
                        "tables.\(index).file",
                        WorkspaceProblem.unreadableFile(
                            entry.file, table: entry.name, reason: "\(error)")))
                return nil
            }
            let checker = TableChecker(entry: entry, table: table, file: file)
            var undeclared = false
            for name in table.columnNames where entry.column(name) == nil {
                problems.append(
                    checker.headerProblem(
                        column: name,
                        WorkspaceProblem.undeclaredColumn(name, table: entry.name)))
                undeclared = true
            }
            if undeclared { return nil }
            tables[entry.name] = table
            return checker
        }

        /// Nulls, allowed values, keys and foreign keys of one loaded table, in file order.
        private func checkRows(_ checker: TableChecker) -> [WorkspaceProblem] {
            var found = checker.checkNulls()
            do {
                found += try checker.checkAllowedValues()
                found += try checker.checkKey()
                for foreignKey in checker.entry.foreignKeys {
                    guard let target = tables[foreignKey.references] else { continue }
                    found += try checker.checkForeignKey(foreignKey, target: target)
                }
            } catch {
                found.append(
                    WorkspaceProblem(
                        file: checker.file, line: nil, column: nil, message: "\(error)"))
            }
            return found.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        }

        // MARK: - Expectations

        private mutating func checkExpectations() {
            for (e, expectation) in manifest.expectations.enumerated() {
                let entry = manifest.tables.first { $0.name == expectation.table }
                guard tables[expectation.table] != nil else { continue }
                let result = Workspace.evaluate(expectation, manifest: manifest, tables: tables)
                guard let found = result.found, !result.holds else { continue }
                let conditions = expectation.orderedConditions(in: entry)
                var label = "'\(expectation.table)'"
                if !conditions.isEmpty {
                    label +=
                        " where "
                        + conditions.map {
                            "\($0.column) = "
                                + ($0.value.cell(as: .string).map(WorkspaceProblem.shown)
                                    ?? "\($0.value)")
                        }.joined(separator: ", ")
                }
                problems.append(
                    report(
                        "expectations.\(e)",
                        WorkspaceProblem.expectationFailed(
                            label, expected: expectation.rows, found: found,
                            source: expectation.source)))
            }
        }
    }
}
