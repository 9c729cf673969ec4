import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct PivotTests {
    let long = try! VerbFixture.table(
        """
        region:string | period:string | rate:float | note:string
        East | Q2 | 0.5 | a
        West | Q1 | 1 | b
        East | Q1 | 2 | c
        null | Q2 | null | d
        """)

    @Test("spreads values into columns in order of first appearance, filling gaps")
    func wider() throws {
        assertEqualText(
            VerbFixture.text(try long.pivot(rows: ["region"], columns: "period", values: "rate")),
            """
            region:string | Q2:float | Q1:float
            East | 0.5 | 2
            West | null | 1
            null | null | null
            """)
        let filled = try long.pivot(
            rows: ["region"], columns: "period", values: "rate", fill: .int(0))
        assertEqualText(
            VerbFixture.text(filled),
            """
            region:string | Q2:float | Q1:float
            East | 0.5 | 2
            West | 0 | 1
            null | null | 0
            """)
    }

    @Test("names columns by the text of int values, with no row columns giving one row")
    func intNamesNoRows() throws {
        let table = try VerbFixture.table("year:int | n:int\n2013 | 4\n2012 | 3")
        assertEqualText(
            VerbFixture.text(try table.pivot(rows: [], columns: "year", values: "n")),
            "2013:int | 2012:int\n4 | 3")
    }

    @Test("lists every cell that several rows would fill")
    func duplicates() throws {
        let table = try VerbFixture.table(
            """
            r:string | c:string | v:int
            a | x | 1
            a | x | 2
            b | y | 3
            b | y | 4
            a | x | 5
            null | y | 6
            null | y | 7
            """)
        #expect(
            VerbFixture.message { try table.pivot(rows: ["r"], columns: "c", values: "v") }
                == "pivot expected one value per cell, found several for: 'a, x', 'b, y', 'null, y'"
        )
    }

    @Test("lists the first ten duplicated cells and counts the rest")
    func manyDuplicates() throws {
        let rows = (0..<24).map { Int64($0 / 2) }
        let table = try Table([
            ("r", Column(.int64(rows))),
            ("c", Column(.string(.plain(Array(repeating: "x", count: 24))))),
            ("v", Column(.int64(rows))),
        ])
        let listed = (0..<10).map { "'\($0), x'" }.joined(separator: ", ")
        #expect(
            VerbFixture.message { try table.pivot(rows: ["r"], columns: "c", values: "v") }
                == "pivot expected one value per cell, found several for: \(listed) and 2 more")
    }

    @Test("refuses bad fills, null names, reused and clashing columns")
    func errors() throws {
        #expect(
            VerbFixture.message {
                try long.pivot(
                    rows: ["region"], columns: "period", values: "rate", fill: .string("-"))
            } == "column 'rate' is float, got string '-'")
        #expect(
            VerbFixture.message {
                try long.pivot(rows: ["period"], columns: "region", values: "rate")
            }
                == "pivot expected a name in column 'region', found null at row 4")
        #expect(
            VerbFixture.message {
                try long.pivot(rows: ["rate"], columns: "period", values: "rate")
            }
                == "pivot expected distinct row, names and values columns, got 'rate', 'period', 'rate'"
        )
        let clash = try VerbFixture.table("Q1:string | p:string | v:int\na | Q1 | 1")
        #expect(
            VerbFixture.message { try clash.pivot(rows: ["Q1"], columns: "p", values: "v") }
                == "duplicate column name 'Q1'")
    }

    @Test("pivots an empty table to its row columns")
    func emptyWider() throws {
        let empty = Table(empty: long.schema)
        assertEqualText(
            VerbFixture.text(try empty.pivot(rows: ["region"], columns: "period", values: "rate")),
            "region:string")
    }

    @Test("gathers columns longer, row by row, keeping nulls")
    func longer() throws {
        let wide = try VerbFixture.table(
            """
            region:string | q1:int | q2:float | other:bool
            East | 1 | 0.5 | true
            West | null | 2 | false
            """)
        assertEqualText(
            VerbFixture.text(try wide.longer(["q1", "q2"], namesTo: "period", valuesTo: "v")),
            """
            region:string | other:bool | period:string | v:float
            East | true | q1 | 1
            East | true | q2 | 0.5
            West | false | q1 | null
            West | false | q2 | 2
            """)
        let texts = try VerbFixture.table("a:string | b:string\nx | null\n\"\" | z")
        assertEqualText(
            VerbFixture.text(try texts.longer(["b", "a"])),
            """
            name:string | value:string
            b | null
            a | x
            b | z
            a | ""
            """)
    }

    @Test("undoes a pivot")
    func roundTrip() throws {
        let wide = try long.pivot(rows: ["region"], columns: "period", values: "rate")
        let back = try wide.longer(["Q2", "Q1"], namesTo: "period", valuesTo: "rate")
        let original = try long.select(["region", "period", "rate"])
        let restored = back.filter { row in back[row, 2] != .null }
        let expected = original.filter { row in original[row, 2] != .null }
        #expect(
            VerbFixture.text(try restored.orderBy([SortKey("region"), SortKey("period")]))
                == VerbFixture.text(try expected.orderBy([SortKey("region"), SortKey("period")])))
    }

    @Test("refuses mixed types, clashing names and an empty list when gathering")
    func longerErrors() throws {
        #expect(
            VerbFixture.message { try long.longer(["rate", "note"]) }
                == "column 'note' is string, expected float")
        #expect(
            VerbFixture.message { try long.longer(["rate"], namesTo: "region") }
                == "duplicate column name 'region'")
        #expect(
            VerbFixture.message { try long.longer([]) }
                == "longer expects at least one column to gather")
        assertEqualText(
            VerbFixture.text(try Table(empty: long.schema).longer(["note"])),
            "region:string | period:string | rate:float | name:string | value:string")
    }
}
