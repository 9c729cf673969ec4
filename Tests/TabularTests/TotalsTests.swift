import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct TotalsTests {
    @Test("sums numbers, labels the first text column and leaves the rest null")
    func totals() throws {
        let table = try VerbFixture.table(
            """
            id:int | region:string | note:string | value:float | ok:bool
            1 | East | a | 0.5 | true
            2 | West | b | null | false
            """)
        assertEqualText(
            VerbFixture.text(try table.totals()),
            """
            id:int | region:string | note:string | value:float | ok:bool
            1 | East | a | 0.5 | true
            2 | West | b | null | false
            3 | Total | null | 0.5 | null
            """)
        assertEqualText(
            VerbFixture.text(try table.limit(0).totals(label: "All")),
            """
            id:int | region:string | note:string | value:float | ok:bool
            null | All | null | null | null
            """)
    }

    @Test("works without text columns and refuses overflowing int totals")
    func edges() throws {
        let numbers = try Table([("x", Column(.int64([.max, 1])))])
        #expect(
            VerbFixture.message { try numbers.totals() }
                == "sum of column 'x' overflows int; convert it to float first")
        let small = try Table([("x", Column(.int64([2, 3])))])
        assertEqualText(VerbFixture.text(try small.totals()), "x:int\n2\n3\n5")
    }
}
