import PlanScopeTestSupport
import Tabular
import Testing

private func read(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> CSVReadResult {
    try CSVReader(options: options).readCSV(text: text, source: "t.csv")
}

private func column(_ result: CSVReadResult, _ index: Int) -> [Cell] {
    (0..<result.table.rowCount).map { result.table[$0, index] }
}

@Suite struct InferenceTests {
    @Test("infers int, float, bool, date and string, and says why")
    func basicTypes() throws {
        let result = try read(
            """
            n,x,ok,day,name
            1,1,true,2013-01-31,a
            -20,2.5,FALSE,2013-12-26,b
            ,1e3,,,
            """)
        #expect(result.table.schema.fields.map(\.type) == [.int64, .double, .bool, .date, .string])
        #expect(column(result, 1) == [.double(1), .double(2.5), .double(1000)])
        #expect(column(result, 2) == [.bool(true), .bool(false), .null])
        #expect(
            column(result, 3) == [
                .date(CalendarDate(iso: "2013-01-31")!), .date(CalendarDate(iso: "2013-12-26")!),
                .null,
            ])
        assertEqualText(
            result.inferenceReport,
            """
            n: int (every value is a whole number of at most 15 digits)
            x: float (numbers, with a fraction or exponent from '2.5' on line 3)
            ok: bool (every value is true or false)
            day: date (every value is an ISO date (YYYY-MM-DD))
            name: string (text, from 'a' on line 2)
            """)
        result.table.checkInvariants()
    }

    @Test("keeps code-like values as text: leading zeros, more than 15 digits, key names")
    func codeLike() throws {
        let result = try read(
            """
            a,b,measure_id,province,count,provinceName
            1,1,1,110000,110000,Beijing
            007,1234567890123456,2,120000,5,Tianjin
            """)
        #expect(result.table.schema.fields.map(\.type) == [.string, .string, .string, .string, .int64, .string])
        #expect(column(result, 0) == [.string("1"), .string("007")])
        #expect(column(result, 1) == [.string("1"), .string("1234567890123456")])
        #expect(column(result, 3) == [.string("110000"), .string("120000")])
        assertEqualText(
            result.inferenceReport,
            """
            a: string (code-like: leading zero in '007' on line 3)
            b: string (code-like: more than 15 digits in '1234567890123456' on line 3)
            measure_id: string (code-like: the name 'measure_id' names a key or code)
            province: string (code-like: the name 'province' names a key or code)
            count: int (every value is a whole number of at most 15 digits)
            provinceName: string (text, from 'Beijing' on line 2)
            """)
    }

    @Test("widens int to float in place and anything to text with the original spelling")
    func widening() throws {
        let result = try read(
            """
            i,f,b,d,e
            1,1.50,true,2013-01-01,
            2,-0.0,True,2013-01-02,""
            3.25,about 5,maybe,soon,x
            """)
        #expect(result.table.schema.fields.map(\.type) == [.double, .string, .string, .string, .string])
        #expect(column(result, 0) == [.double(1), .double(2), .double(3.25)])
        #expect(column(result, 1) == [.string("1.50"), .string("-0.0"), .string("about 5")])
        #expect(column(result, 2) == [.string("true"), .string("True"), .string("maybe")])
        #expect(column(result, 3) == [.string("2013-01-01"), .string("2013-01-02"), .string("soon")])
        #expect(column(result, 4) == [.null, .string(""), .string("x")])
        result.table.checkInvariants()
    }

    @Test("widens to text late in a long column, rescanning only what it needs")
    func lateWidening() throws {
        var text = "v,w\n"
        for row in 0..<5_000 { text += "\(row).5,\(row % 7 == 0 ? "" : "\(row)")\n" }
        text += "n/a,tail\n"
        let result = try read(text)
        #expect(result.table.schema.fields.map(\.type) == [.string, .string])
        #expect(result.table[0, 0] == .string("0.5"))
        #expect(result.table[4_999, 0] == .string("4999.5"))
        #expect(result.table[5_000, 0] == .string("n/a"))
        #expect(result.table[7, 1] == .null)
        #expect(result.table[8, 1] == .string("8"))
        #expect(result.inference[0].reason == "text, from 'n/a' on line 5002")
        // Dictionary codes are in order of first appearance even for rows filled in late.
        guard case .string(.plain(let values)) = result.table.columns[0].storage else {
            Issue.record("expected plain strings for distinct values")
            return
        }
        #expect(values.first == "0.5")
        guard case .string(.dictionary(_, let words)) = try read("w\n1\n2\n1\nx\n").table.columns[0].storage else {
            Issue.record("expected a dictionary")
            return
        }
        #expect(words == ["1", "2", "x"])
    }

    @Test("keeps NaN and inf as text unless a schema says float")
    func specialNumbers() throws {
        let result = try read("x\n1.5\nNaN\n")
        #expect(result.table.schema.fields.map(\.type) == [.string])
        #expect(result.inference[0].reason == "'NaN' on line 3 is kept as text; a schema can make the column float")
        let typed = try read("x\n1.5\nNaN\ninf\n-inf\n", CSVReadOptions(schema: result.inferred.with(x: .double)))
        #expect(typed.table[2, 0] == .double(.infinity))
        #expect(typed.table[3, 0] == .double(-.infinity))
    }

    @Test("freezes what it inferred into a schema that reads the next file the same way")
    func freeze() throws {
        let first = try read("id,v\n1,2\n")
        #expect(first.inferred.description == "id: string\nv: int")
        let second = try read("id,v\n3,4\n", CSVReadOptions(schema: first.inferred))
        #expect(second.inferred == first.inferred)
        #expect(second.inferenceReport == "id: string (from the schema)\nv: int (from the schema)")
        #expect(throws: CSVErrors.self) { try read("id,v\n3,4.5\n", CSVReadOptions(schema: first.inferred)) }
    }

    @Test("a column with only nulls and quoted empties is text")
    func noValues() throws {
        let result = try read("a,b\n,1\n\"\",2\n")
        #expect(column(result, 0) == [.null, .string("")])
        #expect(result.inference[0].description == "a: string (no values)")
    }
}

extension Schema {
    /// The schema with column `x` given another type, for the tests above.
    fileprivate func with(x type: ColumnType) -> Schema {
        Schema(fields.map { $0.name == "x" ? Schema.Field(name: "x", type: type) : $0 })
    }
}
