import Tabular

/// Reads the input as CSV. The first byte picks the options, the second the types of a
/// fixed schema; the rest is the file.
///
/// Flag bits of the first byte: 0 = fixed schema (else every type inferred), 1 = TSV,
/// 2 = rejects, 3 = `NA` is null, 4 = keep only the first header column. A fixed schema
/// names the header's fields (split naively, so some names miss and the read must fail
/// cleanly) with types chosen by the second byte, so typed parsing sees every column type.
/// Any thrown error is a correct outcome; only a crash or a sanitizer report is a finding.
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
        options.schema = Schema(names.enumerated().map { index, name in
            Schema.Field(name: name, type: types[(typeSeed >> (index % 3) + index) % types.count])
        })
    }
    if flags & 16 != 0, let first = names.first { options.columns = [first] }
    let reader = CSVReader(options: options)
    if let result = try? reader.readCSV(bytes: bytes, source: "fuzz.csv") {
        result.table.checkInvariants()
        result.rejects?.checkInvariants()
        _ = result.inferenceReport
    }
    return 0
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
