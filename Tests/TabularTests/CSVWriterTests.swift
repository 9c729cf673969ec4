import Foundation
import PlanScopeTestSupport
import Tabular
import Testing

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

private func rows(_ table: Table) -> [[Cell]] { (0..<table.rowCount).map { table.row($0) } }

/// A table of every type with nulls, empty strings and awkward text.
private func awkwardTable() throws -> Table {
    try Table([
        (
            "name",
            Column(
                type: .string,
                cells: [
                    .string("plain"), .string("a,b"), .string("say \"hi\""),
                    .string("two\nlines"), .string(""), .null, .string("cr\r\nlf"),
                    .string("tab\there"), .string("北京"),
                ])
        ),
        (
            "n",
            Column(
                type: .int64,
                cells: [
                    .int(1), .int(-2), .null, .int(Int64.max), .int(0), .int(7),
                    .int(8), .int(9), .int(10),
                ])
        ),
        (
            "x",
            Column(
                type: .double,
                cells: [
                    .double(0.1), .double(-1e300), .double(2.5), .null,
                    .double(.nan), .double(.infinity), .double(1e15), .double(3),
                    .double(0.30000000000000004),
                ])
        ),
        (
            "ok",
            Column(
                type: .bool,
                cells: [
                    .bool(true), .bool(false), .null, .bool(true), .bool(true),
                    .bool(false), .bool(true), .bool(false), .null,
                ])
        ),
        (
            "day",
            Column(
                type: .date,
                cells: [
                    .date(CalendarDate(iso: "2013-01-31")!), .null,
                    .date(CalendarDate(iso: "1899-12-31")!), .date(CalendarDate(daysSinceEpoch: 0)),
                    .null, .null, .null, .null, .null,
                ])
        ),
    ])
}

/// Whether two cells are equal, counting NaN as equal to NaN.
private func same(_ a: [[Cell]], _ b: [[Cell]]) -> Bool {
    a.count == b.count
        && zip(a, b).allSatisfy { rowA, rowB in
            rowA.count == rowB.count
                && zip(rowA, rowB).allSatisfy { x, y in
                    if case .double(let p) = x, case .double(let q) = y, p.isNaN, q.isNaN { return true }
                    return x == y
                }
        }
}

@Suite struct CSVWriterTests {
    @Test("writes RFC 4180 fields, with null as an empty field and the empty string quoted")
    func plainBytes() throws {
        let table = try Table([
            ("s", Column(type: .string, cells: [.string("a,b"), .string("q\"q"), .string(""), .null])),
            ("v", Column(type: .double, cells: [.double(1.5), .null, .double(2), .double(0.1)])),
        ])
        assertEqualText(text(CSVWriter().csvBytes(table)), "s,v\n\"a,b\",1.5\n\"q\"\"q\",\n\"\",2\n,0.1\n")
    }

    @Test("round-trips every type, nulls, empty strings, quotes, line breaks and CRLF")
    func roundTrip() throws {
        let table = try awkwardTable()
        for options in [
            CSVWriteOptions(), CSVWriteOptions(dialect: .tsv),
            CSVWriteOptions(dialect: CSVDialect.csv.with(lineEnding: .crlf)),
        ] {
            let bytes = CSVWriter(options: options).csvBytes(table)
            let back = try CSVReader(options: CSVReadOptions(dialect: options.dialect, schema: table.schema))
                .readCSV(bytes: bytes, source: "t.csv")
            #expect(back.table.schema == table.schema)
            #expect(same(rows(back.table), rows(table)), "\(text(bytes))")
        }
    }

