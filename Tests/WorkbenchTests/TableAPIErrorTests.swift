import LuaKit
import PlanScopeTestSupport
import Testing
import Workbench

/// Every message the table API gives, word for word, at the script's own line.
@Suite struct TableAPIErrorTests {
    static let columns = "(columns: region, province, plans, rate)"

    /// (code, exact message), each run as the chunk `test` against `sample`.
    static let cases: [(String, String)] = [
        // Unknown columns, with suggestions, at the argument the user wrote.
        (
            "return sample:select('departmnt')",
            "test:1: bad argument #1 to 'select' (unknown column 'departmnt' \(columns))"
        ),
        (
            "local t = sample\nreturn t:select('region', 'plnas')",
            "test:2: bad argument #2 to 'select' (unknown column 'plnas'; did you mean 'plans'? \(columns))"
        ),
        (
            "return sample:where{regoin = 'East'}",
            "test:1: bad argument #1 to 'where' (unknown column 'regoin'; did you mean 'region'? \(columns))"
        ),
        (
            "return sample:order_by('-rat')",
            "test:1: bad argument #1 to 'order_by' (unknown column 'rat'; did you mean 'rate'? \(columns))"
        ),
        (
            "return sample:group_by('region'):agg{total = agg.sum('plan')}",
            "test:1: bad argument #1 to 'agg' (unknown column 'plan'; did you mean 'plans'? \(columns))"
        ),
        (
            "return sample:complete('region', {fill = {regin = 0}})",
            "test:1: bad argument #2 to 'complete' (unknown column 'regin'; did you mean 'region'? \(columns))"
        ),
        (
            "return sample:join(sample:select('region'), 'province')",
            "test:1: bad argument #2 to 'join' (unknown column 'province' (columns: region))"
        ),
        (
            "\n\nreturn sample:row(1).regon",
            "test:3: unknown column 'regon'; did you mean 'region'? \(columns)"
        ),
        (
            "return sample:where(function(r) return r.nope end)",
            "test:1: unknown column 'nope'; did you mean 'rate'? \(columns)"
        ),
        // Type mismatches name the column and both types.
        (
            "return sample:where{plans = 'three'}",
            "test:1: bad argument #1 to 'where' (column 'plans' is int, got string 'three')"
        ),
        (
            "return sample:mutate{x = function(r) if r.plans > 3 then return 'big' end return 1 end}",
            "test:1: bad argument #1 to 'mutate' (column 'x' is int, got string 'big')"
        ),
        (
            "return sample:group_by('region'):agg{total = agg.sum('region')}",
            "test:1: bad argument #1 to 'agg' (column 'region' is string, expected float)"
        ),
        (
            "return Table.from{ a = {1, 'x'} }",
            "test:1: bad argument #1 to 'from' (column 'a' is int, got string 'x')"
        ),
        (
            "return Table.from{ {a = 1}, {a = true} }",
            "test:1: bad argument #1 to 'from' (column 'a' is int, got bool 'true')"
        ),
        (
            "return Table.from({ {d = '2013-02-30'} }, {types = {d = 'date'}})",
            "test:1: bad argument #1 to 'from' (column 'd' is date, got string '2013-02-30')"
        ),
        // Lua types, bad self and missing arguments, in lauxlib's words.
        (
            "return sample:where(42)",
            "test:1: bad argument #1 to 'where' (table or function expected, got number)"
        ),
        (
            "local fake = {where = sample.where}\nreturn fake:where{}",
            "test:2: calling 'where' on bad self (planscope.Table expected, got table)"
        ),
        (
            "return sample:limit()",
            "test:1: bad argument #1 to 'limit' (number expected, got no value)"
        ),
        ("return agg.sum()", "test:1: bad argument #1 to 'sum' (string expected, got no value)"),
        (
            "return sample:select(sample)",
            "test:1: bad argument #1 to 'select' (string expected, got planscope.Table)"
        ),
        ("return Table.from(5)", "test:1: bad argument #1 to 'from' (table expected, got number)"),
        (
            "return sample:join({}, 'region')",
            "test:1: bad argument #1 to 'join' (planscope.Table expected, got table)"
        ),
        // Values and options.
        (
            "return sample:limit(-1)",
            "test:1: bad argument #1 to 'limit' (limit expects a count of 0 or more, got -1)"
        ),
        (
            "return sample:row(9)",
            "test:1: bad argument #1 to 'row' (row index out of range (expected 1 to 4, got 9))"
        ),
        (
            "return agg.quantile('rate', 2)",
            "test:1: bad argument #2 to 'quantile' (expected a number from 0 to 1, got 2)"
        ),
        (
            "return sample:join(sample, 'province', {how = 'outer'})",
            "test:1: bad argument #3 to 'join' (invalid option 'outer' for 'how' (expected inner, left or anti))"
        ),
        (
            "return sample:join(sample, 'province', {hwo = 'left'})",
            "test:1: bad argument #3 to 'join' (unknown option 'hwo'; did you mean 'how'? (options: how, check))"
        ),
        (
            "return sample:join(sample, 'region', {check = 'one_to_one'})",
            "test:1: bad argument #3 to 'join' "
                + "(join check 'one_to_one' failed: duplicate keys in the left table: 'East')"
        ),
        (
            "return sample:mutate{x = {1, 2}}",
            "test:1: bad argument #1 to 'mutate' (column 'x' has 2 rows, expected 4)"
        ),
        (
            "return sample:mutate{x = function(r) return {} end}",
            "test:1: mutate: the function for 'x' returned a table at row 1; expected nil, boolean, number or string"
        ),
        (
            "return sample:group_by('region'):agg{n = 5}",
            "test:1: bad argument #1 to 'agg' "
                + "(aggregate 'n' expected planscope.Aggregate (such as agg.count()), got number)"
        ),
        (
            "return sample:rename{region = 5}",
            "test:1: bad argument #1 to 'rename' (new name for 'region' expected string, got number)"
        ),
        (
            "return sample:rename{region = 'plans'}",
            "test:1: bad argument #1 to 'rename' (duplicate column name 'plans')"
        ),
        (
            "return sample:pivot{rows = 'region', cols = 'province'}",
            "test:1: bad argument #1 to 'pivot' (missing option 'values')"
        ),
        ("return sample:longer{}", "test:1: bad argument #1 to 'longer' (missing option 'cols')"),
        (
            "return sample:row(1)[1]",
            "test:1: expected a column name to index a planscope.Row, got number"
        ),
        // Table.from's shapes and options.
        (
            "return Table.from({ {a = 1} }, {types = {a = 'integer'}})",
            "test:1: bad argument #2 to 'from' "
                + "(invalid type 'integer' for column 'a' (expected int, float, string, bool or date))"
        ),
        (
            "return Table.from({ {a = 1} }, {types = {b = 'int'}})",
            "test:1: bad argument #2 to 'from' (types: unknown column 'b'; did you mean 'a'? (columns: a))"
        ),
        (
            "return Table.from({ {a = 1}, {b = 2} }, {columns = {'a'}})",
            "test:1: bad argument #1 to 'from' (record 2: unknown column 'b'; did you mean 'a'? (columns: a))"
        ),
        (
            "return Table.from{ a = {1, 2, 3}, b = {1, n = 2} }",
            "test:1: bad argument #1 to 'from' (column 'b' has 2 rows, expected 3)"
        ),
        (
            "return Table.from{ {a = 1}, 5 }",
            "test:1: bad argument #1 to 'from' (record 2 expected table, got number)"
        ),
        (
            "return Table.from{ a = {1}, [1] = {} }",
            "test:1: bad argument #1 to 'from' "
                + "(expected an array of records or a table of columns, got a table with both indices and the key 'a')"
        ),
        (
            "return Table.from{ a = {[1e9] = 1} }",
            "test:1: bad argument #1 to 'from' "
                + "(column 'a' expected at most 100000000 values, got an index of 1000000000)"
        ),
        (
            "return Table.from{ a = {1, 2, n = 1} }",
            "test:1: bad argument #1 to 'from' (column 'a' expected 'n' to be an integer of at least 2)"
        ),
        (
            "return Table.from{ a = 1 }",
            "test:1: bad argument #1 to 'from' (column 'a' expected an array, got number)"
        ),
        (
            "return Table.from{ {a = print} }",
            "test:1: bad argument #1 to 'from' "
                + "(record 1 field 'a' expected nil, boolean, number or string, got function)"
        ),
        // Tables and rows are immutable.
        ("sample.x = 1", "test:1: planscope.Table is read-only"),
        ("local r = sample:row(1)\nr.region = 'x'", "test:2: planscope.Row is read-only"),
        ("for i, r in sample:rows() do\n  r.plans = 0\nend", "test:2: planscope.Row is read-only"),
        ("sample:group_by('region').x = 1", "test:1: planscope.GroupedTable is read-only"),
    ]

    @Test("reports each error at the script's line, in lauxlib's words", arguments: cases)
    func message(code: String, expected: String) throws {
        let fixture = try TableAPIFixture()
        #expect(fixture.error(code) == expected)
    }

    @Test("passes a predicate's own error through unchanged")
    func predicateError() throws {
        let fixture = try TableAPIFixture()
        #expect(
            fixture.error("return sample:where(function(r)\n  error('boom')\nend)")
                == "test:2: boom")
        #expect(
            fixture.error("return sample:mutate{x = function(r) error({}) end}")
                == "(error object is a table value)")
        #expect(
            try fixture.run("return pcall(sample.where, sample, function() error('x', 0) end)") == [
                false, "x",
            ])
    }
}
