/// Collects the records set aside by the `rejects` option, and which records
/// they were, so a second scan can skip them too.
struct RejectsBuilder {
    private var lines = ColumnBuilder(type: .int64)
    private var columns = ColumnBuilder(type: .int64)
    private var messages = ColumnBuilder(type: .string)
    private var texts = ColumnBuilder(type: .string)
    /// The ordinals (among all records scanned) of the rejected records, ascending.
    private(set) var ordinals: [Int] = []

    /// Sets aside a record for its first problem; later problems of the same record are dropped.
    mutating func add(_ error: CSVError, ordinal: Int, text: String) {
        guard ordinals.last != ordinal else { return }
        ordinals.append(ordinal)
        lines.append(int: Int64(error.line))
        columns.append(int: Int64(error.column))
        messages.append(string: error.message)
        texts.append(string: text)
    }

    /// The rejects table: `line`, `column`, `message`, `text`.
    func table() -> Table {
        let columns = [
            ("line", lines.finish()), ("column", self.columns.finish()),
            ("message", messages.finish()), ("text", texts.finish()),
        ]
        return Table(
            unchecked: Schema(columns.map { Schema.Field(name: $0.0, type: $0.1.type) }),
            columns.map(\.1), rowCount: ordinals.count)
    }
}
