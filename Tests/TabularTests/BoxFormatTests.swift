import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct BoxFormatTests {
    /// Provinces and SIPO departments: the Chinese names the box must line up.
    static func provinces() throws -> Table {
        try Table([
            (
                "province",
                Column(
                    .string(
                        .plain([
                            "北京市", "内蒙古自治区", "新疆生产建设兵团", "Hong Kong", "广西壮族自治区",
                        ])))
            ),
            (
                "lead_department",
                Column(
                    .string(
                        .plain([
                            "专利管理司", "条法司", "保护协调司", "Office 办公室", "人事教育部",
                        ])))
            ),
            ("measures", Column(.int64([12, 7, 3, 0, 15]))),
        ])
    }

    /// The width of a box line counted independently of ``DisplayWidth``: CJK
    /// ideographs 2, everything else in these tables (ASCII, box drawing, "…") 1.
    static func independentWidth(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }

    @Test("lines up Chinese province and department names, line for line")
    func chineseAlignment() throws {
        let text = render(try BoxFormatTests.provinces(), as: .box)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 10)
        let widths = lines.map { BoxFormatTests.independentWidth($0) }
        #expect(Set(widths).count == 1, "line widths differ: \(widths)")
        #expect(lines.map { DisplayWidth.measure($0) } == widths)
        // Every column border sits at the same display column on every line.
        func borderColumns(_ line: Substring) -> [Int] {
            var column = 0
            var result: [Int] = []
            for character in line {
                if "│┌┐└┘├┤┬┴┼".contains(character) { result.append(column) }
                column += DisplayWidth.measure(character)
            }
            return result
        }
        #expect(Set(lines.map(borderColumns)).count == 1)
        assertSnapshot(text, named: "box-chinese")
    }

    @Test("shows nulls as NULL, empty strings as nothing, numbers right-aligned")
    func nullsAndAlignment() throws {
        let table = try Table([
            ("name", try Column(type: .string, cells: [.string(""), .null, .string("NULLS")])),
            ("n", try Column(type: .int64, cells: [.int(-5), .null, .int(1234)])),
        ])
        assertEqualText(
            render(table, as: .box),
            """
            ┌────────┬──────┐
            │  name  │  n   │
            │ string │ int  │
            ├────────┼──────┤
            │        │   -5 │
            │ NULL   │ NULL │
            │ NULLS  │ 1234 │
            └────────┴──────┘

            """)
    }

    @Test("keeps newlines and tabs inside values from breaking the box")
    func controlCharacters() throws {
        let table = try Table([("note", Column(.string(.plain(["two\nlines", "a\tb"]))))])
        assertEqualText(
            render(table, as: .box, options: RenderOptions(title: "notes\n")),
            #"""
            notes\n
            ┌────────────┐
            │    note    │
            │   string   │
            ├────────────┤
            │ two\nlines │
            │ a\tb       │
            └────────────┘

            """#)
    }

    @Test("elides middle rows on a terminal and says so in the footer")
    func rowElision() throws {
        let table = try Table([
            ("id", Column(.int64(Array(1...100)))),
            ("even", Column(.bool((1...100).map { $0 % 2 == 0 }))),
        ])
        let options = RenderOptions(elide: true, maxRows: 5)
        assertEqualText(
            render(table, as: .box, options: options),
            """
            ┌─────┬───────┐
            │ id  │ even  │
            │ int │ bool  │
            ├─────┼───────┤
            │   1 │ false │
            │   2 │ true  │
            │   3 │ false │
            │   … │ …     │
            │  99 │ false │
            │ 100 │ true  │
            └─────┴───────┘
            100 rows (5 shown) · 2 columns

            """)
    }

    @Test("shows every row within maxRows + 3, and every row when not eliding")
    func noRowElision() throws {
        let small = try Table([("id", Column(.int64(Array(1...13))))])
        let options = RenderOptions(elide: true, maxRows: 10)
        #expect(render(small, as: .box, options: options).split(separator: "\n").count == 13 + 5)
        let large = try Table([("id", Column(.int64(Array(1...500))))])
        let plain = render(large, as: .box, options: RenderOptions(maxRows: 10, maxWidth: 10))
        #expect(plain.split(separator: "\n").count == 500 + 5)
        #expect(!plain.contains("…") && !plain.contains("rows"))
    }

    @Test("groups footer counts by thousands with the terminal defaults")
    func footerCounts() throws {
        let columns = (1...12).map {
            ("c\($0)", Column(.int64(Array(repeating: $0, count: 1_204))))
        }
        let table = try Table(columns)
        // Each column is 3 wide plus 3 of padding and border; with the "…" column
        // and the closing border, 7 of them take exactly 1 + 7 × 6 + 4 = 47 columns.
        let text = render(table, as: .box, options: .terminal(width: 47, colour: false))
        let lines = text.split(separator: "\n")
        #expect(lines.last == "1,204 rows (40 shown) · 12 columns (7 shown)")
        #expect(lines.count == 4 + 40 + 1 + 1 + 1)
        #expect(lines.dropLast().allSatisfy { DisplayWidth.measure($0) == 47 })
        let narrower = render(table, as: .box, options: .terminal(width: 46, colour: false))
        #expect(
            narrower.split(separator: "\n").last
                == "1,204 rows (40 shown) · 12 columns (6 shown)")
    }

    @Test("keeps columns from both ends that fit the width, with a … column between")
    func columnElision() throws {
        let table = try Table((1...6).map { ("column_\($0)", Column(.int64([Int64($0)]))) })
        assertEqualText(
            render(table, as: .box, options: .terminal(width: 50, colour: false)),
            """
            ┌──────────┬──────────┬───┬──────────┬──────────┐
            │ column_1 │ column_2 │ … │ column_5 │ column_6 │
            │   int    │   int    │   │   int    │   int    │
            ├──────────┼──────────┼───┼──────────┼──────────┤
            │        1 │        2 │ … │        5 │        6 │
            └──────────┴──────────┴───┴──────────┴──────────┘
            1 row · 6 columns (4 shown)

            """)
    }

    @Test("narrows a column wider than the terminal rather than show none")
    func narrowFirstColumn() throws {
        let table = try Table([
            ("description", Column(.string(.plain(["a long description of a work measure"])))),
            ("n", Column(.int64([1]))),
        ])
        assertEqualText(
            render(table, as: .box, options: .terminal(width: 20, colour: false)),
            """
            ┌──────────────┬───┐
            │ description  │ … │
            │    string    │   │
            ├──────────────┼───┤
            │ a long desc… │ … │
            └──────────────┴───┘
            1 row · 2 columns (1 shown)

            """)
    }

    @Test("cuts long values by display width on a terminal and never elsewhere")
    func valueTruncation() throws {
        let name = "国家知识产权局专利局专利审查协作北京中心"
        let table = try Table([("unit", Column(.string(.plain([name]))))])
        let options = RenderOptions(elide: true, maxColumnWidth: 11)
        assertEqualText(
            render(table, as: .box, options: options),
            """
            ┌─────────────┐
            │    unit     │
            │   string    │
            ├─────────────┤
            │ 国家知识产… │
            └─────────────┘

            """)
        #expect(render(table, as: .box).contains(name))
    }

    @Test("colours names bold and types and nulls dim only when asked")
    func colour() throws {
        let table = try Table([("n", try Column(type: .int64, cells: [.int(1), .null]))])
        assertEqualText(
            render(table, as: .box, options: RenderOptions(colour: true)),
            """
            ┌──────┐
            │  \u{1B}[1mn\u{1B}[0m   │
            │ \u{1B}[2mint\u{1B}[0m  │
            ├──────┤
            │    1 │
            │ \u{1B}[2mNULL\u{1B}[0m │
            └──────┘

            """)
        #expect(!render(table, as: .box).contains("\u{1B}"))
    }
}