    @Test("round-trips random tables, including through a file with a byte order mark")
    func randomRoundTrip() throws {
        var generator = SeededGenerator(seed: 2013)
        let alphabet = Array("ab,\"\n\r\t 省x")
        var strings: [Cell] = []
        var doubles: [Cell] = []
        for _ in 0..<500 {
            let length = Int(generator.next() % 6)
            let value = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            strings.append(generator.next() % 10 == 0 ? .null : .string(value))
            doubles.append(.double(Double(bitPattern: generator.next() >> 2)))
        }
        let table = try Table([
            ("s", try Column(type: .string, cells: strings)),
            ("d", try Column(type: .double, cells: doubles)),
        ])
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/random.csv"
        try CSVWriter().writeCSV(table, to: path)
        let back = try CSVReader(options: CSVReadOptions(schema: table.schema)).readCSV(path: path)
        #expect(rows(back.table) == rows(table))
        let withMark = [0xEF, 0xBB, 0xBF] + CSVWriter().csvBytes(table)
        let marked = try CSVReader(options: CSVReadOptions(schema: table.schema)).readCSV(bytes: withMark, source: "m")
        #expect(rows(marked.table) == rows(table))
    }

    @Test("round-trips a header with no rows, and a table with no columns as no bytes")
    func emptyTables() throws {
        let empty = Table(empty: Schema([.init(name: "a", type: .string), .init(name: "b", type: .string)]))
        let bytes = CSVWriter().csvBytes(empty)
        #expect(text(bytes) == "a,b\n")
        let back = try CSVReader().readCSV(bytes: bytes, source: "e.csv")
        #expect(back.table.schema == empty.schema && back.table.rowCount == 0)
        #expect(CSVWriter().csvBytes(Table(empty: Schema([]))).isEmpty)
    }

    @Test("writes the Excel profile byte for byte")
    func excelProfile() throws {
        let table = try Table([
            (
                "=name",
                Column(
                    type: .string,
                    cells: [
                        .string("=SUM(A1)"), .string("+1"), .string("-x"),
                        .string("@cmd"), .string("\tpad"), .string("007"),
                        .string("12345678901234567"), .string("0"), .string("plain"),
                        .null, .string(""),
                    ])
            ),
            (
                "n",
                Column(
                    type: .int64,
                    cells: [
                        .int(-5), .int(1), .null, .int(7), .int(0), .int(7), .int(1),
                        .int(2), .int(3), .int(4), .int(5),
                    ])
            ),
        ])
        let bytes = CSVWriter(options: CSVWriteOptions(excel: true)).csvBytes(table)
        let expected: [UInt8] =
            [0xEF, 0xBB, 0xBF]
            + Array(
                ("'=name,n\r\n"
                    + "'=SUM(A1),-5\r\n"
                    + "'+1,1\r\n"
                    + "'-x,\r\n"
                    + "'@cmd,7\r\n"
                    + "'\tpad,0\r\n"
                    + "\"=\"\"007\"\"\",7\r\n"
                    + "\"=\"\"12345678901234567\"\"\",1\r\n"
                    + "0,2\r\n"
                    + "plain,3\r\n"
                    + ",4\r\n"
                    + "\"\",5\r\n").utf8)
        #expect(bytes == expected, "\(text(bytes).debugDescription)")
    }

    @Test("writes the null text for null in every type, and quotes text that reads the same")
    func nullText() throws {
        let table = try Table([
            (
                "NA",
                Column(
                    storage: .string(.dictionary(codes: [0, 1, 2, 0], values: ["NA", "", "x"])),
                    validity: Validity([true, true, true, false]))
            ),
            ("s", Column(type: .string, cells: [.string("NA"), .string(""), .null, .string("NA ")])),
            ("n", Column(type: .int64, cells: [.int(1), .null, .int(3), .int(4)])),
            ("d", Column(type: .date, cells: [.null, .date(CalendarDate(daysSinceEpoch: 0)), .null, .null])),
        ])
        let bytes = CSVWriter(options: CSVWriteOptions(nullText: "NA")).csvBytes(table)
        // A header is never null, so a column named like the null text stays unquoted.
        assertEqualText(text(bytes), "NA,s,n,d\n\"NA\",\"NA\",1,NA\n\"\",\"\",NA,1970-01-01\nx,NA,3,NA\nNA,NA ,4,NA\n")
        let back = try CSVReader(options: CSVReadOptions(schema: table.schema, nullTokens: ["NA"]))
            .readCSV(bytes: bytes, source: "na.csv")
        #expect(rows(back.table) == rows(table))
    }

