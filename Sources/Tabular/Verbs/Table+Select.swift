extension Table {
    /// The named columns, in the order given.
    ///
    /// - Throws: ``TableError`` `unknownColumn`, or `duplicateColumn` when a name is given twice.
    /// - Complexity: O(columns); no values are copied.
    public func select(_ names: [String]) throws -> Table {
        let indices = try distinctColumnIndices(names)
        return Table(
            unchecked: Schema(indices.map { schema.fields[$0] }),
            indices.map { columns[$0] }, rowCount: rowCount)
    }

    /// The positions of the columns called `names`, which must not repeat.
    ///
    /// - Throws: ``TableError`` `unknownColumn` or `duplicateColumn`.
    func distinctColumnIndices(_ names: [String]) throws -> [Int] {
        var seen = Set<String>()
        return try names.map { name in
            guard seen.insert(name).inserted else { throw TableError.duplicateColumn(name) }
            return try columnIndex(name)
        }
    }

    /// The table with columns renamed, each `from` to its `to`, in place.
    ///
    /// - Throws: ``TableError`` `unknownColumn`; `duplicateColumn` when a new name is
    ///   already taken; `invalidArgument` when one column is renamed twice.
    /// - Complexity: O(columns); no values are copied.
    public func rename(_ renames: [(from: String, to: String)]) throws -> Table {
        var names = columnNames
        var renamed = Set<Int>()
        for rename in renames {
            let index = try columnIndex(rename.from)
            guard renamed.insert(index).inserted else {
                throw TableError.invalidArgument("column '\(rename.from)' is renamed twice")
            }
            names[index] = rename.to
        }
        return try Table(Array(zip(names, columns)))
    }
}
