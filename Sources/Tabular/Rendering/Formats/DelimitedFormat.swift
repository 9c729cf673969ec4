/// Writes a table as delimited text: CSV (RFC 4180) or, with a tab, TSV.
///
/// The fields come from ``CSVWriter``, so that the quoting rules live in one
/// place: a header row of column names comes first; lines end in `\n`. A field
/// is quoted when it holds the separator, a quote, CR or LF, with quotes
/// doubled. Null is written as the null text (empty by default), and a string
/// that would read back as null, such as the empty string, is quoted (`""`), so
/// null and "" stay apart, as DuckDB writes them. Numbers are written exactly,
/// with no thousands separators.
struct DelimitedFormat {
    /// `,` for CSV or a tab for TSV.
    let separator: Character
    let options: RenderOptions

    func write<Target: TextOutputStream>(_ table: Table, to target: inout Target) {
        // Every rendering has its header line, so a table with no columns gets an
        // empty one, where the writer writes no bytes at all.
        guard !table.columns.isEmpty else { return target.write("\n") }
        let writer = CSVWriter(
            options: CSVWriteOptions(
                dialect: separator == "\t" ? .tsv : .csv, nullText: options.nullText ?? ""))
        // A flush after every line keeps memory bounded on large tables and
        // hands the target whole lines, as the other renderers do.
        writer.encode(table, flushEvery: 1) { target.write(String(decoding: $0, as: UTF8.self)) }
    }
}
