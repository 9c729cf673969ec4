import Foundation
import PlanScopeTestSupport
import Tabular
import Testing

/// Reads CSV text with the given options.
private func read(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> CSVReadResult {
    try CSVReader(options: options).readCSV(text: text, source: "t.csv")
}

/// The rows of a table as cells.
private func rows(_ table: Table) -> [[Cell]] { (0..<table.rowCount).map { table.row($0) } }

@Suite struct CSVReaderTests {
    @Test("reads quoted fields, doubled quotes and line breaks inside quotes")
    func rfc4180() throws {
        let result = try read("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"cr\r\nlf\"\n")
        #expect(result.table.columnNames == ["a", "b"])
        #expect(
            rows(result.table) == [
                [.string("x,y"), .string("say \"hi\"")],
                [.string("two\nlines"), .string("cr\r\nlf")],
            ])
        result.table.checkInvariants()
    }

    @Test("takes LF, CRLF and lone CR line endings, with or without a final one")
    func lineEndings() throws {
        for text in ["a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r", "a,b\n1,2\n3,4"] {
            let result = try read(text)
            #expect(rows(result.table) == [[.int(1), .int(2)], [.int(3), .int(4)]], "\(text.debugDescription)")
        }
    }

    @Test("skips a UTF-8 byte order mark")
    func byteOrderMark() throws {
        let result = try CSVReader().readCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("名称,n\n北京,1\n".utf8), source: "t.csv")
        #expect(result.table.columnNames == ["名称", "n"])
        #expect(rows(result.table) == [[.string("北京"), .int(1)]])
    }

    @Test("keeps null apart from the empty string")
    func nullAndEmpty() throws {
        let result = try read("s,n\n,\n\"\",\"\"\nx,1\n")
        #expect(rows(result.table) == [[.null, .null], [.string(""), .null], [.string("x"), .int(1)]])
    }

    @Test("reads unquoted null tokens as null but keeps quoted ones as text")
    func nullTokens() throws {
        let result = try read("s,n\nNA,NA\n\"NA\",2\n", CSVReadOptions(nullTokens: ["NA"]))
        #expect(rows(result.table) == [[.null, .null], [.string("NA"), .int(2)]])
    }

    @Test("gives an empty file an empty table with no columns")
    func emptyFile() throws {
        for bytes in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
            let result = try CSVReader().readCSV(bytes: bytes, source: "empty.csv")
            #expect(result.table.columnNames.isEmpty)
            #expect(result.table.rowCount == 0)
            #expect(result.inferenceReport == "")
        }
    }

    @Test("gives a header with no rows empty text columns")
    func headerOnly() throws {
        let result = try read("a,b\n")
        #expect(result.table.columnNames == ["a", "b"])
        #expect(result.table.rowCount == 0)
        #expect(result.inferenceReport == "a: string (no values)\nb: string (no values)")
        result.table.checkInvariants()
    }

    @Test("skips blank lines in a table of several columns but reads them as nulls in one of one")
    func blankLines() throws {
        #expect(rows(try read("a,b\n1,2\n\n3,4\n").table) == [[.int(1), .int(2)], [.int(3), .int(4)]])
        #expect(rows(try read("a\n1\n\n3\n").table) == [[.int(1)], [.null], [.int(3)]])
    }

    @Test("reads TSV with the same quoting")
    func tsv() throws {
        let result = try read("a\tb\n\"x\ty\"\t2\n", CSVReadOptions(dialect: .tsv))
        #expect(rows(result.table) == [[.string("x\ty"), .int(2)]])
    }

    @Test("uses the schema's types and infers the columns it does not name")
    func schemaTypes() throws {
        let schema = Schema([
            .init(name: "code", type: .string), .init(name: "v", type: .double),
            .init(name: "ok", type: .bool),
        ])
        let result = try read("code,v,ok,n\n007,1,TRUE,5\n010,NaN,false,6\n", CSVReadOptions(schema: schema))
        #expect(result.table.schema.fields.map(\.type) == [.string, .double, .bool, .int64])
        #expect(result.table[0, 0] == .string("007"))
        #expect(result.table[0, 1] == .double(1))
        guard case .double(let nan) = result.table[1, 1] else { Issue.record("not a double"); return }
        #expect(nan.isNaN)
        #expect(
            result.inferenceReport == """
                code: string (from the schema)
                v: float (from the schema)
                ok: bool (from the schema)
                n: int (every value is a whole number of at most 15 digits)
                """)
    }

    @Test("reads doubles exactly")
    func exactDoubles() throws {
        let values = [
            "0.1", "1e-7", "123456.789", "2.2250738585072014e-308", "1.7976931348623157e308",
            "9007199254740993", "0.30000000000000004", "-4.5E+3", ".5", "5.",
        ]
        let schema = Schema([.init(name: "x", type: .double)])
        let result = try read("x\n" + values.joined(separator: "\n") + "\n", CSVReadOptions(schema: schema))
        for (row, text) in values.enumerated() {
            #expect(result.table[row, 0] == .double(Double(text)!), "\(text)")
        }
    }

    @Test("reads windows of a large file the same as the bytes in memory")
    func largeFile() throws {
        var text = "id,note,v\n"
        var generator = SeededGenerator(seed: 7)
        for row in 0..<60_000 {
            let long = String(repeating: "x", count: Int(generator.next() % 200))
            text += "\(row),\"\(long) \"\"q\"\"\nnext\",\(Double(row) / 8)\n"
        }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/large.csv"
        try AtomicFile.write(Array(text.utf8), to: path)
        let fromFile = try CSVReader().readCSV(path: path)
        let fromBytes = try read(text)
        #expect(fromFile.table.rowCount == 60_000)
        #expect(rows(fromFile.table) == rows(fromBytes.table))
        #expect(fromFile.table[59_999, 2] == .double(59_999.0 / 8))
    }

    @Test("grows the window for a record longer than it")
    func longRecord() throws {
        let long = String(repeating: "ab\"\"c\n", count: 1_000_000)
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/long.csv"
        try AtomicFile.write(Array("a,b\n1,\"\(long)\"\n2,x\n".utf8), to: path)
        let result = try CSVReader().readCSV(path: path)
        #expect(result.table.rowCount == 2)
        #expect(result.table[0, 1] == .string(String(repeating: "ab\"c\n", count: 1_000_000)))
        #expect(result.table[1, 0] == .int(2))
    }

    @Test("calls the progress callback with the bytes read, ending at the total")
    func progress() throws {
        let calls = ProgressLog()
        let options = CSVReadOptions(progress: { read, total in calls.add(read, total) })
        _ = try read("a\n1\n2\n", options)
        #expect(calls.entries == [[6, 6]])
    }

    @Test("names a file that cannot be opened")
    func missingFile() {
        #expect(throws: FileError.self) { try CSVReader().readCSV(path: "/nonexistent/x.csv") }
        do {
            _ = try CSVReader().readCSV(path: "/nonexistent/x.csv")
        } catch {
            #expect("\(error)" == "cannot open '/nonexistent/x.csv' (no such file or directory)")
        }
    }
}

