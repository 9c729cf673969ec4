import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct MutateTests {
    let table = try! VerbFixture.table(
        """
        province:string | plans:int
        110000 | 3
        510000 | null
        650000 | 5
        """)

    @Test("appends a new column and replaces an existing one in place")
    func addAndReplace() throws {
        let added = try table.mutate("ok", column: Column(.bool([true, false, true])))
        let replaced = try added.mutate("plans", column: Column(.double([1, 2, 3])))
        assertEqualText(
            VerbFixture.text(replaced),
            """
            province:string | plans:float | ok:bool
            110000 | 1 | true
            510000 | 2 | false
            650000 | 3 | true
            """)
    }

    @Test("refuses a column of the wrong length")
    func wrongLength() {
        #expect(
            VerbFixture.message { try table.mutate("x", column: Column(.int64([1]))) }
                == "column 'x' has 1 rows, expected 3")
    }

    @Test("computes a column row by row, inferring its type and keeping nulls")
    func computed() throws {
        let plans = try table.column("plans")
        let doubled = try table.mutate("double") { row in
            if case .int(let value) = plans[row] { return .int(value * 2) }
            return .null
        }
        assertEqualText(
            VerbFixture.text(doubled),
            """
            province:string | plans:int | double:int
            110000 | 3 | 6
            510000 | null | null
            650000 | 5 | 10
            """)
    }

    @Test("makes a float column when ints and floats mix")
    func intAndFloat() throws {
        let mixed = try table.mutate("x") { row in row == 1 ? .double(0.5) : .int(Int64(row)) }
        assertEqualText(VerbFixture.text(try mixed.select(["x"])), "x:float\n0\n0.5\n2")
    }

    @Test("uses the declared type and refuses values that do not fit it")
    func declaredType() throws {
        let text = try VerbFixture.checked(
            table.mutate("label", type: .string) { row in .string("row \(row)") })
        #expect(try text.column("label").type == .string)
        let floats = try VerbFixture.checked(
            table.mutate("x", type: .double) { row in .int(Int64(row)) })
        #expect(try floats.column("x").type == .double)
        #expect(
            VerbFixture.message { try table.mutate("x", type: .int64) { _ in .string("a") } }
                == "column 'x' is int, got string 'a'")
    }

    @Test("names the column and both types when values mix")
    func mixedTypes() {
        #expect(
            VerbFixture.message {
                try table.mutate("x") { row in row == 0 ? .int(1) : .string("two") }
            } == "column 'x' is int, got string 'two'")
    }

    @Test("gives an all-null column the replaced column's type, else float")
    func allNull() throws {
        let replaced = try VerbFixture.checked(table.mutate("plans") { _ in .null })
        #expect(try replaced.column("plans").type == .int64)
        #expect(try replaced.column("plans").validity.nullCount == 3)
        let empty = try Table(empty: table.schema).mutate("x") { _ in .int(1) }
        assertEqualText(VerbFixture.text(empty), "province:string | plans:int | x:float")
    }

    @Test("passes errors of the closure through")
    func closureError() {
        struct Stop: Error {}
        #expect(throws: Stop.self) { try table.mutate("x") { _ in throw Stop() } }
    }
}
