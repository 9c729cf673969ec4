import Tabular

/// The wording of every workspace problem, in one place.
///
/// Messages start lowercase, end without a full stop, put names in single
/// quotes, and say what was expected and what was found.
extension WorkspaceProblem {
    // MARK: - The workspace itself

    /// A `--data` directory that does not exist.
    static func missingDirectory(_ path: String) -> WorkspaceProblem {
        WorkspaceProblem(
            file: path, line: nil, column: nil,
            message: "expected a workspace directory, found no such directory")
    }

    /// A directory without a manifest.
    static func missingManifest(_ path: String) -> WorkspaceProblem {
        WorkspaceProblem(
            file: path, line: nil, column: nil,
            message: "expected a workspace manifest, found no such file")
    }

    /// A manifest that is not JSON at all.
    static func invalidJSON(_ path: String, reason: String) -> WorkspaceProblem {
        WorkspaceProblem(
            file: path, line: nil, column: nil,
            message: "expected a JSON manifest, found invalid JSON (\(reason))")
    }

    // MARK: - Manifest entries

    /// A manifest problem at `place` (nil when unknown).
    static func manifest(_ file: String, _ place: (line: Int, column: Int)?, _ message: String)
        -> WorkspaceProblem
    {
        WorkspaceProblem(file: file, line: place?.line, column: place?.column, message: message)
    }

    static func decoding(_ what: String, at path: String) -> String {
        path.isEmpty ? "expected \(what) at the top level" : "expected \(what) at '\(path)'"
    }

    static func formatVersion(_ found: Int) -> String {
        "expected format_version 1, found \(found)"
    }

    static func unknownType(_ type: String, column: String, table: String) -> String {
        "expected a type int, float, string, bool or date for column '\(column)' of '\(table)', "
            + "found '\(type)'"
    }

    static func duplicateTable(_ name: String) -> String { "duplicate table name '\(name)'" }

    static func duplicateColumn(_ name: String, table: String) -> String {
        "duplicate column name '\(name)' in '\(table)'"
    }

    static func unknownColumn(
        _ name: String, of table: String, in role: String, available: [String]
    ) -> String {
        "unknown column '\(name)' in \(role) of '\(table)'" + suggestion(name, available)
    }

    static func unknownTable(_ name: String, in role: String, available: [String]) -> String {
        "unknown table '\(name)' in \(role)" + suggestion(name, available)
    }

    static func foreignKeyShape(_ table: String, columns: Int, refColumns: Int) -> String {
        "expected as many 'ref_columns' as 'columns' in a foreign key of '\(table)', "
            + "found \(refColumns) and \(columns)"
    }

    static func foreignKeyTypes(
        _ table: String, column: String, type: String, refTable: String, refColumn: String,
        refType: String
    ) -> String {
        "expected column '\(column)' of '\(table)' (\(type)) to have the type of '\(refColumn)' of "
            + "'\(refTable)', found \(refType)"
    }

    static func conditionValue(_ value: ManifestValue, column: String, type: ColumnType) -> String {
        "expected a \(type.rawValue) value for column '\(column)' in 'where', found '\(value)'"
    }

    static func missingFile(_ file: String, table: String) -> String {
        "expected the file '\(file)' for table '\(table)', found no such file"
    }

    static func unreadableFile(_ file: String, table: String, reason: String) -> String {
        "expected a readable file '\(file)' for table '\(table)', found \(reason)"
    }

    // MARK: - Data

    static func readingStopped(_ limit: Int) -> String {
        "stopped reading after \(limit) problems; fix these and check again for more"
    }

    static func undeclaredColumn(_ name: String, table: String) -> String {
        "unexpected column '\(name)': the manifest does not declare it for '\(table)'"
    }

    static func nullValue(column: String) -> String {
        "expected a value in column '\(column)', found an empty field"
    }

    static func notAllowed(_ value: Cell, column: String, allowed: [String]) -> String {
        let listed = allowed.map { "'\($0)'" }.joined(separator: ", ")
        return "expected one of \(listed) in column '\(column)', "
            + "found \(shown(value))"
    }

    static func duplicateKey(_ columns: [String], values: [Cell], table: String, firstLine: Int)
        -> String
    {
        let shownValues = values.map(shown).joined(separator: ", ")
        return "duplicate key \(names(columns)) = \(shownValues) in '\(table)' "
            + "(first on line \(firstLine))"
    }

    static func unknownReference(
        _ columns: [String], values: [Cell], refTable: String,
        suggestion: String?
    ) -> String {
        let column = columns.count == 1 ? "column \(names(columns))" : "columns \(names(columns))"
        var message =
            "expected a key of '\(refTable)' in \(column), found "
            + values.map(shown).joined(separator: ", ")
        if let suggestion { message += "; did you mean '\(suggestion)'?" }
        return message
    }

    static func expectationFailed(_ label: String, expected: Int, found: Int, source: String)
        -> String
    {
        "expected \(expected) rows in \(label) (\(source)), found \(found)"
    }

    // MARK: - Helpers

    /// A value as messages show it: text in single quotes, other values bare.
    static func shown(_ value: Cell) -> String {
        switch value {
        case .null: return "null"
        case .string(let text): return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        default: return value.description
        }
    }

    static func names(_ columns: [String]) -> String {
        columns.map { "'\($0)'" }.joined(separator: ", ")
    }

    private static func suggestion(_ name: String, _ available: [String]) -> String {
        TableError.closestName(to: name, in: available).map { "; did you mean '\($0)'?" } ?? ""
    }
}
