import PlanScopeTestSupport
import Tabular
import Testing

/// A small table with what renderers get wrong: nulls, empty strings, quotes,
/// separators and newlines inside values, CJK and accented text, NaN, and the
/// extremes of Int64.
enum RenderSample {
    static func table() throws -> Table {
        let date = { (text: String) in Cell.date(CalendarDate(iso: text)!) }
        return try Table([
            (
                "province",
                try Column(
                    type: .string,
                    cells: [
                        .string("北京"), .string(""), .null, .string("Zürich \"HQ\""),
                        .string("a|b,c\nd"),
                    ])
            ),
            (
                "plans",
                try Column(
                    type: .int64,
                    cells: [
                        .int(3), .int(-12), .int(.max), .null, .int(.min),
                    ])
            ),
            (
                "rate",
                try Column(
                    type: .double,
                    cells: [
                        .double(0.5), .double(-1.25), .null, .double(1e20), .double(.nan),
                    ])
            ),
            (
                "done",
                try Column(
                    type: .bool,
                    cells: [
                        .bool(true), .bool(false), .null, .bool(true), .bool(false),
                    ])
            ),
            (
                "due",
                try Column(
                    type: .date,
                    cells: [
                        date("2013-03-31"), .null, date("1970-01-01"), date("2012-12-26"),
                        date("2013-12-31"),
                    ])
            ),
        ])
    }
}

@Suite struct RenderFormatTests {
    @Test("finds every format by its name and no other")
    func names() {
        #expect(RenderFormat.names == ["box", "csv", "tsv", "json", "ndjson", "markdown", "line"])
        for format in RenderFormat.allCases { #expect(RenderFormat(name: format.name) == format) }
        #expect(RenderFormat(name: "xlsx") == nil)
        #expect(RenderFormat(name: "CSV") == nil)
    }

    @Test("renders the sample table in every format as recorded", arguments: RenderFormat.allCases)
    func snapshot(format: RenderFormat) throws {
        assertSnapshot(render(try RenderSample.table(), as: format), named: "sample-\(format.name)")
    }

    @Test("keeps 64-bit integers exact in JSON and writes non-finite doubles as null")
    func jsonNumbers() throws {
        let table = try Table([
            ("n", Column(.int64([.max, .min, 9_007_199_254_740_993]))),
            ("x", Column(.double([0.1, .infinity, -.infinity]))),
        ])
        assertEqualText(
            render(table, as: .json),
            """
            [
              {"n":9223372036854775807,"x":0.1},
              {"n":-9223372036854775808,"x":null},
              {"n":9007199254740993,"x":null}
            ]

            """)
        assertEqualText(
            render(table, as: .ndjson),
            """
            {"n":9223372036854775807,"x":0.1}
            {"n":-9223372036854775808,"x":null}
            {"n":9007199254740993,"x":null}

            """)
    }

    @Test("escapes JSON strings per RFC 8259 and keeps other text as UTF-8")
    func jsonStrings() throws {
        let table = try Table([
            ("键 \"k\"", Column(.string(.plain(["tab\there\\", "\u{1}\u{1F}\u{8}\u{C}", "北京 😀"]))))
        ])
        assertEqualText(
            render(table, as: .ndjson),
            #"""
            {"键 \"k\"":"tab\there\\"}
            {"键 \"k\"":"\u0001\u001F\b\f"}
            {"键 \"k\"":"北京 😀"}

            """#)
    }

    @Test("quotes CSV fields only when needed and keeps null apart from the empty string")
    func csvQuoting() throws {
        let table = try Table([
            (
                "name, full",
                try Column(
                    type: .string,
                    cells: [
                        .string(""), .null, .string("say \"hi\""), .string("two\nlines"),
                        .string("plain"),
                    ])
            ),
            ("n", try Column(type: .int64, cells: [.int(1), .null, .int(-3), .int(4), .int(5)])),
        ])
        assertEqualText(
            render(table, as: .csv),
            """
            "name, full",n
            "",1
            ,
            "say ""hi\""",-3
            "two
            lines",4
            plain,5

            """)
        assertEqualText(
            render(table, as: .csv, options: RenderOptions(nullText: "NA")),
            """
            "name, full",n
            "",1
            NA,NA
            "say ""hi\""",-3
            "two
            lines",4
            plain,5

            """)
    }

    @Test("writes the null text in csv and tsv, quoted only where it holds the separator")
    func delimitedNullText() throws {
        let table = try Table([
            ("s", try Column(type: .string, cells: [.null, .string(""), .string("a\tb")])),
            ("n", try Column(type: .int64, cells: [.int(1), .null, .int(3)])),
        ])
        let options = RenderOptions(nullText: "n/a, none")
        assertEqualText(
            render(table, as: .csv, options: options),
            "s,n\n\"n/a, none\",1\n\"\",\"n/a, none\"\na\tb,3\n")
        assertEqualText(
            render(table, as: .tsv, options: options),
            "s\tn\nn/a, none\t1\n\"\"\tn/a, none\n\"a\tb\"\t3\n")
    }

    @Test("renders a table with no columns as an empty header line in csv and tsv")
    func delimitedNoColumns() {
        let table = Table(empty: Schema([]))
        assertEqualText(render(table, as: .csv), "\n")
        assertEqualText(render(table, as: .tsv), "\n")
    }

    @Test("renders a table with no rows as its header alone, or as nothing")
    func emptyTable() throws {
        let table = try Table([
            ("province", Column(.string(.plain([])))), ("plans", Column(.int64([]))),
        ])
        assertEqualText(render(table, as: .csv), "province,plans\n")
        assertEqualText(render(table, as: .tsv), "province\tplans\n")
        assertEqualText(render(table, as: .json), "[]\n")
        assertEqualText(render(table, as: .ndjson), "")
        assertEqualText(render(table, as: .line), "")
        assertEqualText(
            render(table, as: .markdown),
            """
            | province | plans |
            |----------|------:|

            """)
        assertEqualText(
            render(table, as: .box),
            """
            ┌──────────┬───────┐
            │ province │ plans │
            │  string  │  int  │
            └──────────┴───────┘
            0 rows · 2 columns

            """)
    }

    @Test("writes to a text stream the caller supplies, the same text as the string form")
    func sink() throws {
        let table = try RenderSample.table()
        for format in RenderFormat.allCases {
            var stream = LineCounter()
            render(table, as: format, to: &stream)
            #expect(stream.text == render(table, as: format), "\(format.name)")
            #expect(stream.writes > 1, "\(format.name) should write line by line")
        }
    }
}

/// A sink that remembers how many writes it got.
private struct LineCounter: TextOutputStream {
    var text = ""
    var writes = 0
    mutating func write(_ string: String) {
        text += string
        writes += 1
    }
}
