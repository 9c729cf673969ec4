import PlanScopeTestSupport
import Tabular
import Testing

@Suite struct GroupTests {
    let reports = try! VerbFixture.table(
        """
        region:string | period:string | value:int | rate:float | due:date
        East | Q1 | 4 | 0.5 | 2013-03-31
        West | Q1 | 1 | 1.5 | 2013-06-30
        East | Q2 | null | null | null
        null | Q1 | 2 | 2 | 2013-01-31
        East | Q1 | 6 | 1 | 2013-12-31
        West | Q2 | 3 | NaN | 2013-02-28
        """)

    @Test("groups in order of first appearance, with null keys as a group")
    func countsAndSums() throws {
        let result = try reports.groupBy(["region"]).aggregate([
            ("n", .count()), ("values", .count("value")), ("total", .sum("value")),
            ("rates", .sum("rate")), ("mean", .mean("value")),
        ])
        assertEqualText(
            VerbFixture.text(result),
            """
            region:string | n:int | values:int | total:int | rates:float | mean:float
            East | 3 | 2 | 10 | 1.5 | 5
            West | 2 | 2 | 4 | NaN | 2
            null | 1 | 1 | 2 | 2 | 2
            """)
    }

    @Test("groups on several keys, mixing dictionary and plain text")
    func severalKeys() throws {
        let plain = try VerbFixture.plain(reports, "period")
        for table in [reports, plain] {
            assertEqualText(
                VerbFixture.text(try table.count(["region", "period"])),
                """
                region:string | period:string | n:int
                East | Q1 | 2
                West | Q1 | 1
                East | Q2 | 1
                null | Q1 | 1
                West | Q2 | 1
                """)
        }
    }

    @Test("takes min, max, first and last of any type in the sort order")
    func extremes() throws {
        let result = try reports.groupBy(["region"]).aggregate([
            ("low", .min("rate")), ("high", .max("rate")), ("first_due", .first("due")),
            ("last_due", .last("due")), ("top_period", .max("period")),
            ("min_value", .min("value")),
        ])
        assertEqualText(
            VerbFixture.text(result),
            """
            region:string | low:float | high:float | first_due:date | last_due:date | top_period:string | min_value:int
            East | 0.5 | 1 | 2013-03-31 | 2013-12-31 | Q2 | 4
            West | 1.5 | NaN | 2013-06-30 | 2013-02-28 | Q2 | 1
            null | 2 | 2 | 2013-01-31 | 2013-01-31 | Q1 | 2
            """)
    }

