import LuaKit
import PlanScopeTestSupport
import Tabular
import Testing
import Workbench

/// The header lines of a box whose columns are region, province, plans and rate.
private let sampleHeader = """
    ┌────────┬──────────┬───────┬───────┐
    │ region │ province │ plans │ rate  │
    │ string │  string  │  int  │ float │
    ├────────┼──────────┼───────┼───────┤
    """
private let sampleFooter = "└────────┴──────────┴───────┴───────┘\n"

@Suite struct TableAPITests {
    let fixture: TableAPIFixture
    init() throws { fixture = try TableAPIFixture() }

    /// Checks that `code` returns `expected` (a rendered table, usually) as its first result.
    private func expectText(
        _ code: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        assertEqualText(try fixture.text(code), expected, sourceLocation: sourceLocation)
    }

    // MARK: - The userdata

    @Test("gives a table's size, column names and box, and nil for other fields")
    func basics() throws {
        #expect(
            try fixture.run("return #sample, sample.columns, sample.nothing, type(sample)")
                == [4, ["region", "province", "plans", "rate"], nil, "userdata"])
        try expectText(
            "return tostring(sample)",
            sampleHeader + """

                │ East   │ 110000   │     3 │   0.5 │
                │ West   │ 120000   │     5 │  0.25 │
                │ East   │ 130000   │     2 │  0.75 │
                │ North  │ 140000   │     4 │  NULL │

                """ + sampleFooter)
    }

    @Test("iterates rows as (index, view) pairs, and the views stay valid after the loop")
    func rows() throws {
        #expect(
            try fixture.run(
                """
                local seen, kept = {}, {}
                for i, r in sample:rows() do seen[#seen + 1] = i .. ":" .. r.province; kept[i] = r end
                return table.concat(seen, " "), kept[2].region, kept[4].rate
                """) == ["1:110000 2:120000 3:130000 4:140000", "West", nil])
    }

    @Test("reads one row: fields, pairs in column order, a copy, and a box")
    func row() throws {
        #expect(
            try fixture.run(
                """
                local r = sample:row(2)
                local fields = {}
                for k, v in pairs(r) do fields[#fields + 1] = k .. "=" .. tostring(v) end
                return r.region, r.plans, table.concat(fields, ","), r:totable()
                """) == [
                    "West", 5, "region=West,province=120000,plans=5,rate=0.25",
                    .map([
                        LuaPair("plans", 5), LuaPair("province", "120000"),
                        LuaPair("rate", 0.25), LuaPair("region", "West"),
                    ]),
                ])
        #expect(
            try fixture.run(
                """
                local fields = {}
                for k, v in pairs(sample:row(4)) do fields[#fields + 1] = k .. "=" .. tostring(v) end
                return table.concat(fields, ","), sample:row(4):totable()
                """) == [
                    "region=North,province=140000,plans=4,rate=nil",
                    .map([
                        LuaPair("plans", 4), LuaPair("province", "140000"),
                        LuaPair("region", "North"),
                    ]),
                ])
        try expectText(
            "return tostring(sample:row(3))",
            sampleHeader + """

                │ East   │ 130000   │     2 │  0.75 │

                """ + sampleFooter)
    }

    @Test("copies a column into a Lua array with n set, nulls as nils")
    func column() throws {
        #expect(
            try fixture.run("return sample:column('rate')")
                == [.map([LuaPair(1, 0.5), LuaPair(2, 0.25), LuaPair(3, 0.75), LuaPair("n", 4)])])
        #expect(
            try fixture.run(
                "local c = sample:column('plans') return #c, c.n, c[1], math.type(c[1])")
                == [4, 4, 3, "integer"])
    }

    // MARK: - Verbs

    @Test("keeps rows whose columns equal a value or one of a list of values")
    func whereDeclarative() throws {
        try expectText(
            "return tostring(sample:where{region = 'East'})",
            sampleHeader + """

                │ East   │ 110000   │     3 │   0.5 │
                │ East   │ 130000   │     2 │  0.75 │

                """ + sampleFooter)
        try expectText(
            "return tostring(sample:where{region = {'East', 'North'}, plans = 4})",
            sampleHeader + "\n│ North  │ 140000   │     4 │  NULL │\n" + sampleFooter)
        #expect(
            try fixture.run("return #sample:where{region = {}}, #sample:where{plans = 3.0}") == [
                0, 1,
            ])
    }

    @Test("calls a predicate once per row, in order, only when one is given")
    func wherePredicate() throws {
        #expect(
            try fixture.run(
                """
                local seen = {}
                local t = sample:where(function(r) seen[#seen + 1] = r.plans; return r.plans > 2 end)
                return #t, table.concat(seen, ","), t:column("province")
                """) == [
                    3, "3,5,2,4",
                    .map([
                        LuaPair(1, "110000"), LuaPair(2, "120000"),
                        LuaPair(3, "140000"), LuaPair("n", 3),
                    ]),
                ])
        #expect(try fixture.run("return #sample:where(function(r) return r.rate end)") == [3])
    }

    @Test("selects, renames and orders columns")
    func selectRename() throws {
        try expectText(
            "return tostring(sample:select('rate', 'region'):limit(2))",
            """
            ┌───────┬────────┐
            │ rate  │ region │
            │ float │ string │
            ├───────┼────────┤
            │   0.5 │ East   │
            │  0.25 │ West   │
            └───────┴────────┘

            """)
        #expect(
            try fixture.run("return sample:select{'plans', 'region'}.columns") == [
                ["plans", "region"]
            ])
        #expect(
            try fixture.run("return sample:rename{region = 'area', plans = 'count'}.columns")
                == [["area", "province", "count", "rate"]])
    }

    @Test("adds columns from functions, constants and arrays, in sorted name order")
    func mutate() throws {
        try expectText(
            """
            return tostring(sample:select('plans'):mutate{
              double = function(r) return r.plans * 2 end, zero = 0, label = {'a', 'b', 'c', 'd'} })
            """,
            """
            ┌───────┬────────┬────────┬──────┐
            │ plans │ double │ label  │ zero │
            │  int  │  int   │ string │ int  │
            ├───────┼────────┼────────┼──────┤
            │     3 │      6 │ a      │    0 │
            │     5 │     10 │ b      │    0 │
            │     2 │      4 │ c      │    0 │
            │     4 │      8 │ d      │    0 │
            └───────┴────────┴────────┴──────┘

            """)
        #expect(
            try fixture.run(
                """
                local t = sample:mutate{{'b', function(r) return r.plans + 1 end},
                                        {'a', function(r) return r.b * 10 end}}
                return t.columns, t:column('a')
                """) == [
                    ["region", "province", "plans", "rate", "b", "a"],
                    .map([
                        LuaPair(1, 40), LuaPair(2, 60), LuaPair(3, 30), LuaPair(4, 50),
                        LuaPair("n", 4),
                    ]),
                ])
        #expect(
            try fixture.run(
                """
                local t = sample:mutate{plans = function(r) if r.plans > 3 then return r.plans / 2 end return r.plans end}
                return t:column('plans'), math.type(t:row(2).plans)
                """) == [
                    .map([
                        LuaPair(1, 3.0), LuaPair(2, 2.5), LuaPair(3, 2.0), LuaPair(4, 2.0),
                        LuaPair("n", 4),
                    ]),
                    "float",
                ])
    }

    @Test("aggregates groups, named aggregates in sorted order and listed ones in order")
    func groupAggregate() throws {
        try expectText(
            """
            return tostring(sample:group_by('region'):agg{
              n = agg.count(), total = agg.sum('plans'), mean = agg.mean('rate') })
            """,
            """
            ┌────────┬───────┬─────┬───────┐
            │ region │ mean  │  n  │ total │
            │ string │ float │ int │  int  │
            ├────────┼───────┼─────┼───────┤
            │ East   │ 0.625 │   2 │     5 │
            │ West   │  0.25 │   1 │     5 │
            │ North  │  NULL │   1 │     4 │
            └────────┴───────┴─────┴───────┘

            """)
        #expect(
            try fixture.run(
                """
                return sample:group_by('region'):agg{{'total', agg.sum('plans')}, {'n', agg.count()}}.columns
                """) == [["region", "total", "n"]])
        #expect(
            try fixture.run(
                """
                local t = sample:group_by():agg{
                  a = agg.count('rate'), b = agg.min('plans'), c = agg.max('region'), d = agg.median('plans'),
                  e = agg.quantile('plans', 0.25), f = agg.count_distinct('region'), g = agg.first('rate'),
                  h = agg.last('rate'), i = agg.share('plans') }
                local r = t:row(1)
                return r.a, r.b, r.c, r.d, r.e, r.f, r.g, r.h, r.i
                """) == [3, 2, "West", 3.5, 2.75, 3, 0.5, 0.75, 1.0])
    }

    @Test("counts rows per group and describes the grouping")
    func count() throws {
        #expect(
            try fixture.run(
                """
                local c = sample:count('region')
                local g = sample:group_by('region', 'plans')
                return c.columns, c:column('n'), tostring(g), #g, tostring(agg.quantile('rate', 0.9))
                """) == [
                    ["region", "n"],
                    .map([LuaPair(1, 2), LuaPair(2, 1), LuaPair(3, 1), LuaPair("n", 3)]),
                    "planscope.GroupedTable: 4 groups by 'region', 'plans'", 4,
                    "agg.quantile('rate', 0.9)",
                ])
    }

    @Test("joins on a name, a list of names or a left = right map, with how and check")
    func join() throws {
        try expectText(
            """
            local lookup = Table.from{province = {'110000', '130000'}, name = {'Beijing', 'Hebei'}}
            return tostring(sample:select('province', 'plans')
              :join(lookup, 'province', {how = 'left', check = 'many_to_one'}))
            """,
            """
            ┌──────────┬───────┬─────────┐
            │ province │ plans │  name   │
            │  string  │  int  │ string  │
            ├──────────┼───────┼─────────┤
            │ 110000   │     3 │ Beijing │
            │ 120000   │     5 │ NULL    │
            │ 130000   │     2 │ Hebei   │
            │ 140000   │     4 │ NULL    │
            └──────────┴───────┴─────────┘

            """)
        #expect(
            try fixture.run(
                """
                local lookup = Table.from{code = {'110000', '130000'}, name = {'Beijing', 'Hebei'}}
                local inner = sample:join(lookup, {province = 'code'})
                local anti = sample:join(lookup:rename{code = 'province'}, {'province'}, {how = 'anti'})
                return inner:column('name'), anti:column('province')
                """) == [
                    .map([LuaPair(1, "Beijing"), LuaPair(2, "Hebei"), LuaPair("n", 2)]),
                    .map([LuaPair(1, "120000"), LuaPair(2, "140000"), LuaPair("n", 2)]),
                ])
    }

    @Test("orders by columns, descending with a leading minus, limits and deduplicates")
    func orderLimitDistinct() throws {
        #expect(
            try fixture.run(
                """
                return sample:order_by('region', '-rate'):column('province'),
                       sample:order_by{'-plans'}:limit(2):column('plans'),
                       sample:distinct('region'):column('region'), #sample:distinct(), #sample:limit(0)
                """) == [
                    .map([
                        LuaPair(1, "130000"), LuaPair(2, "110000"), LuaPair(3, "140000"),
                        LuaPair(4, "120000"), LuaPair("n", 4),
                    ]),
                    .map([LuaPair(1, 5), LuaPair(2, 4), LuaPair("n", 2)]),
                    .map([
                        LuaPair(1, "East"), LuaPair(2, "West"), LuaPair(3, "North"),
                        LuaPair("n", 3),
                    ]),
                    4, 0,
                ])
    }

    @Test("pivots wide, gathers long and completes combinations")
    func reshape() throws {
        try expectText(
            """
            local long = Table.from{region = {'East', 'East', 'West'}, period = {'Q1', 'Q2', 'Q1'}, rate = {1, 2, 3}}
            return tostring(long:pivot{rows = 'region', cols = 'period', values = 'rate', fill = 0})
            """,
            """
            ┌────────┬─────┬─────┐
            │ region │ Q1  │ Q2  │
            │ string │ int │ int │
            ├────────┼─────┼─────┤
            │ East   │   1 │   2 │
            │ West   │   3 │   0 │
            └────────┴─────┴─────┘

            """)
        try expectText(
            "return tostring(sample:select('region', 'plans', 'rate'):limit(2):longer{cols = {'plans', 'rate'}})",
            """
            ┌────────┬────────┬───────┐
            │ region │  name  │ value │
            │ string │ string │ float │
            ├────────┼────────┼───────┤
            │ East   │ plans  │     3 │
            │ East   │ rate   │   0.5 │
            │ West   │ plans  │     5 │
            │ West   │ rate   │  0.25 │
            └────────┴────────┴───────┘

            """)
        #expect(
            try fixture.run(
                """
                local long = Table.from({region = {'East', 'East', 'West'}, period = {'Q1', 'Q2', 'Q1'}, n = {1, 2, 3}},
                                        {columns = {'region', 'period', 'n'}})
                local full = long:complete('region', 'period', {fill = {n = 0}})
                return #long:complete{'region', 'period'}, full:column('n'),
                       sample:longer{cols = 'plans', names_to = 'k', values_to = 'v'}.columns
                """) == [
                    4,
                    .map([
                        LuaPair(1, 1), LuaPair(2, 2), LuaPair(3, 3), LuaPair(4, 0), LuaPair("n", 4),
                    ]),
                    ["region", "province", "rate", "k", "v"],
                ])
    }

    @Test("appends totals and profiles columns")
    func totalsDescribe() throws {
        try expectText(
            "return tostring(sample:totals('All'))",
            sampleHeader + """

                │ East   │ 110000   │     3 │   0.5 │
                │ West   │ 120000   │     5 │  0.25 │
                │ East   │ 130000   │     2 │  0.75 │
                │ North  │ 140000   │     4 │  NULL │
                │ All    │ NULL     │    14 │   1.5 │

                """ + sampleFooter)
        #expect(try fixture.run("return sample:totals():row(5).region") == ["Total"])
        try expectText(
            "return tostring(sample:describe())",
            """
            ┌──────────┬────────┬───────┬───────┬──────────┬────────┬────────┬───────┐
            │  column  │  type  │ count │ nulls │ distinct │  min   │  max   │ mean  │
            │  string  │ string │  int  │  int  │   int    │ string │ string │ float │
            ├──────────┼────────┼───────┼───────┼──────────┼────────┼────────┼───────┤
            │ region   │ string │     4 │     0 │        3 │ East   │ West   │  NULL │
            │ province │ string │     4 │     0 │        4 │ 110000 │ 140000 │  NULL │
            │ plans    │ int    │     4 │     0 │        4 │ 2      │ 5      │   3.5 │
            │ rate     │ float  │     3 │     1 │        3 │ 0.25   │ 0.75   │   0.5 │
            └──────────┴────────┴───────┴───────┴──────────┴────────┴────────┴───────┘

            """)
    }

    @Test("leaves every input of a chain unchanged")
    func chainingKeepsInputs() throws {
        let before = try fixture.text("return tostring(sample)")
        #expect(
            try fixture.run(
                """
                local step = sample:where{region = 'East'}
                local result = step:mutate{x = 1}:rename{x = 'y'}:order_by('-plans'):select('y', 'plans')
                sample:totals(); sample:group_by('region'):agg{n = agg.count()}; sample:complete('region', 'plans')
                return #step, step.columns, result.columns, #result
                """) == [2, ["region", "province", "plans", "rate"], ["y", "plans"], 2])
        assertEqualText(try fixture.text("return tostring(sample)"), before)
    }

    // MARK: - Values between Lua and Swift

    @Test("builds tables from records and from columns, sorting keys unless columns are given")
    func fromShapes() throws {
        #expect(
            try fixture.run("return Table.from{ {b = 1, a = 'x'}, {c = true} }.columns") == [
                ["a", "b", "c"]
            ])
        #expect(try fixture.run("return Table.from{ b = {1}, a = {'x'} }.columns") == [["a", "b"]])
        #expect(
            try fixture.run(
                """
                local t = Table.from({ b = {1}, a = {'x'} }, {columns = {'b', 'a', 'c'}})
                return t.columns, t:row(1).c, #Table.from{}, #Table.from({}, {columns = {'a'}}).columns
                """) == [["b", "a", "c"], nil, 0, 1])
    }

    @Test("sizes columns by n or the largest index, nils being nulls")
    func fromNils() throws {
        #expect(
            try fixture.run(
                """
                local t = Table.from{ a = {1, nil, 3}, b = {'x', n = 4} }
                return #t, t:column('a'), t:column('b')
                """) == [
                    4, .map([LuaPair(1, 1), LuaPair(3, 3), LuaPair("n", 4)]),
                    .map([LuaPair(1, "x"), LuaPair("n", 4)]),
                ])
        #expect(
            try fixture.run("local c = sample:column('rate') return #Table.from{ c = c }") == [4])
    }

    @Test("keeps integers, floats, booleans, nulls and UTF-8 text apart through a round trip")
    func roundTrip() throws {
        #expect(
            try fixture.run(
                """
                local t = Table.from{ i = {1, 2}, f = {2.0, 0.5}, m = {1, 2.5}, s = {'两个', ''}, b = {true, false} }
                local r = t:row(1)
                return math.type(r.i), math.type(r.f), r.f, math.type(r.m), r.m, r.s, t:row(2).s, r.b, t:row(2).b,
                       t:row(2).m
                """) == ["integer", "float", 2.0, "float", 1.0, "两个", "", true, false, 2.5])
        #expect(
            try fixture.run(
                """
                local t = Table.from({ {p = 110000, d = '2013-01-02', x = 2.0} },
                                     {types = {p = 'string', d = 'date', x = 'int'}})
                return t:row(1).p, t:row(1).d, math.type(t:row(1).x), tostring(t)
                """) == [
                    "110000", "2013-01-02", "integer",
                    """
                    ┌────────────┬────────┬─────┐
                    │     d      │   p    │  x  │
                    │    date    │ string │ int │
                    ├────────────┼────────┼─────┤
                    │ 2013-01-02 │ 110000 │   2 │
                    └────────────┴────────┴─────┘

                    """,
                ])
    }

    @Test("pushes Swift tables and reads them back unchanged")
    func swiftRoundTrip() throws {
        let table = try Table([
            ("name", Column(.string(.plain(["α", "b"])))),
            ("n", Column(storage: .int64([1, 0]), validity: Validity([true, false]))),
        ])
        try TableAPI.push(table, in: fixture.lua)
        let global = LuaReference(popping: fixture.lua)
        fixture.lua.push(fixture.environment)
        fixture.lua.push(global)
        fixture.lua.setField(-2, "pushed")
        fixture.lua.stack.pop()
        #expect(
            try fixture.run("return pushed:row(1).name, pushed:row(2).n, #pushed") == ["α", nil, 2])
        var received: Table?
        fixture.lua.define("receive", in: fixture.environment) { call in
            received = try TableAPI.checkTable(call, 1)
            return 0
        }
        try fixture.run("receive(pushed:where{name = 'α'})")
        received?.checkInvariants()
        #expect(received?.rowCount == 1)
        #expect(received?.row(0) == [.string("α"), .int(1)])
    }
}

extension TableAPITests {
    @Test("reads declarative arguments raw, so no Lua code runs behind them")
    func noHiddenCalls() throws {
        #expect(
            try fixture.run(
                """
                local calls = 0
                local spy = {__index = function() calls = calls + 1 end, __len = function() calls = calls + 1 return 9 end}
                local t = sample:where{region = setmetatable({'East'}, spy)}
                local g = sample:group_by('region'):agg(setmetatable({n = agg.count()}, spy))
                local m = sample:mutate(setmetatable({k = setmetatable({1, 2, 3, 4}, spy)}, spy))
                return calls, #t, #g, m:column('k').n
                """) == [0, 2, 3, 4])
    }
}
