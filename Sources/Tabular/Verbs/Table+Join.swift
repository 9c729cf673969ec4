/// Which rows a join keeps.
public enum JoinKind: String, Sendable, CaseIterable {
    /// Pairs of matching rows only.
    case inner
    /// Every left row; right columns are null where nothing matches.
    case left
    /// The left rows that match nothing, with the left columns only.
    case anti
}

/// The cardinality a join promises, checked before any row is produced.
///
/// Raw values are the Lua spellings.
public enum JoinCheck: String, Sendable, CaseIterable {
    /// No check.
    case none
    /// Keys are unique on both sides.
    case oneToOne = "one_to_one"
    /// Keys are unique on the right side (a lookup table).
    case manyToOne = "many_to_one"
}

extension Table {
    /// Joins `other` on key columns with the same names on both sides.
    ///
    /// - Throws: As the overload taking `(left, right)` key pairs.
    /// - Complexity: O(left rows + right rows + output rows) × key columns.
    public func join(
        _ other: Table, on keys: [String], how: JoinKind = .inner,
        check: JoinCheck = .none
    ) throws -> Table {
        try join(other, on: keys.map { (left: $0, right: $0) }, how: how, check: check)
    }

    /// Joins `other`, matching the `left` key columns of this table with the
    /// `right` key columns of `other`.
    ///
    /// Rows come in left row order, and a left row's matches in right row order.
    /// The result has every left column, then the right columns other than the
    /// keys (an `anti` join has the left columns only). A right column whose name
    /// is taken gets `_right` appended, or `_right2`, `_right3`, … until it is free.
    /// Keys compare like `filter(equals:)`, except that a null key never matches
    /// anything, not even a null (SQL's rule): such a left row is dropped by an
    /// inner join, kept with nulls by a left join and kept by an anti join. Key types
    /// must be equal, but int and float keys may meet (compared as floats).
    ///
    /// - Throws: ``TableError`` `unknownColumn`; `typeMismatch` for key columns of
    ///   different types; `joinCardinality` listing the duplicate keys when `check`
    ///   fails (null keys are not checked, as they match nothing); `invalidArgument`
    ///   for an empty key list.
    /// - Complexity: O(left rows + right rows + output rows) × key columns.
    public func join(
        _ other: Table, on keys: [(left: String, right: String)],
        how: JoinKind = .inner, check: JoinCheck = .none
    ) throws -> Table {
        guard !keys.isEmpty else {
            throw TableError.invalidArgument("join needs at least one key column")
        }
        var segments: [[Column]] = []
        var rightKeys = Set<Int>()
        for key in keys {
            let leftColumn = columns[try columnIndex(key.left)]
            let rightIndex = try other.columnIndex(key.right)
            let rightColumn = other.columns[rightIndex]
            guard
                leftColumn.type == rightColumn.type
                    || (leftColumn.type.isNumeric && rightColumn.type.isNumeric)
            else {
                throw TableError.typeMismatch(
                    column: key.right, expected: leftColumn.type,
                    found: rightColumn.type)
            }
            segments.append([leftColumn, rightColumn])
            rightKeys.insert(rightIndex)
        }
        let keyIds = RowKeys(segments: segments, rowCount: rowCount + other.rowCount)
        let leftIds = keyIds.ids[..<rowCount]
        let rightIds = keyIds.ids[rowCount...]
        let (offsets, rows) = RowKeys.rowsByKey(Array(rightIds), count: keyIds.count)

        func duplicates(_ ids: ArraySlice<UInt32>) -> [Int] {
            var counts = [Int](repeating: 0, count: keyIds.count)
            var firstOfDuplicated: [Int] = []
            for (row, id) in zip(ids.indices, ids) where !keyIds.hasNull[Int(id)] {
                counts[Int(id)] += 1
                if counts[Int(id)] == 2 { firstOfDuplicated.append(row) }
            }
            return firstOfDuplicated
        }
        func cardinalityError(_ rows: [Int], side: String) -> TableError {
            let texts = rows.map { row in
                segments.map {
                    $0[row < rowCount ? 0 : 1][row < rowCount ? row : row - rowCount].description
                }
                .joined(separator: ", ")
            }
            return TableError.joinCardinality(check: check.rawValue, side: side, keys: texts)
        }
        if check == .oneToOne {
            let left = duplicates(leftIds)
            if !left.isEmpty { throw cardinalityError(left, side: "left") }
        }
        if check != .none {
            let right = duplicates(rightIds)
            if !right.isEmpty { throw cardinalityError(right, side: "right") }
        }

        var leftRows: [Int] = []
        var rightRows: [Int] = []
        leftRows.reserveCapacity(rowCount)
        for (row, id) in leftIds.enumerated() {
            let matches = keyIds.hasNull[Int(id)] ? 0..<0 : offsets[Int(id)]..<offsets[Int(id) + 1]
            switch how {
            case .anti:
                if matches.isEmpty { leftRows.append(row) }
            case .inner, .left:
                if matches.isEmpty, how == .left {
                    leftRows.append(row)
                    rightRows.append(-1)
                }
                for match in matches {
                    leftRows.append(row)
                    rightRows.append(rows[match])
                }
            }
        }
        var named = Array(zip(columnNames, columns.map { $0.gathered(leftRows) }))
        if how != .anti {
            var taken = Set(columnNames)
            for (index, field) in other.schema.fields.enumerated() where !rightKeys.contains(index) {
                var name = field.name
                var suffix = 1
                while taken.contains(name) {
                    name = field.name + "_right" + (suffix == 1 ? "" : String(suffix))
                    suffix += 1
                }
                taken.insert(name)
                named.append((name, other.columns[index].gathered(rightRows, fill: .null)))
            }
        }
        return Table(
            unchecked: Schema(named.map { Schema.Field(name: $0.0, type: $0.1.type) }),
            named.map(\.1), rowCount: leftRows.count)
    }
}
