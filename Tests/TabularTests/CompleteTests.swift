import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct CompleteTests {
    let reports = try! VerbFixture.table(
        """
        province:string | period:string | count:int | note:string
        11 | Q2 | 3 | a
        51 | Q1 | 1 | b
        11 | Q1 | 2 | c
        11 | Q2 | 4 | d
        """)

    @Test("adds every missing combination, in combination order, filled with null")
    func nulls() throws {
        assertEqualText(
            VerbFixture.text(try reports.complete(["province", "period"])),
            """
            province:string | period:string | count:int | note:string
            11 | Q2 | 3 | a
            11 | Q2 | 4 | d
            11 | Q1 | 2 | c
            51 | Q2 | null | null
            51 | Q1 | 1 | b
            """)
    }

    @Test("fills the added rows only with the values given")
    func fill() throws {
        let table = try VerbFixture.table("p:string | y:int | n:int\na | 1 | null\nb | 2 | 5")
        assertEqualText(
            VerbFixture.text(try table.complete(["p", "y"], fill: [("n", .int(0))])),
            """
            p:string | y:int | n:int
            a | 1 | null
            a | 2 | 0
            b | 1 | 0
            b | 2 | 5
            """)
    }

    @Test("treats null as a value of a key column")
    func nullKey() throws {
        let table = try VerbFixture.table("p:string | y:int\na | 1\nnull | 2")
        assertEqualText(
            VerbFixture.text(try table.complete(["p", "y"])),
            """
            p:string | y:int
            a | 1
            a | 2
            null | 1
            null | 2
            """)
    }

    @Test("leaves a table unchanged without keys and an empty table empty")
    func edges() throws {
        #expect(VerbFixture.text(try reports.complete([])) == VerbFixture.text(reports))
        assertEqualText(
            VerbFixture.text(try Table(empty: reports.schema).complete(["province", "period"])),
            "province:string | period:string | count:int | note:string")
    }

    @Test("refuses more than 100,000,000 combinations before building any")
    func tooMany() throws {
        let values = Column(.int64((0..<10_001).map(Int64.init)))
        let table = try Table([("a", values), ("b", values)])
        #expect(
            VerbFixture.message { try table.complete(["a", "b"]) }
                == "complete expected at most 100000000 combinations of 'a', 'b', found more")
    }

    @Test("refuses fills on keys, fills that do not fit and unknown columns")
    func errors() {
        #expect(
            VerbFixture.message {
                try reports.complete(["province"], fill: [("province", .string("x"))])
            }
                == "complete cannot fill key column 'province'")
        #expect(
            VerbFixture.message {
                try reports.complete(["province"], fill: [("count", .string("x"))])
            }
                == "column 'count' is int, got string 'x'")
        #expect(
            VerbFixture.message { try reports.complete(["provinces"]) }
                == "unknown column 'provinces'; did you mean 'province'? (columns: province, period, count, note)"
        )
    }
}
