import Foundation
import PlanScopeTestSupport
import Tabular
import Testing

/// The description of the ``CSVErrors`` a read of `text` throws, or a recorded issue.
private func failure(
    _ text: String, _ options: CSVReadOptions = CSVReadOptions(), sourceLocation: SourceLocation = #_sourceLocation
) -> String {
    failure(Array(text.utf8), options, sourceLocation: sourceLocation)
}

private func failure(
    _ bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions(), source: String = "progress.csv",
    sourceLocation: SourceLocation = #_sourceLocation
) -> String {
    do {
        _ = try CSVReader(options: options).readCSV(bytes: bytes, source: source)
        Issue.record("the read succeeded", sourceLocation: sourceLocation)
    } catch let errors as CSVErrors {
        return errors.description
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
    return ""
}

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/csv").path

@Suite struct CSVErrorTests {
    @Test("names file, line and column of a value that does not fit the schema, and quotes the line")
    func badValue() {
        let schema = Schema([.init(name: "value", type: .double)])
        assertEqualText(
            failure(
                try! String(contentsOfFile: fixtures + "/progress.csv", encoding: .utf8),
                CSVReadOptions(schema: schema)),
            """
            progress.csv:3:15: expected a number in column 'value', found '1,2O0'
                2013Q2,120000,"1,2O0"
            progress.csv:4:14: expected 3 fields, found 2
                2013Q3,130000
            2 errors
            """)
    }

    @Test("words each schema type's expectation")
    func typeWords() {
        let schema = Schema([
            .init(name: "i", type: .int64), .init(name: "b", type: .bool),
            .init(name: "d", type: .date),
        ])
        assertEqualText(
            failure(
                "i,b,d\n1.5,yes,2013/01/02\n99999999999999999999,true,2013-02-30\n",
                CSVReadOptions(schema: schema)),
            """
            progress.csv:2:1: expected an integer in column 'i', found '1.5'
                1.5,yes,2013/01/02
            progress.csv:2:5: expected true or false in column 'b', found 'yes'
                1.5,yes,2013/01/02
            progress.csv:2:9: expected a date (YYYY-MM-DD) in column 'd', found '2013/01/02'
                1.5,yes,2013/01/02
            progress.csv:3:1: expected an integer in column 'i', found '99999999999999999999' (outside the 64-bit integer range)
                99999999999999999999,true,2013-02-30
            progress.csv:3:27: expected a date (YYYY-MM-DD) in column 'd', found '2013-02-30' (no such date)
                99999999999999999999,true,2013-02-30
            5 errors
            """)
    }

    @Test("reports ragged rows with the expected and found field counts")
    func raggedRows() {
        assertEqualText(
            failure("a,b,c\n1,2,3,4\n1,2\n\"x\ny\",2,3,4\n"),
            """
            progress.csv:2:7: expected 3 fields, found 4
                1,2,3,4
            progress.csv:3:4: expected 3 fields, found 2
                1,2
            progress.csv:5:8: expected 3 fields, found 4
                y",2,3,4
            3 errors
            """)
    }

    @Test("counts columns in characters, not bytes")
    func characterColumns() {
        let schema = Schema([.init(name: "n", type: .int64)])
        assertEqualText(
            failure("省份,n\n北京,x\n", CSVReadOptions(schema: schema)),
            """
            progress.csv:2:4: expected an integer in column 'n', found 'x'
                北京,x
            1 error
            """)
    }

    @Test("reports text after a closing quote and a quote left open")
    func malformedQuotes() {
        assertEqualText(
            failure("a,b\n\"x\"y,2\n3,\"open\n"),
            """
            progress.csv:2:4: expected a delimiter or line end after the closing quote, found 'y'
                "x"y,2
            progress.csv:3:3: expected a closing quote for the field starting here, found the end of the file
                3,"open
            2 errors
            """)
    }

    @Test("refuses empty and duplicate column names and schema columns missing from the header")
    func badHeader() {
        let schema = Schema([.init(name: "target", type: .double)])
        assertEqualText(
            failure("a,,a\n1,2,3\n", CSVReadOptions(schema: schema)),
            """
            progress.csv:1:3: expected a column name, found an empty field
                a,,a
            progress.csv:1:4: duplicate column name 'a' (first in field 1)
                a,,a
            progress.csv:1:1: expected a column 'target' (the schema names it), found no such column in the header
                a,,a
            3 errors
            """)
    }

    /// The fixture's first character, 省, is CA A1 in GBK, which happens to be
    /// valid UTF-8 (ʡ); the first bad byte is the next one.
    @Test("says a GBK file is not UTF-8 and how to convert it")
    func gbk() throws {
        do {
            _ = try CSVReader().readCSV(path: fixtures + "/gbk.csv")
            Issue.record("the read succeeded")
        } catch let errors as CSVErrors {
            let path = fixtures + "/gbk.csv"
            let converted = fixtures + "/gbk.utf8.csv"
            assertEqualText(
                errors.description,
                """
                \(path):1:2: file is not UTF-8 (it looks like GBK/GB18030); convert it with: \
                iconv -f GB18030 -t UTF-8 \(path) > \(converted)
                1 error
                """)
        }
    }

    @Test("locates the first byte that is not UTF-8, and refuses NUL bytes and UTF-16")
    func encodings() {
        assertEqualText(
            failure(Array("a,b\nok,x".utf8) + [0xFF, 0x41, 0x0A]),
            """
            progress.csv:2:5: file is not UTF-8 (invalid byte 0xFF)
            1 error
            """)
        assertEqualText(
            failure(Array("a\nx".utf8) + [0, 0x0A]),
            """
            progress.csv:2:2: expected text, found a NUL byte (is this a binary file?)
            1 error
            """)
        assertEqualText(
            failure([0xFF, 0xFE, 0x61, 0x00]),
            """
            progress.csv:1:1: file is UTF-16, not UTF-8; convert it with: iconv -f UTF-16 -t UTF-8 progress.csv
            1 error
            """)
    }

    @Test("stops after 100 problems and says so")
    func limit() {
        let text = "a,b\n" + String(repeating: "1\n", count: 150)
        let description = failure(text)
        let lines = description.split(separator: "\n")
        #expect(lines.count == 201)
        #expect(lines.last == "100 errors (reading stopped at 100)")
    }

    @Test("sets bad rows aside in a rejects table instead of failing")
    func rejects() throws {
        let schema = Schema([.init(name: "value", type: .double)])
        let text = "period,value\n2013Q1,1.5\n2013Q2,x\n2013Q3\n\"bad\"q,2\n2013Q4,2.5\n"
        let result = try CSVReader(options: CSVReadOptions(schema: schema, rejects: true))
            .readCSV(text: text, source: "p.csv")
        #expect(result.table.rowCount == 2)
        #expect(result.table[1, 0] == .string("2013Q4"))
        let rejects = try #require(result.rejects)
        #expect(rejects.columnNames == ["line", "column", "message", "text"])
        #expect(
            (0..<rejects.rowCount).map { rejects.row($0) } == [
                [.int(3), .int(8), .string("expected a number in column 'value', found 'x'"), .string("2013Q2,x")],
                [.int(4), .int(7), .string("expected 2 fields, found 1"), .string("2013Q3")],
                [
                    .int(5), .int(6), .string("expected a delimiter or line end after the closing quote, found 'q'"),
                    .string("\"bad\"q,2"),
                ],
            ])
    }

    @Test("keeps rows in line when a column widens to text after rejected rows")
    func rejectsWithWidening() throws {
        let text = "k,v\n1,a\n2\n3,b\n\n4,c\nx,d\n"
        let result = try CSVReader(options: CSVReadOptions(rejects: true)).readCSV(text: text, source: "p.csv")
        #expect(result.table.schema.fields.map(\.type) == [.string, .string])
        #expect(
            (0..<result.table.rowCount).map { result.table[$0, 0] }
                == [.string("1"), .string("3"), .string("4"), .string("x")])
        #expect(result.rejects?.rowCount == 1)
    }
}