    @Test("quotes a null text that holds the delimiter, the quote or a line break, and never guards it for Excel")
    func nullTextNeedingQuotes() throws {
        let table = try Table([("s", Column(type: .string, cells: [.null, .string("-"), .string("a,b")]))])
        let csv = { (options: CSVWriteOptions) in text(CSVWriter(options: options).csvBytes(table)) }
        assertEqualText(csv(CSVWriteOptions(nullText: "n,a")), "s\n\"n,a\"\n-\n\"a,b\"\n")
        assertEqualText(csv(CSVWriteOptions(nullText: "say \"none\"")), "s\n\"say \"\"none\"\"\"\n-\n\"a,b\"\n")
        assertEqualText(csv(CSVWriteOptions(nullText: "two\nlines")), "s\n\"two\nlines\"\n-\n\"a,b\"\n")
        assertEqualText(csv(CSVWriteOptions(excel: true, nullText: "-")), "\u{FEFF}s\r\n-\r\n'-\r\n\"a,b\"\r\n")
    }

    @Test("writes the null text in TSV, quoted only for a tab, a quote or a line break")
    func nullTextTSV() throws {
        let table = try Table([
            ("s", Column(type: .string, cells: [.null, .string("n,a"), .string("n\ta"), .string("")])),
            ("n", Column(type: .int64, cells: [.int(1), .null, .int(3), .int(4)])),
        ])
        let tsv = { (nullText: String) in
            text(CSVWriter(options: CSVWriteOptions(dialect: .tsv, nullText: nullText)).csvBytes(table))
        }
        assertEqualText(tsv("n,a"), "s\tn\nn,a\t1\n\"n,a\"\tn,a\n\"n\ta\"\t3\n\"\"\t4\n")
        assertEqualText(tsv("n\ta"), "s\tn\n\"n\ta\"\t1\nn,a\t\"n\ta\"\n\"n\ta\"\t3\n\"\"\t4\n")
    }

    @Test("writes atomically: a failed write leaves the target and no temporary file")
    func atomicFailure() throws {
        struct Simulated: Error {}
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.csv"
        try AtomicFile.write(Array("old\n".utf8), to: path)
        #expect(throws: Simulated.self) {
            try AtomicFile.write(to: path) { output in
                try output.write(Array("new, half".utf8))
                throw Simulated()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }

    @Test("writes atomically: an existing target keeps its permissions and gets the new bytes")
    func atomicReplace() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.csv"
        try AtomicFile.write(Array("old\n".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let table = try Table([("a", Column(.int64([1, 2])))])
        try CSVWriter().writeCSV(table, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n1\n2\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.csv"])
    }

    @Test("says when the target directory does not exist")
    func missingDirectory() throws {
        let table = try Table([("a", Column(.int64([1])))])
        do {
            try CSVWriter().writeCSV(table, to: "/nonexistent-planscope/out.csv")
            Issue.record("the write succeeded")
        } catch let error as FileError {
            #expect(error.kind == .cannotCreate)
            #expect(error.description == "cannot create '/nonexistent-planscope/out.csv' (no such file or directory)")
        }
    }

    @Test("refuses a dialect whose delimiter and quote are the same")
    func badDialect() {
        #expect(throws: TableError.self) { try CSVDialect(delimiter: "\"") }
        #expect(throws: TableError.self) { try CSVDialect(delimiter: "\n") }
        #expect((try? CSVDialect(delimiter: ";"))?.delimiter == UInt8(ascii: ";"))
    }
}
