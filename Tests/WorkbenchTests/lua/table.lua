-- Specs of `Table` and its methods in docs/lua-api.md, one group per entry, over
-- Datasets/sample2013 and small tables built here. TableAPIErrorTests holds the full table
-- of messages; each group here checks at least one, at the script's own line. The file is a
-- little over 400 lines: `Table` has 19 entries, and one module keeps one spec file.
local spec = require("harness")
local group, test, run = spec.group, spec.test, spec.run
local eq, fails = spec.eq, spec.fails

-- Three rows with a null in each column, in a fixed column order.
local sample = Table.from({ { g = "a", x = 1 }, { g = "a" }, { g = "b", x = 3 }, { x = 4 } }, { columns = { "g", "x" } })
local main_task_columns = "(columns: main_task, name, role, first_task, last_task, heading, role_text)"

-- What every verb that takes column names says to `plan.main_tasks:<verb>("rol")`.
local function unknown_role(verb)
  return "bad argument #1 to '" .. verb .. "' (unknown column 'rol'; did you mean 'role'? " .. main_task_columns .. ")"
end

group("Table.from", function()
  test("builds a table from an array of records, columns in sorted name order", function()
    local t = Table.from{ { region = "East", plans = 10 }, { region = "West", plans = 12 } }
    eq({ #t, t.columns, t:column("plans") }, { 2, { "plans", "region" }, { n = 2, 10, 12 } })
  end)

  test("builds a table from a table of columns, in the order opts.columns gives", function()
    local t = Table.from({ code = { "007", "110000" }, n = { 1, 2.5 } }, { columns = { "code", "n" } })
    eq({ t.columns, t:column("code"), t:column("n") }, { { "code", "n" }, { n = 2, "007", "110000" }, { n = 2, 1.0, 2.5 } })
  end)

  test("reads a missing field as null and counts rows by a column's n", function()
    eq(sample:column("g"), { n = 4, "a", "a", "b", nil })
    eq(#Table.from{ x = { 1, nil, nil, n = 3 } }, 3)
  end)

  test("fixes a type with opts.types instead of inferring it", function()
    local t = Table.from({ { d = "2013-01-02", n = 1 } }, { types = { d = "date", n = "float" } })
    eq(t:describe():column("type"), { n = 2, "date", "float" })
  end)

  test("builds an empty table from an empty table", function() eq({ #Table.from{}, #Table.from{}.columns }, { 0, 0 }) end)

  test("refuses what is neither records nor columns, and values that do not fit a column", function()
    fails(function() return Table.from(5) end, "bad argument #1 to 'from' (table expected, got number)")
    fails(function() return Table.from{ a = { 1, "x" } } end, "bad argument #1 to 'from' (column 'a' is int, got string 'x')")
    fails(function() return Table.from{ { 1 } } end, "bad argument #1 to 'from' (record 1 expected column names as keys, got indices)")
  end)
end)

group("Table.fields", function()
  test("#t counts rows and t.columns lists names in order", function()
    eq(#plan.tasks, 15)
    eq(plan.tasks.columns, { "task", "main_task", "title", "objective" })
  end)

  test("t.columns is a copy, so changing it leaves the table alone", function()
    plan.tasks.columns[1] = "changed"
    eq(plan.tasks.columns[1], "task")
  end)

  test("tostring(t) draws the box, counting the rows of an empty table", function()
    eq(tostring(Table.from{ a = { 1 } }), "┌─────┐\n│  a  │\n│ int │\n├─────┤\n│   1 │\n└─────┘\n")
    eq(tostring(Table.from{}), "0 rows · 0 columns\n")
  end)

  test("reads other names as nil, column names included: rows hold the values", function() eq(plan.tasks.title, nil) end)

  test("refuses assignment: tables are read-only", function() fails(function() plan.tasks.extra = 1 end, "planscope.Table is read-only") end)
end)

group("Table:column", function()
  test("returns the column as an array, with n set because nulls are nil", function()
    eq(plan.main_tasks:column("role"), { n = 3, "foundation", "guarantee", "objective" })
    eq(plan.targets:column("unit_count").n, 13)
  end)

  test("refuses a column that does not exist with a suggestion", function()
    fails(function() return plan.main_tasks:column("rol") end, unknown_role("column"))
  end)
end)

group("Table:complete", function()
  local t = Table.from{ { region = "East", year = 2013, n = 1 }, { region = "West", year = 2014, n = 2 } }

  test("adds the missing combinations with nulls elsewhere", function()
    local full = t:complete("region", "year")
    eq({ #full, full:column("n") }, { 4, { n = 4, 1, nil, nil, 2 } })
  end)

  test("fills the added rows with opts.fill", function() eq(t:complete("region", "year", { fill = { n = 0 } }):column("n"), { n = 4, 1, 0, 0, 2 }) end)

  test("refuses a bad fill at the options' argument: unknown column, wrong type, key column", function()
    fails(function() return t:complete("region", "year", { fill = { m = 0 } }) end,
      "bad argument #3 to 'complete' (unknown column 'm'; did you mean 'n'? (columns: n, region, year))")
    fails(function() return t:complete("region", "year", { fill = { n = "none" } }) end,
      "bad argument #3 to 'complete' (column 'n' is int, got string 'none')")
    fails(function() return t:complete("region", "year", { fill = { year = 0 } }) end,
      "bad argument #3 to 'complete' (complete cannot fill key column 'year')")
  end)
end)

group("Table:count", function()
  test("counts rows per combination of the columns in a column n", function()
    local by_role = plan.measures:count("scope", "local_role")
    eq({ by_role:column("local_role"), by_role:column("n") }, { { n = 3, "none", "optional", "required" }, { n = 3, 12, 21, 9 } })
  end)

  test("counts nulls as a value of their own", function() eq(sample:count("g"):column("n"), { n = 3, 2, 1, 1 }) end)

  test("counts all rows without columns, and an empty table as 0", function()
    eq(plan.measures:count():column("n"), { n = 1, 42 })
    eq(Table.from{}:count():column("n"), { n = 1, 0 })
  end)

  test("refuses a column that does not exist with a suggestion", function()
    fails(function() return plan.main_tasks:count("rol") end, unknown_role("count"))
  end)
end)

group("Table:describe", function()
  local d = sample:describe()

  test("profiles each column: type, count, nulls, distinct, min, max and mean", function()
    eq(d.columns, { "column", "type", "count", "nulls", "distinct", "min", "max", "mean" })
    eq(d:row(2):totable(), { column = "x", type = "int", count = 3, nulls = 1, distinct = 3, min = "1", max = "4", mean = 8 / 3 })
  end)

  test("leaves the mean of a text column null", function()
    eq(d:row(1):totable(), { column = "g", type = "string", count = 3, nulls = 1, distinct = 2, min = "a", max = "b" })
  end)

  test("refuses a call on something that is not a table", function()
    fails(function() local fake = { describe = sample.describe } return fake:describe() end,
      "calling 'describe' on bad self (planscope.Table expected, got table)")
  end)
end)

group("Table:distinct", function()
  test("keeps the first row of each distinct combination, in order of appearance", function()
    eq(plan.provinces:distinct("region"):column("region"), { n = 4, "East", "Central", "West", "Northeast" })
    eq(#plan.provinces:distinct("region", "kind"), 8)
  end)

  test("compares whole rows without columns", function()
    eq(#plan.provinces:distinct(), 32)
    eq(#Table.from{ a = { 1, 1, 2 } }:distinct(), 2)
  end)

  test("refuses a column that does not exist with a suggestion", function()
    fails(function() return plan.main_tasks:distinct("rol") end, unknown_role("distinct"))
  end)
end)

group("Table:group_by", function()
  test("computes one row per group, keys first and aggregates in sorted name order", function()
    local t = plan.provinces:group_by("region"):agg{ n = agg.count(), first = agg.first("name") }
    eq(t.columns, { "region", "first", "n" })
    eq(t:column("n"), { n = 4, 10, 6, 13, 3 })
    eq(t:row(1).first, "Beijing")
  end)

  test("skips nulls in every aggregate but agg.count()", function()
    local t = sample:group_by("g"):agg{ { "rows", agg.count() }, { "values", agg.count("x") }, { "sum", agg.sum("x") } }
    eq(t:row(1):totable(), { g = "a", rows = 2, values = 1, sum = 1 })
  end)

  test("computes means, medians, quantiles and shares", function()
    local t = Table.from{ x = { 1, 2, 3, 10 } }:group_by():agg{
      { "mean", agg.mean("x") }, { "median", agg.median("x") }, { "q", agg.quantile("x", 0.5) },
      { "share", agg.share("x") }, { "distinct", agg.count_distinct("x") }, { "last", agg.last("x") },
    }
    eq(t:row(1):totable(), { mean = 4.0, median = 2.5, q = 2.5, share = 1.0, distinct = 4, last = 10 })
  end)

  test("describes itself and is read-only", function()
    local g = plan.provinces:group_by("region")
    eq(tostring(g), "planscope.GroupedTable: 4 groups by 'region'")
    fails(function() g.extra = 1 end, "planscope.GroupedTable is read-only")
  end)

  test("refuses an aggregate over a column of the wrong type, and a quantile outside 0 to 1", function()
    fails(function() return sample:group_by("g"):agg{ total = agg.sum("g") } end,
      "bad argument #1 to 'agg' (column 'g' is string, expected float)")
    fails(function() return agg.quantile("x", 2) end, "bad argument #2 to 'quantile' (expected a number from 0 to 1, got 2)")
  end)
end)

group("Table:join", function()
  local left = Table.from({ { k = 1, a = "x" }, { k = 2, a = "y" }, { k = 3, a = "z" } }, { columns = { "k", "a" } })
  local right = Table.from({ { k = 1, b = "p" }, { k = 1, b = "q" }, { k = 3, b = "r" } }, { columns = { "k", "b" } })

  test("keeps matching rows of both by default, one per match", function()
    local t = left:join(right, "k")
    eq({ t.columns, t:column("b") }, { { "k", "a", "b" }, { n = 3, "p", "q", "r" } })
  end)

  test("keeps unmatched left rows with how = left, and only those with how = anti", function()
    eq(left:join(right, "k", { how = "left" }):column("b"), { n = 4, "p", "q", nil, "r" })
    eq(left:join(right, "k", { how = "anti" }):column("a"), { n = 1, "y" })
  end)

  test("joins on differently named columns with {left = \"right\"}", function() eq(#left:join(right:rename{ k = "id" }, { k = "id" }), 3) end)

  test("never matches null keys", function()
    local nulls = Table.from({ { k = 1 }, { k = 3 } }, { columns = { "k" } }):mutate{ k = { nil, 3, n = 2 } }
    eq(#nulls:join(right, "k"), 1)
  end)

  test("checks cardinality when asked, naming the keys that break it", function()
    eq(#plan.responsibilities:join(plan.measures:select("measure", "scope"), "measure", { check = "many_to_one" }), 77)
    fails(function() return left:join(right, "k", { check = "many_to_one" }) end,
      "bad argument #3 to 'join' (join check 'many_to_one' failed: duplicate keys in the right table: '1')")
  end)

  test("refuses a how it does not know", function()
    fails(function() return left:join(right, "k", { how = "outer" }) end,
      "bad argument #3 to 'join' (invalid option 'outer' for 'how' (expected inner, left or anti))")
  end)
end)

group("Table:limit", function()
  test("keeps the first n rows, or all when there are fewer", function()
    eq(plan.tasks:limit(2):column("task"), { n = 2, 1, 2 })
    eq(#plan.tasks:limit(100), 15)
    eq(#plan.tasks:limit(0), 0)
  end)

  test("refuses a negative count and a count that is not an integer", function()
    fails(function() return plan.tasks:limit(-1) end, "bad argument #1 to 'limit' (limit expects a count of 0 or more, got -1)")
    fails(function() return plan.tasks:limit(1.5) end, "bad argument #1 to 'limit' (number has no integer representation)")
  end)
end)

group("Table:longer", function()
  local wide = Table.from({ region = { "East", "West" }, y2013 = { 4, 5 }, y2014 = { 6 } }, { columns = { "region", "y2013", "y2014" } })

  test("turns the columns into name and value rows, keeping the others", function()
    local long = wide:longer{ cols = { "y2013", "y2014" }, names_to = "year", values_to = "plans" }
    eq(long.columns, { "region", "year", "plans" })
    eq({ long:column("year"), long:column("plans") }, { { n = 4, "y2013", "y2014", "y2013", "y2014" }, { n = 4, 4, 6, 5, nil } })
  end)

  test("names the new columns name and value by default", function() eq(wide:longer{ cols = { "y2013" } }.columns, { "region", "y2014", "name", "value" }) end)

  test("refuses a call without cols, and columns of different types", function()
    fails(function() return wide:longer{ cols = { "y2013", "region" } } end,
      "bad argument #1 to 'longer' (column 'region' is string, expected int)")
    fails(function() return wide:longer{} end, "bad argument #1 to 'longer' (missing option 'cols')")
  end)
end)

group("Table:mutate", function()
  local t = plan.main_tasks:select("main_task")

  test("adds columns from a function of the row, a constant or an array", function()
    local m = t:mutate{ double = function(r) return 2 * r.main_task end, source = "seed", rank = { 3, 2, 1 } }
    eq(m.columns, { "main_task", "double", "rank", "source" })
    eq(m:row(1):totable(), { main_task = 1, double = 2, rank = 3, source = "seed" })
  end)

  test("replaces a column of the same name and leaves its input unchanged", function()
    eq(t:mutate{ main_task = function(r) return r.main_task * 10 end }:column("main_task"), { n = 3, 10, 20, 30 })
    eq(t:column("main_task"), { n = 3, 1, 2, 3 })
  end)

  test("adds {name, value} pairs in the order given, each seeing the ones before", function()
    eq(t:mutate{ { "z", 1 }, { "y", function(r) return r.z + 1 end } }.columns, { "main_task", "z", "y" })
  end)

  test("stores nil as null", function()
    eq(t:mutate{ odd = function(r) if r.main_task % 2 == 1 then return "odd" end end }:column("odd"), { n = 3, "odd", nil, "odd" })
  end)

  test("refuses an array of the wrong length", function()
    fails(function() return t:mutate{ x = { 1, 2 } } end, "bad argument #1 to 'mutate' (column 'x' has 2 rows, expected 3)")
  end)

  test("refuses a row view kept after the call returned", function()
    local kept
    t:mutate{ x = function(r) kept = r return 1 end }
    fails(function() return kept.main_task end,
      "this row belonged to a where() or mutate() call that has returned; keep values, or a copy from r:totable(), instead of the row")
  end)
end)

group("Table:order_by", function()
  local codes = Table.from{ s = { "b", "a", "B", "é", "z" } }

  test("sorts by the columns, -col descending, keeping ties in order", function()
    eq(plan.tasks:order_by("-main_task"):column("task"), { n = 15, 10, 11, 12, 13, 14, 15, 4, 5, 6, 7, 8, 9, 1, 2, 3 })
  end)

  test("puts nulls last in either direction", function()
    eq(plan.targets:order_by("unit_count"):column("unit_count")[13], nil)
    eq(plan.targets:order_by("-unit_count"):column("unit_count")[1], 20)
    eq(plan.targets:order_by("-unit_count"):column("unit_count")[13], nil)
  end)

  test("compares text by code point, never by locale", function()
    eq(codes:order_by("s"):column("s"), { n = 5, "B", "a", "b", "z", "é" })
  end)

  test("refuses a column that does not exist, with or without its minus", function()
    fails(function() return plan.tasks:order_by("--task") end,
      "bad argument #1 to 'order_by' (unknown column '-task'; did you mean 'task'? (columns: task, main_task, title, objective))")
  end)
end)

group("Table:pivot", function()
  local long = Table.from({ { r = "E", c = "y1", v = 1 }, { r = "E", c = "y2", v = 2 }, { r = "W", c = "y1", v = 3 } }, { columns = { "r", "c", "v" } })

  test("spreads values into columns named by another column", function()
    local wide = long:pivot{ rows = "r", cols = "c", values = "v" }
    eq({ wide.columns, wide:column("y2") }, { { "r", "y1", "y2" }, { n = 2, 2, nil } })
  end)

  test("fills missing cells with fill", function()
    eq(long:pivot{ rows = "r", cols = "c", values = "v", fill = 0 }:column("y2"), { n = 2, 2, 0 })
  end)

  test("refuses a call without values, and several values for one cell", function()
    fails(function() return long:mutate{ c = "y1" }:pivot{ rows = "r", cols = "c", values = "v" } end,
      "bad argument #1 to 'pivot' (pivot expected one value per cell, found several for: 'E, y1')")
    fails(function() return long:pivot{ rows = "r", cols = "c" } end, "bad argument #1 to 'pivot' (missing option 'values')")
  end)
end)

group("Table:rename", function()
  test("renames columns in place, all at once", function()
    eq(plan.main_tasks:rename{ main_task = "id" }.columns[1], "id")
    eq(sample:rename{ g = "x", x = "g" }.columns, { "x", "g" })
  end)

  test("refuses a name that is taken, and a column that does not exist with a suggestion", function()
    fails(function() return sample:rename{ g = "x" } end, "bad argument #1 to 'rename' (duplicate column name 'x')")
    fails(function() return plan.main_tasks:rename{ rol = "x" } end, unknown_role("rename"))
  end)
end)

group("Table:rows", function()
  test("iterates over index and row view, and over nothing in an empty table", function()
    local seen = {}
    for i, r in plan.main_tasks:rows() do seen[i] = r.role end
    for i in Table.from{}:rows() do seen[i] = "unexpected" end
    eq(seen, { "foundation", "guarantee", "objective" })
  end)

  test("returns row i as a view whose pairs run in column order", function()
    local names = {}
    for name in pairs(plan.main_tasks:row(1)) do names[#names + 1] = name end
    eq(names, plan.main_tasks.columns)
    eq(plan.provinces:row(1).name_zh, "北京市")
  end)

  test("copies a row with totable, which the script may change", function()
    local copy = plan.main_tasks:row(2):totable()
    copy.role = "changed"
    eq(plan.main_tasks:row(2).role, "guarantee")
  end)

  test("refuses an index out of range, an unknown column and assignment to a view", function()
    fails(function() return plan.main_tasks:row(0) end, "bad argument #1 to 'row' (row index out of range (expected 1 to 3, got 0))")
    fails(function() return plan.main_tasks:row(1).rol end, "unknown column 'rol'; did you mean 'role'? " .. main_task_columns)
    fails(function() plan.main_tasks:row(1).role = "x" end, "planscope.Row is read-only")
  end)
end)

group("Table:select", function()
  test("keeps the named columns in that order, from names or an array", function()
    eq(plan.tasks:select("main_task", "task").columns, { "main_task", "task" })
    eq(plan.tasks:select{ "title" }.columns, { "title" })
  end)

  test("refuses a column named twice", function()
    fails(function() return plan.tasks:select("task", "task") end, "bad argument #1 to 'select' (duplicate column name 'task')")
  end)

  test("refuses a column that does not exist, counting arguments as written", function()
    fails(function() return plan.tasks:select("task", "titel") end,
      "bad argument #2 to 'select' (unknown column 'titel'; did you mean 'title'? (columns: task, main_task, title, objective))")
  end)

  test("refuses a call on something that is not a table", function()
    fails(function() local fake = { select = plan.tasks.select } return fake:select("task") end,
      "calling 'select' on bad self (planscope.Table expected, got table)")
  end)
end)

group("Table:totals", function()
  test("appends the sum of each numeric column and Total in the first text column", function()
    local t = plan.measures:count("timing"):order_by("timing"):totals()
    eq({ t:column("timing"), t:column("n") }, { { n = 4, "completed", "long_term", "phased", "Total" }, { n = 4, 7, 3, 32, 42 } })
  end)

  test("labels the row with the given text", function()
    eq(plan.measures:count("scope"):order_by("scope"):totals("All measures"):column("scope"),
      { n = 3, "joint", "national", "All measures" })
  end)

  test("skips nulls in the sums", function() eq(sample:totals():row(5):totable(), { g = "Total", x = 8 }) end)

  test("refuses a label that is not a string", function()
    fails(function() return sample:totals(1) end, "bad argument #1 to 'totals' (string expected, got number)")
  end)
end)

group("Table:where", function()
  test("keeps rows whose column equals the value", function()
    eq(#plan.measures:where{ scope = "national" }, 12)
    eq(#plan.measures:where{ scope = "joint", local_role = "required" }, 9)
  end)

  test("keeps rows whose column equals one of the values", function()
    eq(#plan.measures:where{ local_role = { "required", "optional" } }, 30)
    eq(#plan.measures:where{ local_role = {} }, 0)
  end)

  test("keeps rows for which a function returns a true value", function()
    eq(#plan.measures:where(function(r) return r.task <= 3 end), 11)
    eq(#plan.targets:where(function(r) return r.unit_count end), 2)
  end)

  test("keeps every row for no conditions, and none of an empty table", function()
    eq(#plan.measures:where{}, 42)
    eq(#Table.from{}:where{}, 0)
  end)

  test("never matches null", function() eq(#sample:where{ g = "a" } + #sample:where{ g = "b" }, 3) end)

  test("refuses what is neither conditions nor a function, and values of the wrong type", function()
    fails(function() return plan.measures:where{ scope = true } end, "bad argument #1 to 'where' (column 'scope' is string, got bool 'true')")
    fails(function() return plan.measures:where(42) end, "bad argument #1 to 'where' (table or function expected, got number)")
    fails(function() return plan.measures:where{ "national" } end, "bad argument #1 to 'where' (expected column = value conditions, got a list)")
  end)
end)

return run()
