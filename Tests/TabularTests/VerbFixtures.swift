import Tabular

/// Tables written as text for the verb tests, and verb results read back as text.
///
/// The first line is `name:type` headers, then one line per row; cells are
/// separated by ` | ` and `null` is the null value. Kept here rather than in
/// TestSupport because that target does not depend on Tabular.
enum VerbFixture {
    /// Parses a table from its text form.
    static func table(_ text: String) throws -> Table {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headers = lines[0].components(separatedBy: " | ").map { header in
            let parts = header.split(separator: ":").map(String.init)
            return (name: parts[0], type: ColumnType(rawValue: parts[1])!)
        }
        var builders = headers.map { ColumnBuilder(type: $0.type) }
        for line in lines.dropFirst() where !line.isEmpty {
            let fields = line.components(separatedBy: " | ")
            precondition(fields.count == headers.count, "bad fixture line '\(line)'")
            for (index, field) in fields.enumerated() {
                let ok = builders[index].append(cell(field, headers[index].type))
                precondition(ok, "bad fixture cell '\(field)'")
            }
        }
        return try Table(zip(headers, builders).map { ($0.name, $1.finish()) })
    }

    /// One cell of `type` from its text.
    static func cell(_ text: String, _ type: ColumnType) -> Cell {
        if text == "null" { return .null }
        switch type {
        case .int64: return .int(Int64(text)!)
        case .double: return .double(text == "NaN" ? .nan : Double(text)!)
        case .string: return .string(text == "\"\"" ? "" : text)
        case .bool: return .bool(text == "true")
        case .date: return .date(CalendarDate(iso: text)!)
        }
    }

    /// Checks the table's invariants and returns it, for results a test reads directly.
    static func checked(_ table: Table) -> Table {
        table.checkInvariants()
        return table
    }

    /// Checks the table's invariants, then writes it in the fixture form.
    static func text(_ table: Table) -> String {
        table.checkInvariants()
        var lines = [
            table.schema.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: " | ")
        ]
        for row in 0..<table.rowCount {
            lines.append(
                table.row(row).map { cell in
                    switch cell {
                    case .null: return "null"
                    case .string(let value) where value.isEmpty: return "\"\""
                    default: return cell.description
                    }
                }.joined(separator: " | "))
        }
        return lines.joined(separator: "\n")
    }

    /// The same column stored as plain strings, to test the path that has no dictionary.
    static func plain(_ table: Table, _ name: String) throws -> Table {
        let column = try table.column(name)
        guard case .string(let strings) = column.storage else { return table }
        let values = (0..<strings.count).map { strings[$0] }
        return try table.mutate(
            name,
            column: Column(
                storage: .string(.plain(values)),
                validity: column.validity))
    }

    /// The message of the `TableError` that `body` throws, or `nil`.
    static func message(_ body: () throws -> Table) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as TableError {
            return error.message
        } catch {
            return "\(error)"
        }
    }
}