    @Test("computes median and quantiles by linear interpolation")
    func quantiles() throws {
        let values = try VerbFixture.table(
            """
            g:string | x:int
            a | 1
            a | 2
            a | 3
            a | 10
            b | 5
            c | null
            """)
        let result = try values.groupBy(["g"]).aggregate([
            ("median", .median("x")), ("q25", .quantile("x", 0.25)), ("q0", .quantile("x", 0)),
            ("q100", .quantile("x", 1)),
        ])
        assertEqualText(
            VerbFixture.text(result),
            """
            g:string | median:float | q25:float | q0:float | q100:float
            a | 2.5 | 1.75 | 1 | 10
            b | 5 | 5 | 5 | 5
            c | null | null | null | null
            """)
        #expect(
            VerbFixture.message {
                try values.groupBy(["g"]).aggregate([("q", .quantile("x", 1.5))])
            }
                == "quantile must be between 0 and 1, got 1.5")
    }

    @Test("counts distinct non-null values and shares of the total")
    func distinctAndShare() throws {
        let result = try reports.groupBy(["period"]).aggregate([
            ("regions", .countDistinct("region")), ("share", .share("value")),
        ])
        assertEqualText(
            VerbFixture.text(result),
            """
            period:string | regions:int | share:float
            Q1 | 2 | 0.8125
            Q2 | 2 | 0.1875
            """)
    }

    @Test("gives null sums and zero counts to groups without values")
    func allNullGroup() throws {
        let table = try VerbFixture.table(
            """
            g:string | x:int
            a | null
            b | 0
            b | 0
            """)
        let result = try table.groupBy(["g"]).aggregate([
            ("n", .count("x")), ("sum", .sum("x")), ("mean", .mean("x")), ("share", .share("x")),
            ("min", .min("x")), ("first", .first("x")), ("distinct", .countDistinct("x")),
        ])
        assertEqualText(
            VerbFixture.text(result),
            """
            g:string | n:int | sum:int | mean:float | share:float | min:int | first:int | distinct:int
            a | 0 | null | null | null | null | null | 0
            b | 2 | 0 | 0 | null | 0 | 0 | 1
            """)
    }

    @Test("treats no keys as one group, even for an empty table")
    func noKeys() throws {
        let whole = try reports.groupBy([]).aggregate([("n", .count()), ("total", .sum("value"))])
        assertEqualText(VerbFixture.text(whole), "n:int | total:int\n6 | 16")
        let empty = try Table(empty: reports.schema).groupBy([]).aggregate([
            ("n", .count()), ("total", .sum("value")), ("median", .median("rate")),
        ])
        assertEqualText(
            VerbFixture.text(empty), "n:int | total:int | median:float\n0 | null | null")
        let keyed = try Table(empty: reports.schema).count(["region"])
        assertEqualText(VerbFixture.text(keyed), "region:string | n:int")
    }

    @Test("groups on int, float, bool and date keys, NaN and zeros as one value each")
    func typedKeys() throws {
        let table = try VerbFixture.table(
            """
            i:int | f:float | b:bool | d:date
            1 | 0 | true | 2013-01-01
            1 | -0 | true | 2013-01-01
            2 | NaN | false | null
            2 | NaN | null | null
            """)
        assertEqualText(VerbFixture.text(try table.count(["f"])), "f:float | n:int\n0 | 2\nNaN | 2")
        assertEqualText(
            VerbFixture.text(try table.count(["i", "b", "d"])),
            """
            i:int | b:bool | d:date | n:int
            1 | true | 2013-01-01 | 2
            2 | false | null | 1
            2 | null | null | 1
            """)
    }

    @Test("refuses an int sum that overflows")
    func overflow() throws {
        let table = try Table([("x", Column(.int64([.max, 1])))])
        #expect(
            VerbFixture.message { try table.groupBy([]).aggregate([("s", .sum("x"))]) }
                == "sum of column 'x' overflows int; convert it to float first")
    }

    @Test("refuses numeric aggregates of text, unknown columns and clashing names")
    func errors() {
        let grouped = try! reports.groupBy(["region"])
        #expect(
            VerbFixture.message { try grouped.aggregate([("s", .sum("period"))]) }
                == "column 'period' is string, expected float")
        #expect(
            VerbFixture.message { try grouped.aggregate([("s", .mean("vale"))]) }
                == "unknown column 'vale'; did you mean 'value'? (columns: region, period, value, rate, due)"
        )
        #expect(
            VerbFixture.message { try grouped.aggregate([("region", .count())]) }
                == "duplicate column name 'region'")
        #expect(
            VerbFixture.message { try grouped.aggregate([("n", .count()), ("n", .count())]) }
                == "duplicate column name 'n'")
        #expect(
            VerbFixture.message { try reports.count(["region", "region"]) }
                == "duplicate column name 'region'")
    }

    @Test("matches a row-by-row reference on seeded random data")
    func randomReference() throws {
        var generator = SeededGenerator(seed: 42)
        let rows = 2_000
        let keys = (0..<rows).map { _ in Int64.random(in: 0..<7, using: &generator) }
        let names = (0..<rows).map { _ in ["a", "b", "c"][Int.random(in: 0..<3, using: &generator)]
        }
        let values = (0..<rows).map { _ in Int64.random(in: -50...50, using: &generator) }
        let table = try Table([
            ("k", Column(.int64(keys))),
            ("s", Column(.string(StringColumn.encoding(names)))),
            ("v", Column(.int64(values))),
        ])
        let result = try table.groupBy(["k", "s"]).aggregate([("n", .count()), ("t", .sum("v"))])
        result.checkInvariants()
        var order: [String] = []
        var expected: [String: (Int64, Int64)] = [:]
        for row in 0..<rows {
            let key = "\(keys[row])|\(names[row])"
            if expected[key] == nil { order.append(key) }
            expected[key, default: (0, 0)].0 += 1
            expected[key, default: (0, 0)].1 += values[row]
        }
        let actual = (0..<result.rowCount).map { row in
            "\(result[row, 0])|\(result[row, 1]) \(result[row, 2]) \(result[row, 3])"
        }
        #expect(actual == order.map { "\($0) \(expected[$0]!.0) \(expected[$0]!.1)" })
    }
}
