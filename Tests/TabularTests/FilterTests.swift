import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct FilterTests {
    let measures: Table

    init() throws {
        measures = try VerbFixture.table(
            """
            measure:string | region:string | value:int | rate:float | due:date | local:bool
            M01 | East | 3 | 0.5 | 2013-03-31 | true
            M02 | West | null | 1 | 2013-06-30 | false
            M03 | East | 1 | NaN | null | true
            M04 | null | 7 | null | 2013-03-31 | false
            M05 | "" | 1 | 2.5 | 2013-12-31 | null
            """)
    }

    @Test("keeps rows whose value is in the set, for every condition")
    func equalsAndInSet() throws {
        let east = try measures.filter(equals: [
            ("region", [.string("East"), .string("West")]),
            ("local", [.bool(true)]),
        ])
        assertEqualText(
            VerbFixture.text(try east.select(["measure"])),
            """
            measure:string
            M01
            M03
            """)
    }

    @Test("matches dictionary and plain text columns alike")
    func plainStrings() throws {
        let plain = try VerbFixture.plain(measures, "region")
        for table in [measures, plain] {
            let rows = try table.filter(equals: [("region", [.string("East")])])
            assertEqualText(
                VerbFixture.text(try rows.select(["measure"])), "measure:string\nM01\nM03")
        }
    }

    @Test("compares ints with floats as numbers")
    func numericComparison() throws {
        let ones = try VerbFixture.checked(measures.filter(equals: [("value", [.double(1.0)])]))
        #expect(try ones.column("measure").count == 2)
        let rates = try measures.filter(equals: [("rate", [.int(1)])])
        assertEqualText(VerbFixture.text(try rates.select(["measure"])), "measure:string\nM02")
        let fractional = try VerbFixture.checked(
            measures.filter(equals: [("value", [.double(1.5)])]))
        #expect(fractional.rowCount == 0)
    }

    @Test("matches null only with an explicit null, and the empty string only with itself")
    func nullsAndEmpty() throws {
        let nulls = try measures.filter(equals: [("region", [.null])])
        assertEqualText(VerbFixture.text(try nulls.select(["measure"])), "measure:string\nM04")
        let empty = try measures.filter(equals: [("region", [.string("")])])
        assertEqualText(VerbFixture.text(try empty.select(["measure"])), "measure:string\nM05")
        let nullValue = try measures.filter(equals: [("value", [.null, .int(7)])])
        assertEqualText(
            VerbFixture.text(try nullValue.select(["measure"])), "measure:string\nM02\nM04")
    }

    @Test("matches NaN with NaN")
    func nan() throws {
        let rows = try measures.filter(equals: [("rate", [.double(.nan)])])
        assertEqualText(VerbFixture.text(try rows.select(["measure"])), "measure:string\nM03")
    }

    @Test("accepts dates and ISO text for date columns")
    func dates() throws {
        let march = try #require(CalendarDate(iso: "2013-03-31"))
        let byDate = try VerbFixture.checked(measures.filter(equals: [("due", [.date(march)])]))
        let byText = try measures.filter(equals: [("due", [.string("2013-03-31")])])
        #expect(VerbFixture.text(byDate) == VerbFixture.text(byText))
        #expect(byDate.rowCount == 2)
        #expect(
            VerbFixture.message { try measures.filter(equals: [("due", [.string("March")])]) }
                == "column 'due' is date, got string 'March'")
    }

    @Test("an empty value set keeps no row and no condition keeps every row")
    func emptySets() throws {
        #expect(try VerbFixture.checked(measures.filter(equals: [("region", [])])).rowCount == 0)
        #expect(VerbFixture.text(try measures.filter(equals: [])) == VerbFixture.text(measures))
    }

    @Test("names unknown columns and mismatched values")
    func errors() {
        #expect(
            VerbFixture.message { try measures.filter(equals: [("regoin", [.string("East")])]) }
                == "unknown column 'regoin'; did you mean 'region'? "
                + "(columns: measure, region, value, rate, due, local)")
        #expect(
            VerbFixture.message { try measures.filter(equals: [("value", [.string("3")])]) }
                == "column 'value' is int, got string '3'")
    }

    @Test("keeps rows where the predicate holds, given row indices")
    func predicate() throws {
        let value = try measures.column("value")
        let rows = measures.filter { row in value[row] != .null && value[row] != .int(1) }
        assertEqualText(
            VerbFixture.text(try rows.select(["measure", "value"])),
            """
            measure:string | value:int
            M01 | 3
            M04 | 7
            """)
    }

    @Test("passes predicate errors through")
    func predicateError() {
        struct Stop: Error {}
        #expect(throws: Stop.self) { try measures.filter { _ in throw Stop() } }
    }

    @Test("filters an empty table to an empty table with the same schema")
    func emptyTable() throws {
        let empty = Table(empty: measures.schema)
        let rows = try empty.filter(equals: [("region", [.string("East")])])
        assertEqualText(
            VerbFixture.text(rows),
            "measure:string | region:string | value:int | "
                + "rate:float | due:date | local:bool")
        #expect(VerbFixture.checked(empty.filter { _ in true }).rowCount == 0)
    }
}