/// Collects progress calls (the callback must be `Sendable`; the read calls it on this thread).
private final class ProgressLog: @unchecked Sendable {
    private(set) var entries: [[Int]] = []
    func add(_ read: Int, _ total: Int) { entries.append([read, total]) }
}

@Suite struct CSVColumnSelectionTests {
    @Test("keeps only the selected columns, in file order, still checking every record's shape")
    func selection() throws {
        let options = CSVReadOptions(columns: ["c", "a"])
        let result = try CSVReader(options: options).readCSV(text: "a,b,c\n1,x,2.5\n3,y,\n", source: "t.csv")
        #expect(result.table.columnNames == ["a", "c"])
        #expect(result.table.row(0) == [.int(1), .double(2.5)])
        #expect(result.table.row(1) == [.int(3), .null])
        let ragged = #expect(throws: CSVErrors.self) {
            try CSVReader(options: options).readCSV(text: "a,b,c\n1,x\n", source: "t.csv")
        }
        #expect(ragged?.errors.count == 1)
    }

    @Test("names a selected column that the header lacks")
    func missing() throws {
        let error = #expect(throws: CSVErrors.self) {
            try CSVReader(options: CSVReadOptions(columns: ["zz"])).readCSV(text: "a,b\n1,2\n", source: "t.csv")
        }
        #expect(
            error?.errors.first?.description.hasPrefix(
                "t.csv:1:1: expected a column 'zz' (the read asks for it), found no such column in the header") == true)
    }
}
