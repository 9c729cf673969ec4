import Foundation
import PlanScopeTestSupport
import Tabular
import Testing

/// Reads `text` with its data cut into `threads` chunks.
private func read(_ text: String, threads: Int, _ options: CSVReadOptions = CSVReadOptions()) throws -> CSVReadResult {
    var options = options
    options.threads = threads
    return try CSVReader(options: options).readCSV(text: text, source: "t.csv")
}

/// Everything a read produced, down to the dictionary codes and the validity
/// bits, so that two reads compare equal only when they are the same.
private func fingerprint(_ result: CSVReadResult) -> [String] {
    var lines = ["rows \(result.table.rowCount)", result.inferenceReport]
    for (field, column) in zip(result.table.schema.fields, result.table.columns) {
        lines.append("\(field.name) \(field.type) \(column.storage)")
        lines.append("\(field.name) nulls \((0..<column.count).filter { !column.validity.isValid($0) })")
    }
    return lines
}

/// Expects two fingerprints to be equal, showing only the first difference.
private func expectSame(
    _ found: [String], _ expected: [String], _ comment: Comment,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard found != expected else { return }
    let shorter = min(found.count, expected.count)
    let index = (0..<shorter).first { found[$0] != expected[$0] } ?? shorter
    let line = { (lines: [String]) in index < lines.count ? String(lines[index].prefix(300)) : "(none)" }
    Issue.record(
        "\(comment): first difference at line \(index): \(line(found)) != \(line(expected))",
        sourceLocation: sourceLocation)
}

/// A CSV text with what makes chunking hard: quoted fields with line breaks and
/// doubled quotes, blank lines, nulls and `""`, a number column whose later rows
/// may be all whole numbers, a mostly empty column, and one line-ending style.
private func trickyCSV(rows: Int, seed: UInt64) -> String {
    var generator = SeededGenerator(seed: seed)
    func pick<T>(_ choices: [T]) -> T { choices[Int(generator.next() % UInt64(choices.count))] }
    let newline = pick(["\n", "\r\n", "\r"])
    let notes = [
        "北京", "plain", "\"two\(newline)lines\"", "\"say \"\"hi\"\"\"", "\"a,b\"", "\"\"", "",
        "\"\(newline)\(newline)\"", "\"cr\rinside\"", "\"lf\ninside\"",
    ]
    var text = "id,note,value,flag,day,code,sparse" + newline
    for row in 0..<rows {
        let value = generator.next() % 4 == 0 ? "\(row).5" : generator.next() % 9 == 0 ? "" : "\(row % 97)"
        let flag = pick(["true", "FALSE", ""])
        let day = pick(["2013-01-31", "2013-12-01", ""])
        let code = pick(["007", "110000", "x1"])
        let sparse = generator.next() % 50 == 0 ? pick(["\"\"", "rare"]) : ""
        text += "\(row),\(pick(notes)),\(value),\(flag),\(day),\(code),\(sparse)" + newline
        if generator.next() % 40 == 0 { text += newline }
    }
    return text
}

@Suite struct CSVChunkedReadTests {
    @Test("reads the same table, codes and inference notes whatever the number of threads")
    func sameAsOneThread() throws {
        for seed in 1...24 as ClosedRange<UInt64> {
            let text = trickyCSV(rows: 40 + Int(seed) * 13, seed: seed)
            let expected = fingerprint(try read(text, threads: 1))
            for threads in [2, 3, 5, 16] {
                expectSame(fingerprint(try read(text, threads: threads)), expected, "seed \(seed), \(threads) threads")
            }
        }
    }

    @Test("reads a file on disk in chunks the same as in one pass")
    func file() throws {
        let text = trickyCSV(rows: 3_000, seed: 99)
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/chunks.csv"
        try AtomicFile.write(Array(text.utf8), to: path)
        let expected = fingerprint(try CSVReader(options: CSVReadOptions(threads: 1)).readCSV(path: path))
        for threads in [2, 7] {
            let chunked = try CSVReader(options: CSVReadOptions(threads: threads)).readCSV(path: path)
            expectSame(fingerprint(chunked), expected, "\(threads) threads")
        }
    }

