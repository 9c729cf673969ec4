extension Table {
    /// Checks that the columns match the schema, have equal lengths and
    /// validity bitmaps of the right size, and that names are unique.
    ///
    /// Tests call this after every verb, as swift-collections does with `_checkInvariants()`.
    public func checkInvariants() {
        precondition(
            columns.count == schema.fields.count,
            "table has \(columns.count) columns but its schema \(schema.fields.count)")
        precondition(Set(schema.names).count == schema.names.count, "duplicate column names \(schema.names)")
        for (field, column) in zip(schema.fields, columns) {
            precondition(
                column.type == field.type,
                "column '\(field.name)' is \(column.type) but the schema says \(field.type)")
            precondition(
                column.count == rowCount,
                "column '\(field.name)' has \(column.count) rows, table \(rowCount)")
            precondition(
                column.validity.count == rowCount,
                "column '\(field.name)' validity covers \(column.validity.count) rows, table \(rowCount)")
        }
    }
}
