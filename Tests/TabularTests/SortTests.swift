import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct SortTests {
    let table = try! VerbFixture.table(
        """
        id:int | region:string | rate:float | n:int | due:date | ok:bool
        1 | West | 0.5 | 3 | 2013-03-31 | true
        2 | East | NaN | null | null | false
        3 | null | 1.5 | 1 | 2013-01-31 | null
        4 | East | null | 3 | 2013-12-31 | true
        5 | East | -2 | -7 | 2013-01-31 | false
        6 | West | 0.5 | 2 | 2013-06-30 | true
        """)

    func ids(_ keys: [SortKey]) throws -> String {
        let sorted = try table.orderBy(keys)
        sorted.checkInvariants()
        return (0..<sorted.rowCount).map { sorted[$0, 0].description }.joined(separator: " ")
    }

    @Test("sorts ascending with NaN after numbers and nulls last")
    func ascending() throws {
        #expect(try ids([SortKey("rate")]) == "5 1 6 3 2 4")
        #expect(try ids([SortKey("n")]) == "5 3 6 1 4 2")
        #expect(try ids([SortKey("due")]) == "3 5 1 6 4 2")
        #expect(try ids([SortKey("ok")]) == "2 5 1 4 6 3")
    }

    @Test("sorts descending with nulls still last and ties in input order")
    func descending() throws {
        #expect(try ids([SortKey("rate", descending: true)]) == "2 3 1 6 5 4")
        #expect(try ids([SortKey(spec: "-n")]) == "1 4 6 3 5 2")
    }

    @Test("sorts on several keys, the first deciding first")
    func multiKey() throws {
        #expect(try ids([SortKey("region"), SortKey(spec: "-n")]) == "4 5 2 1 6 3")
        #expect(try ids([SortKey(spec: "-region"), SortKey("rate")]) == "1 6 5 2 4 3")
    }

    @Test("orders text by Unicode scalars, never by locale, for plain and dictionary text")
    func unicodeOrder() throws {
        let words = ["b", "a", "B", "é", "Z", "aa", "", "ä"]
        let plain = try Table([("w", Column(.string(.plain(words))))])
        let dictionary = try Table([
            ("w", Column(.string(.dictionary(codes: (0..<8).map(UInt32.init), values: words))))
        ])
        for table in [plain, dictionary] {
            let sorted = try table.orderBy([SortKey("w")])
            assertEqualText(VerbFixture.text(sorted), "w:string\n\"\"\nB\nZ\na\naa\nb\nä\né")
        }
    }

    @Test("is stable and leaves equal rows in input order")
    func stability() throws {
        var generator = SeededGenerator(seed: 7)
        let keys = (0..<500).map { _ in Int64.random(in: 0..<5, using: &generator) }
        let table = try Table([
            ("k", Column(.int64(keys))), ("i", Column(.int64((0..<500).map(Int64.init)))),
        ])
        let sorted = try VerbFixture.checked(table.orderBy([SortKey("k")]))
        let expected = (0..<500).sorted { (keys[$0], $0) < (keys[$1], $1) }.map {
            Cell.int(Int64($0))
        }
        #expect((0..<500).map { sorted[$0, 1] } == expected)
    }

    @Test("sorts keys with too many distinct values to pack like the packed path would")
    func manyDistinctKeys() throws {
        var generator = SeededGenerator(seed: 11)
        let rows = 70_000
        let first = (0..<rows).map { _ in Int64.random(in: 0..<1_000_000, using: &generator) }
        let second = (0..<rows).map { Int64($0 * 7 % rows) }
        let table = try Table([("a", Column(.int64(first))), ("b", Column(.int64(second)))])
        let sorted = try VerbFixture.checked(
            table.orderBy([SortKey("a"), SortKey("b", descending: true)]))
        let expected = (0..<rows).sorted { (first[$0], -second[$0]) < (first[$1], -second[$1]) }
        #expect((0..<rows).map { sorted[$0, 1] } == expected.map { .int(second[$0]) })
    }

    @Test("parses Lua key specs")
    func specs() {
        #expect(SortKey(spec: "-rate") == SortKey("rate", descending: true))
        #expect(SortKey(spec: "rate") == SortKey("rate"))
    }

    @Test("sorts empty tables, keeps rows without keys, refuses unknown columns")
    func edges() throws {
        assertEqualText(
            VerbFixture.text(try Table(empty: table.schema).orderBy([SortKey("rate")])),
            "id:int | region:string | rate:float | n:int | due:date | ok:bool")
        #expect(try ids([]) == "1 2 3 4 5 6")
        let nulls = try VerbFixture.table("x:int | i:int\nnull | 1\nnull | 2")
        assertEqualText(
            VerbFixture.text(try nulls.orderBy([SortKey("x", descending: true)])),
            "x:int | i:int\nnull | 1\nnull | 2")
        assertEqualText(
            VerbFixture.text(try Table(empty: nulls.schema).orderBy([SortKey(spec: "-x")])),
            "x:int | i:int")
        #expect(
            VerbFixture.message { try table.orderBy([SortKey("rat")]) }
                == "unknown column 'rat'; did you mean 'rate'? (columns: id, region, rate, n, due, ok)"
        )
    }
}
