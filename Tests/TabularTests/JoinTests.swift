import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct JoinTests {
    let responsibilities = try! VerbFixture.table(
        """
        measure:string | department:string | role:string
        M02 | Patent Office | lead
        M01 | Legal | lead
        M09 | Legal | charge
        M01 | Planning | charge
        null | Planning | lead
        """)
    let measures = try! VerbFixture.table(
        """
        measure:string | role:string | local:bool
        M01 | required | true
        M02 | optional | false
        M03 | none | null
        """)

    @Test("keeps left order and suffixes clashing right columns")
    func inner() throws {
        let joined = try responsibilities.join(measures, on: ["measure"])
        assertEqualText(
            VerbFixture.text(joined),
            """
            measure:string | department:string | role:string | role_right:string | local:bool
            M02 | Patent Office | lead | optional | false
            M01 | Legal | lead | required | true
            M01 | Planning | charge | required | true
            """)
    }

    @Test(
        "keeps every left row in a left join, with nulls where nothing matches or the key is null")
    func left() throws {
        let joined = try responsibilities.join(
            measures, on: ["measure"], how: .left, check: .manyToOne)
        assertEqualText(
            VerbFixture.text(joined),
            """
            measure:string | department:string | role:string | role_right:string | local:bool
            M02 | Patent Office | lead | optional | false
            M01 | Legal | lead | required | true
            M09 | Legal | charge | null | null
            M01 | Planning | charge | required | true
            null | Planning | lead | null | null
            """)
    }

    @Test("keeps unmatched left rows, null keys included, in an anti join")
    func anti() throws {
        let joined = try responsibilities.join(measures, on: ["measure"], how: .anti)
        assertEqualText(
            VerbFixture.text(joined),
            """
            measure:string | department:string | role:string
            M09 | Legal | charge
            null | Planning | lead
            """)
    }

    @Test("pairs every match of duplicate keys, matches in right order")
    func duplicateKeys() throws {
        let left = try VerbFixture.table("k:int | a:string\n1 | x\n2 | y\n1 | z")
        let right = try VerbFixture.table("k:int | b:string\n1 | p\n3 | q\n1 | r")
        assertEqualText(
            VerbFixture.text(try left.join(right, on: ["k"])),
            """
            k:int | a:string | b:string
            1 | x | p
            1 | x | r
            1 | z | p
            1 | z | r
            """)
        #expect(
            VerbFixture.message { try left.join(right, on: ["k"], check: .manyToOne) }
                == "join check 'many_to_one' failed: duplicate keys in the right table: '1'")
        #expect(
            VerbFixture.message { try left.join(right, on: ["k"], check: .oneToOne) }
                == "join check 'one_to_one' failed: duplicate keys in the left table: '1'")
    }

    @Test("never matches null keys, not even with null")
    func nullKeys() throws {
        let left = try VerbFixture.table("k:string | a:int\nnull | 1\nx | 2")
        let right = try VerbFixture.table("k:string | b:int\nnull | 10\nnull | 20\nx | 30")
        assertEqualText(
            VerbFixture.text(try left.join(right, on: ["k"], check: .oneToOne)),
            "k:string | a:int | b:int\nx | 2 | 30")
    }

    @Test("joins on several keys with different names, dictionary and plain text alike")
    func pairedKeys() throws {
        let left = try VerbFixture.table(
            """
            province:string | period:string | value:int
            11 | Q1 | 1
            11 | Q2 | 2
            51 | Q1 | 3
            """)
        let targets = try VerbFixture.table(
            """
            code:string | quarter:string | target:int
            11 | Q2 | 20
            51 | Q1 | 30
            11 | Q1 | 10
            """)
        for right in [targets, try VerbFixture.plain(targets, "code")] {
            let joined = try left.join(
                right,
                on: [
                    (left: "province", right: "code"),
                    (left: "period", right: "quarter"),
                ],
                check: .oneToOne)
            assertEqualText(
                VerbFixture.text(joined),
                """
                province:string | period:string | value:int | target:int
                11 | Q1 | 1 | 10
                11 | Q2 | 2 | 20
                51 | Q1 | 3 | 30
                """)
        }
    }

    @Test("matches int keys with float keys and refuses other type pairs")
    func keyTypes() throws {
        let left = try VerbFixture.table("k:int | a:int\n1 | 1\n2 | 2")
        let right = try VerbFixture.table("k:float | b:int\n1 | 10\n2.5 | 20")
        assertEqualText(
            VerbFixture.text(try left.join(right, on: ["k"])), "k:int | a:int | b:int\n1 | 1 | 10")
        let text = try VerbFixture.table("k:string | b:int\n1 | 10")
        #expect(
            VerbFixture.message { try left.join(text, on: ["k"]) }
                == "column 'k' is string, expected int")
        #expect(
            VerbFixture.message { try left.join(text, on: ["x"]) }
                == "unknown column 'x'; did you mean 'k'? (columns: k, a)")
        #expect(
            VerbFixture.message { try left.join(text, on: [String]()) }
                == "join needs at least one key column")
    }

    @Test("numbers suffixes until the name is free")
    func suffixes() throws {
        let left = try VerbFixture.table("k:int | v:int | v_right:int\n1 | 1 | 2")
        let right = try VerbFixture.table("k:int | v:int\n1 | 3")
        assertEqualText(
            VerbFixture.text(try left.join(right, on: ["k"])),
            "k:int | v:int | v_right:int | v_right2:int\n1 | 1 | 2 | 3")
    }

    @Test("joins empty tables")
    func empty() throws {
        let none = Table(empty: measures.schema)
        assertEqualText(
            VerbFixture.text(try responsibilities.join(none, on: ["measure"])),
            "measure:string | department:string | role:string | role_right:string | local:bool")
        #expect(
            try VerbFixture.checked(responsibilities.join(none, on: ["measure"], how: .left))
                .rowCount == 5)
        #expect(
            try VerbFixture.checked(responsibilities.join(none, on: ["measure"], how: .anti))
                .rowCount == 5)
        #expect(
            try VerbFixture.checked(none.join(measures, on: ["measure"], how: .left)).rowCount == 0)
    }

    @Test("lists every duplicate key once, in order, with multi-column keys")
    func cardinalityListing() throws {
        let left = try VerbFixture.table("a:string | b:int\nx | 1")
        let right = try VerbFixture.table("a:string | b:int\ny | 2\nx | 1\ny | 2\nx | 1\ny | 2")
        #expect(
            VerbFixture.message { try left.join(right, on: ["a", "b"], check: .manyToOne) }
                == "join check 'many_to_one' failed: duplicate keys in the right table: 'y, 2', 'x, 1'"
        )
    }
}
