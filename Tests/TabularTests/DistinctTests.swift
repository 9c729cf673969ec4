import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct DistinctTests {
    let table = try! VerbFixture.table(
        """
        region:string | period:string | value:float
        East | Q1 | 1
        West | Q1 | NaN
        East | Q1 | 1
        null | Q2 | NaN
        West | Q1 | NaN
        null | Q2 | null
        """)

    @Test("keeps the first occurrence of each row, in order")
    func wholeRows() throws {
        assertEqualText(
            VerbFixture.text(try table.distinct()),
            """
            region:string | period:string | value:float
            East | Q1 | 1
            West | Q1 | NaN
            null | Q2 | NaN
            null | Q2 | null
            """)
    }

    @Test("returns the distinct combinations of the named columns only")
    func someColumns() throws {
        assertEqualText(
            VerbFixture.text(try table.distinct(["period", "region"])),
            """
            period:string | region:string
            Q1 | East
            Q1 | West
            Q2 | null
            """)
        let plain = try VerbFixture.plain(table, "region")
        assertEqualText(
            VerbFixture.text(try plain.distinct(["region"])), "region:string\nEast\nWest\nnull")
    }

    @Test("keeps empty tables empty and refuses unknown columns")
    func edges() throws {
        assertEqualText(
            VerbFixture.text(try Table(empty: table.schema).distinct(["region"])), "region:string")
        #expect(
            VerbFixture.message { try table.distinct(["regions"]) }
                == "unknown column 'regions'; did you mean 'region'? (columns: region, period, value)"
        )
    }

    @Test("limits to the first rows")
    func limit() throws {
        assertEqualText(
            VerbFixture.text(try table.limit(2)),
            """
            region:string | period:string | value:float
            East | Q1 | 1
            West | Q1 | NaN
            """)
        #expect(try VerbFixture.checked(table.limit(0)).rowCount == 0)
        #expect(try VerbFixture.checked(table.limit(100)).rowCount == 6)
        #expect(try VerbFixture.checked(Table(empty: table.schema).limit(3)).rowCount == 0)
        #expect(
            VerbFixture.message { try table.limit(-1) }
                == "limit expects a count of 0 or more, got -1")
    }
}
