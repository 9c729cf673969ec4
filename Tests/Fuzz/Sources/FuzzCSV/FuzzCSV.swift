import Tabular

/// Reads the input as CSV. The first byte picks the options, the second the types of a
/// fixed schema; the rest is the file.
///
/// Flag bits of the first byte: 0 = fixed schema (else every type inferred), 1 = TSV,
/// 2 = rejects, 3 = `NA` is null, 4 = keep only the first header column. A fixed schema
/// names the header's fields (split naively, so some names miss and the read must fail
/// cleanly) with types chosen by the second byte, so typed parsing sees every column type.
/// Bits 5 to 7 give a number of threads, 1 to 8: above 1 the input is read again cut into
/// that many chunks, and the two reads must agree (the same table down to dictionary codes,
/// the same notes, or the same errors), as `CSVReadOptions.threads` promises.
/// Any thrown error is a correct outcome; only a crash, a sanitizer report or a
/// disagreement between the two reads is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let flags = data[0]
    let typeSeed = Int(data[1])
    let bytes = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    var options = CSVReadOptions()
    if flags & 2 != 0 { options.dialect = .tsv }
    options.rejects = flags & 4 != 0
    if flags & 8 != 0 { options.nullTokens = ["NA"] }
    let names = headerNames(bytes, delimiter: options.dialect.delimiter)
    if flags & 1 != 0 {
        let types = ColumnType.allCases
        options.schema = Schema(
            names.enumerated().map { index, name in
                Schema.Field(name: name, type: types[(typeSeed >> (index % 3) + index) % types.count])
            })
    }
    if flags & 16 != 0, let first = names.first { options.columns = [first] }
    options.threads = 1
    let threads = 1 + Int(flags >> 5)
    guard threads > 1 else {
        _ = try? read(bytes, options)
        return 0
    }
    let oneThread = outcome(bytes, options)
    options.threads = threads
    let chunked = outcome(bytes, options)
    if chunked != oneThread {
        fatalError("\(threads) chunks read differently from one:\n\(chunked)\n---\n\(oneThread)")
    }
    return 0
}

/// Reads once and checks the tables' invariants.
private func read(_ bytes: [UInt8], _ options: CSVReadOptions) throws -> CSVReadResult {
    let result = try CSVReader(options: options).readCSV(bytes: bytes, source: "fuzz.csv")
    result.table.checkInvariants()
    result.rejects?.checkInvariants()
    _ = result.inferenceReport
    return result
}

/// Everything one read gives, as text: the tables' storage and nulls and the inference
/// notes, or the error.
private func outcome(_ bytes: [UInt8], _ options: CSVReadOptions) -> String {
    do {
        let result = try read(bytes, options)
        return [result.table, result.rejects].compactMap { $0 }.map(describe).joined(separator: "\n")
            + "\n" + result.inferenceReport
    } catch {
        return "error: \(error)"
    }
}

private func describe(_ table: Table) -> String {
    zip(table.schema.fields, table.columns).map { field, column in
        "\(field.name) \(field.type) \(column.storage) \(column.validity)"
    }.joined(separator: "\n")
}

/// The first line split on `delimiter` with quotes dropped, as a fixed schema's names.
private func headerNames(_ bytes: [UInt8], delimiter: UInt8) -> [String] {
    let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
    var seen: [String] = []
    for field in line.split(separator: delimiter, omittingEmptySubsequences: false) {
        let name = String(decoding: field.filter { $0 != UInt8(ascii: "\"") }, as: UTF8.self)
        if !seen.contains(name) { seen.append(name) }
    }
    return seen
}
