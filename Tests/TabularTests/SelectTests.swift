import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct SelectTests {
    let table = try! VerbFixture.table(
        """
        province:string | region:string | plans:int
        110000 | East | 3
        510000 | West | null
        """)

    @Test("selects columns in the order given")
    func select() throws {
        assertEqualText(
            VerbFixture.text(try table.select(["plans", "province"])),
            """
            plans:int | province:string
            3 | 110000
            null | 510000
            """)
        let nothing = try table.select([])
        nothing.checkInvariants()
        #expect(nothing.columns.isEmpty && nothing.rowCount == 2)
    }

    @Test("refuses unknown and repeated columns")
    func selectErrors() {
        #expect(
            VerbFixture.message { try table.select(["provnce"]) }
                == "unknown column 'provnce'; did you mean 'province'? (columns: province, region, plans)"
        )
        #expect(
            VerbFixture.message { try table.select(["plans", "plans"]) }
                == "duplicate column name 'plans'")
    }

    @Test("renames columns in place, several at once and as a swap")
    func rename() throws {
        assertEqualText(
            VerbFixture.text(try table.rename([("plans", "count")])),
            """
            province:string | region:string | count:int
            110000 | East | 3
            510000 | West | null
            """)
        let swapped = try table.rename([("province", "region"), ("region", "province")])
        #expect(swapped.columnNames == ["region", "province", "plans"])
        swapped.checkInvariants()
    }

    @Test("refuses renames that clash, repeat or name unknown columns")
    func renameErrors() {
        #expect(
            VerbFixture.message { try table.rename([("plans", "region")]) }
                == "duplicate column name 'region'")
        #expect(
            VerbFixture.message { try table.rename([("plans", "a"), ("plans", "b")]) }
                == "column 'plans' is renamed twice")
        #expect(
            VerbFixture.message { try table.rename([("plan", "n")]) }
                == "unknown column 'plan'; did you mean 'plans'? (columns: province, region, plans)"
        )
    }

    @Test("keeps the schema of an empty table")
    func empty() throws {
        let empty = Table(empty: table.schema)
        assertEqualText(
            VerbFixture.text(try empty.select(["region"]).rename([("region", "r")])),
            "r:string")
    }
}
