import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct DescribeTests {
    @Test("profiles every column")
    func profile() throws {
        let table = try VerbFixture.table(
            """
            region:string | value:int | rate:float | due:date | ok:bool | empty:int
            West | 3 | 0.5 | 2013-03-31 | true | null
            East | null | NaN | null | false | null
            East | -1 | 2 | 2013-01-31 | null | null
            """)
        assertEqualText(
            VerbFixture.text(table.describe()),
            """
            column:string | type:string | count:int | nulls:int | distinct:int | min:string | max:string | mean:float
            region | string | 3 | 0 | 2 | East | West | null
            value | int | 2 | 1 | 2 | -1 | 3 | 1
            rate | float | 3 | 0 | 3 | 0.5 | NaN | NaN
            due | date | 2 | 1 | 2 | 2013-01-31 | 2013-03-31 | null
            ok | bool | 2 | 1 | 2 | false | true | null
            empty | int | 0 | 3 | 0 | null | null | null
            """)
    }

    @Test("profiles empty tables")
    func empty() throws {
        let schema = Schema([.init(name: "a", type: .string)])
        assertEqualText(
            VerbFixture.text(Table(empty: schema).describe()),
            """
            column:string | type:string | count:int | nulls:int | distinct:int | min:string | max:string | mean:float
            a | string | 0 | 0 | 0 | null | null | null
            """)
        let noColumns = try Table([])
        assertEqualText(
            VerbFixture.text(noColumns.describe()),
            "column:string | type:string | count:int | nulls:int | distinct:int | min:string | max:string | mean:float"
        )
    }
}
