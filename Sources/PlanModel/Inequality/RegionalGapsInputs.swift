import Tabular

/// The compared units of a ``RegionalGaps`` request, with their values, groups and
/// weights resolved from the table or the lookup tables, and what was left out.
struct RegionalGapsInputs {
    /// A column's values for each row of the table, and where they were found.
    struct Attribute {
        /// "column 'region'" or "table 'provinces'", for notes.
        let source: String
        /// One cell per row of the table; null where a lookup table has no row for the unit.
        let cells: [Cell]
    }

    /// The compared units, in the table's order.
    private(set) var units: [String] = []
    private(set) var values: [Double] = []
    private(set) var groups: [String]?
    private(set) var weights: [Double]?
    /// Where groups and weights came from, for notes.
    private(set) var groupSource: String?
    private(set) var weightSource: String?
    /// One description per non-statistical unit left out, e.g. "XPCC (not a statistical unit; …)".
    private(set) var excluded: [String] = []
    /// Where the `statistical_unit` flag came from, or `nil` when no table has it.
    private(set) var exclusionSource: String?
    /// Statistical units left out because their value is null.
    private(set) var missing: [String] = []

    init(_ spec: RegionalGaps, table: Table, lookup: [(name: String, table: Table)]) throws {
        let keys = try Self.unitKeys(table, spec.unit)
        let valueColumn = try table.column(spec.value)
        guard valueColumn.type.isNumeric else {
            throw TableError.typeMismatch(column: spec.value, expected: .double, found: valueColumn.type)
        }
        let find = { (name: String) in try Self.attribute(name, of: table, keys: keys, unit: spec.unit, lookup: lookup)
        }
        let flags = try find("statistical_unit")
        exclusionSource = flags?.source
        let parents = flags == nil ? nil : try find("geo_parent")
        let groupCells = try spec.group.map { name in
            guard let found = try find(name) else { throw Self.notFound(name, unit: spec.unit) }
            groupSource = found.source
            return found.cells
        }
        let weightCells = try spec.weight.map { name in
            guard let found = try find(name) else { throw Self.notFound(name, unit: spec.unit) }
            weightSource = found.source
            return found.cells
        }
        if groupCells != nil { groups = [] }
        if weightCells != nil { weights = [] }
        for row in 0..<table.rowCount {
            if case .bool(false)? = flags?.cells[row] {
                excluded.append(
                    Self.exclusionNote(
                        keys[row], parent: parents?.cells[row], unit: spec.unit, tables: [table] + lookup.map(\.table)))
                continue
            }
            guard let value = Self.number(valueColumn[row]) else {
                missing.append(keys[row])
                continue
            }
            units.append(keys[row])
            values.append(value)
            if let group = groupCells?[row], let name = spec.group {
                guard !group.isNull else {
                    throw TableError.invalidArgument(
                        "unit '\(keys[row])' has no '\(name)' (null in \(groupSource ?? ""))")
                }
                groups?.append(group.description)
            }
            if let cell = weightCells?[row], let name = spec.weight {
                guard let weight = Self.number(cell), weight > 0, weight.isFinite else {
                    let found = cell.isNull ? "none" : "'\(cell)'"
                    throw TableError.invalidArgument(
                        "weight '\(name)' of unit '\(keys[row])' in \(weightSource ?? "") "
                            + "must be a number above 0, found \(found)")
                }
                weights?.append(weight)
            }
        }
        guard !values.isEmpty else {
            throw TableError.invalidArgument("no statistical unit has a value in column '\(spec.value)'")
        }
        if let bad = values.first(where: { !$0.isFinite }) {
            throw TableError.invalidArgument(
                "column '\(spec.value)' holds \(Cell.format(bad)); expected finite numbers")
        }
    }

    /// The unit column as text, checked for nulls and repeats.
    private static func unitKeys(_ table: Table, _ unit: String) throws -> [String] {
        let column = try table.column(unit)
        var seen = Set<String>()
        return try (0..<table.rowCount).map { row in
            guard !column.isNull(row) else {
                throw TableError.invalidArgument(
                    "column '\(unit)' is null in row \(row + 1); expected one unit per row")
            }
            let key = column[row].description
            guard seen.insert(key).inserted else {
                throw TableError.invalidArgument(
                    "unit '\(key)' appears more than once in column '\(unit)'; "
                        + "expected one row per unit")
            }
            return key
        }
    }

    /// The column `name` from `table`, or joined by unit from the first lookup table having
    /// both the unit column and `name`; `nil` when none has it.
    static func attribute(
        _ name: String, of table: Table, keys: [String], unit: String, lookup: [(name: String, table: Table)]
    ) throws -> Attribute? {
        if let index = table.schema.index(of: name) {
            return Attribute(source: "column '\(name)'", cells: (0..<table.rowCount).map { table[$0, index] })
        }
        for (tableName, other) in lookup {
            guard let keyIndex = other.schema.index(of: unit), let index = other.schema.index(of: name) else {
                continue
            }
            var byUnit: [String: Cell] = [:]
            for row in 0..<other.rowCount
            where byUnit.updateValue(other[row, index], forKey: other[row, keyIndex].description) != nil {
                throw TableError.invalidArgument(
                    "table '\(tableName)' has unit '\(other[row, keyIndex])' more than "
                        + "once in column '\(unit)'; expected one row per unit")
            }
            return Attribute(source: "table '\(tableName)'", cells: keys.map { byUnit[$0] ?? .null })
        }
        return nil
    }

    /// "XPCC (not a statistical unit; not added to Xinjiang)": the unit, and the unit whose
    /// statistics it is not folded into, when `parent` (its `geo_parent`) is given; that unit
    /// is named by the first table with the unit column and a `name` column.
    private static func exclusionNote(_ key: String, parent: Cell?, unit: String, tables: [Table]) -> String {
        guard let parent, !parent.isNull else { return "\(key) (not a statistical unit)" }
        let parentKey = parent.description
        let name = tables.lazy.compactMap { other -> String? in
            guard let keyIndex = other.schema.index(of: unit), let nameIndex = other.schema.index(of: "name") else {
                return nil
            }
            return (0..<other.rowCount).first { other[$0, keyIndex].description == parentKey }
                .map { other[$0, nameIndex].description }
        }.first
        return "\(key) (not a statistical unit; not added to \(name ?? parentKey))"
    }

    /// Why a group or weight column cannot be found.
    private static func notFound(_ name: String, unit: String) -> TableError {
        TableError.invalidArgument("no column '\(name)' in the table or in a workspace table with column '\(unit)'")
    }

    /// An int or float cell as a double; `nil` for null or any other type.
    static func number(_ cell: Cell) -> Double? {
        switch cell {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }
}