    @Test("starts a chunk again where the one before ended when a cut falls inside a quoted line break")
    func cutInsideQuotes() throws {
        // One quoted field is most of the input, and its lines read as records
        // of the right shape, so a chunk that starts inside it finds no error:
        // only the check against where the chunk before ended catches it.
        let lines = (0..<400).map { "p\($0),q\($0)" }.joined(separator: "\n")
        let text = "k,v\na,b\nm,\"\(lines)\"\nc,d\ne,f\n"
        let expected = fingerprint(try read(text, threads: 1))
        for threads in 2...9 {
            expectSame(fingerprint(try read(text, threads: threads)), expected, "\(threads) threads")
        }
        #expect(try read(text, threads: 4).table.rowCount == 4)
    }

    @Test("reports an error in a later chunk at its true line, as one pass does")
    func errorInLaterChunk() throws {
        for quoted in [false, true] {
            var text = "n,s\n"
            for row in 0..<500 { text += quoted ? "\(row),\"q\nq\"\n" : "\(row),s\n" }
            text += "oops,x\n1,2,3\n"
            let options = CSVReadOptions(schema: Schema([.init(name: "n", type: .int64)]))
            let oneThread = #expect(throws: CSVErrors.self) { try read(text, threads: 1, options) }
            let fourThreads = #expect(throws: CSVErrors.self) { try read(text, threads: 4, options) }
            #expect(oneThread.map { "\($0)" } == fourThreads.map { "\($0)" })
            let line = quoted ? 1002 : 502
            #expect(fourThreads.map { "\($0)" }?.contains("t.csv:\(line):1") == true)
        }
    }

    @Test("infers a column as one pass does when only a later chunk holds text")
    func typeSetByLaterChunk() throws {
        var text = "label,n\n"
        for row in 0..<300 { text += "\(row + 1),\(row)\n" }
        text += "A-17,300\n"
        for row in 301..<600 { text += "\(row + 1),\(row)\n" }
        let expected = try read(text, threads: 1)
        #expect(expected.inferenceReport.contains("line 302"))
        for threads in [2, 3, 6] {
            expectSame(fingerprint(try read(text, threads: threads)), fingerprint(expected), "\(threads) threads")
        }
    }

    @Test("numbers text codes in order of first appearance when a later chunk widened to text")
    func laterChunkWidened() throws {
        // Both halves end as text, but the second starts with numbers and fills
        // those rows in afterwards, giving their codes out of row order.
        var text = "label\n"
        for row in 0..<400 { text += row < 10 || row >= 390 ? "t\(row % 3)\n" : "\(row % 20)\n" }
        let oneThread = try read(text, threads: 1)
        expectSame(fingerprint(try read(text, threads: 2)), fingerprint(oneThread), "2 threads")
    }

    @Test("keeps record numbers of rejected rows, reading in one pass")
    func rejects() throws {
        let text = "n\n1\nx\n2\n"
        let options = CSVReadOptions(schema: Schema([.init(name: "n", type: .int64)]), rejects: true)
        let result = try read(text, threads: 3, options)
        #expect(result.table.rowCount == 2)
        #expect(result.rejects?.rowCount == 1)
        #expect(result.rejects?[0, 0] == .int(3))
    }

    @Test("reports progress that only moves forward and ends at the total")
    func progress() throws {
        let text = trickyCSV(rows: 2_000, seed: 5)
        let log = ProgressLog()
        _ = try read(text, threads: 2, CSVReadOptions(progress: { read, total in log.add(read, total) }))
        let reads = log.entries.map { $0[0] }
        #expect(reads == reads.sorted())
        #expect(log.entries.last == [text.utf8.count, text.utf8.count])
    }
}

/// Collects progress calls. One thread calls at a time (the first chunk's, then
/// the caller's), so the log needs no lock.
private final class ProgressLog: @unchecked Sendable {
    private(set) var entries: [[Int]] = []
    func add(_ read: Int, _ total: Int) { entries.append([read, total]) }
}
