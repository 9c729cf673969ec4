-- Specs of the `plan` module in docs/lua-api.md, one group per entry, over the sample
-- workspace Datasets/sample2013: the catalog of the Promotion Plan 2013 (42 measures: 12
-- national, 30 national and local, of which 9 required and 21 optional) plus synthetic
-- plans and progress reports.
local spec = require("harness")
local group, test, run = spec.group, spec.test, spec.run
local eq, near, fails = spec.eq, spec.near, spec.fails

-- The column `name` of `t` as a map from each `key` value to the row's value.
local function by(t, key, name)
  local map = {}
  for _, r in t:rows() do map[r[key]] = r[name] end
  return map
end

group("plan", function()
  test("holds every table of the workspace under its name", function()
    for _, name in ipairs(plan.workspace.tables) do eq(getmetatable(plan[name]), "planscope.Table") end
  end)

  test("holds the catalog: 42 measures, 12 national and 30 national and local", function()
    eq(#plan.measures, 42)
    eq(by(plan.measures:count("scope"), "scope", "n"), { national = 12, joint = 30 })
    eq(by(plan.measures:where{ scope = "joint" }:count("local_role"), "local_role", "n"), { required = 9, optional = 21 })
  end)

  test("holds the catalog's other tables whole", function()
    local counts = {}
    for _, name in ipairs{ "main_tasks", "tasks", "departments", "responsibilities", "targets", "provinces", "rules" } do
      counts[name] = #plan[name]
    end
    eq(counts, { main_tasks = 3, tasks = 15, departments = 13, responsibilities = 77, targets = 13, provinces = 32, rules = 13 })
  end)

  test("holds the sample's plans and reports", function()
    eq({ #plan.plans, #plan.plan_items, #plan.progress }, { 32, 458, 1996 })
  end)

  test("reads a name that is no table as nil", function()
    eq(plan.budgets, nil)
  end)

  test("refuses changes to its tables", function()
    fails(function() plan.measures.extra = 1 end, "planscope.Table is read-only")
  end)
end)

group("plan.attainment", function()
  local year = plan.attainment{ period = "2013Q4" }

  test("rates each of the 13 numeric targets at year end", function()
    eq(#year, 13)
    eq(by(year:count("status"), "status", "n"), { exceeded = 1, met = 5, no_data = 2, not_due = 1, not_met = 4 })
    eq(by(year:count("rag"), "rag", "n"), { green = 6, amber = 3, red = 1, grey = 3 })
  end)

  test("judges each comparator by its own rule", function()
    local status, rag = by(year, "target", "status"), by(year, "target", "rag")
    -- about 20 with 17 is short; a range of 3 to 5 with 2 is under it; 23 of about 20 exceeds.
    eq({ status.t03, rag.t03, status.t13, rag.t13, status.t11, rag.t11 }, { "not_met", "amber", "not_met", "red", "exceeded", "green" })
  end)

  test("leaves a programme target not yet reached not_due, showing its rate", function()
    local t05 = year:where{ target = "t05" }:row(1)
    eq({ t05.horizon, t05.status, t05.rag, t05.actual, t05.rate }, { "programme", "not_due", "grey", 41.0, 0.41 })
  end)

  test("counts the units of a per-unit target that meet it", function()
    local t08 = year:where{ target = "t08" }:row(1)
    eq({ t08.units_met, t08.units_total, t08.status }, { 11, 15, "not_met" })
  end)

  test("judges against the elapsed share of the year before year end", function()
    local half = plan.attainment{ period = "2013Q2" }
    eq(half:row(1).expected_share, 0.5)
    eq(by(half:count("status"), "status", "n"), { constrained = 2, no_data = 2, not_due = 2, on_track = 7 })
  end)

  test("uses opts.tolerance instead of each target's own", function()
    eq(by(plan.attainment{ period = "2013Q4", tolerance = 0.2 }:where{ target = { "t03", "t11" } }, "target", "status"), { t03 = "met", t11 = "met" })
  end)

  test("gives one row per target and reporter with by = \"reporter\"", function()
    local reporters = plan.attainment{ period = "2013Q4", by = "reporter" }
    eq(#reporters, 40)
    eq(by(reporters:count("reporter_kind"), "reporter_kind", "n"), { department = 10, province = 30 })
  end)

  test("refuses a call without a period, or with one that is no quarter", function()
    fails(function() return plan.attainment{} end,
      "bad argument #1 to 'attainment' (option 'period' is required (a quarter such as '2013Q4'))")
    fails(function() return plan.attainment{ period = "2013Q5" } end,
      "bad argument #1 to 'attainment' (invalid option '2013Q5' for 'period' (expected a quarter such as '2013Q4'))")
  end)

  test("refuses a period in a year the progress reports do not cover", function()
    fails(function() return plan.attainment{ period = "2014Q1" } end,
      "bad argument #1 to 'attainment' (invalid option '2014Q1' for 'period' (the progress reports cover 2013Q1 to 2013Q4))")
  end)

  test("judges a programme target not due until reached", function()
    local t = plan.attainment{ period = "2013Q4" }:where{ target = { "t05", "t06" } }
    eq({ t:column("status"), t:column("rag") }, { { n = 2, "not_due", "met" }, { n = 2, "grey", "green" } })
  end)

  test("refuses unknown options and values", function()
    fails(function() return plan.attainment{ period = "2013Q4", peroid = 1 } end,
      "bad argument #1 to 'attainment' (unknown option 'peroid'; did you mean 'period'? (options: by, period, tolerance))")
    fails(function() return plan.attainment{ period = "2013Q4", by = "province" } end,
      "bad argument #1 to 'attainment' (invalid option 'province' for 'by' (expected 'target' or 'reporter'))")
    fails(function() return plan.attainment{ period = "2013Q4", tolerance = 1 } end,
      "bad argument #1 to 'attainment' (invalid option '1' for 'tolerance' (expected a number from 0 to less than 1))")
  end)
end)

group("plan.compliance", function()
  local verdicts = plan.compliance()

  test("gives one verdict per provincial office: 21 accepted, 11 returned", function()
    eq(#verdicts, 32)
    eq(by(verdicts:count("verdict"), "verdict", "n"), { accept = 21, ["return"] = 11 })
  end)

  test("quotes the rule behind each reason", function()
    eq(verdicts:where{ province = "540000" }:row(1).reasons,
      "1 optional measure selected, expected at least 2 (optional_count_min: \"In principle, optional measures to be taken by the provincial intellectual property offices shall be more than 2, yet no more than 10.\")")
  end)

  test("returns a plan without all 9 required measures", function()
    local xpcc = verdicts:where{ province = "XPCC" }:row(1)
    eq({ xpcc.required_included, xpcc.verdict, xpcc.problems }, { "8 of 9", "return", 1 })
  end)

  test("gives an accepted plan no reasons", function()
    local beijing = verdicts:where{ province = "110000" }:row(1)
    eq({ beijing.verdict, beijing.reasons, beijing.problems }, { "accept", "", 0 })
  end)

  test("refuses arguments", function()
    fails(function() return plan.compliance(1) end, "bad argument #1 to 'compliance' (no arguments expected, got number)")
  end)
end)

group("plan.gaps", function()
  local five = Table.from{ { province = "110000", x = 10 }, { province = "120000", x = 10 },
    { province = "130000", x = 10 }, { province = "140000", x = 20 }, { province = "150000", x = 50 } }
  local plain = plan.gaps(five, { value = "x", group = false })
  local summary = by(plain.summary, "measure", "value")

  test("indexes each unit against the nation, ties sharing the best rank", function()
    eq(plain.units.columns, { "unit", "value", "gap", "relative_gap", "index", "rank" })
    eq(plain.units:column("index"), { n = 5, 50.0, 50.0, 50.0, 100.0, 250.0 })
    eq(plain.units:column("rank"), { n = 5, 3, 3, 3, 2, 1 })
  end)

  test("summarises the spread: CV, Gini and Theil", function()
    eq(summary.mean, 20.0)
    near(summary.cv_population, 0.7745966692414834, 1e-12)
    near(summary.gini, 0.36, 1e-12)
    near(summary.theil_t, 0.250201211769094, 1e-12)
    near(summary.theil_l, 0.23263016196113612, 1e-12)
  end)

  test("finds no spread among equal values", function()
    local same = by(plan.gaps(five:mutate{ x = 7 }, { value = "x", group = false }).summary, "measure", "value")
    for _, measure in ipairs{ "gini", "cv_population", "theil_t", "theil_l" } do eq(same[measure], 0.0) end
  end)

  test("compares the provinces by region, leaving the XPCC out", function()
    local g = plan.gaps(plan.plan_items:count("province"), { value = "n" })
    eq(g.units.columns, { "unit", "group", "value", "gap", "relative_gap", "index", "rank", "rank_in_group" })
    eq({ #g.units, #g.units:where{ unit = "XPCC" } }, { 30, 0 })
    eq(by(g.summary, "measure", "value").excluded_units, 1.0)
  end)

  test("skips units whose value is null", function()
    local t = Table.from({ { province = "110000", x = 10 }, { province = "120000" }, { province = "130000", x = 30 } }, { columns = { "province", "x" } })
    eq(#plan.gaps(t, { value = "x", group = false }).units, 2)
  end)

  test("refuses a call without a value column", function()
    fails(function() return plan.gaps(five, {}) end, "bad argument #2 to 'gaps' (option 'value' is required (the column to compare))")
  end)

  test("refuses a column that does not exist with a suggestion", function()
    fails(function() return plan.gaps(five, { value = "y" }) end,
      "bad argument #2 to 'gaps' (unknown column 'y'; did you mean 'x'? (columns: province, x))")
  end)

  test("refuses a table where no unit has a value", function()
    fails(function() return plan.gaps(five:where{ x = 0 }, { value = "x" }) end,
      "bad argument #1 to 'gaps' (no statistical unit has a value in column 'x')")
  end)
end)

group("plan.measure", function()
  test("returns measure n as a row view", function()
    local m = plan.measure(26)
    eq(getmetatable(m), "planscope.Row")
    eq({ m.measure, m.scope, m.local_role, m.timing }, { 26, "joint", "required", "completed" })
  end)

  test("returns nil for a number that is no measure", function()
    eq({ plan.measure(0), plan.measure(99) }, {})
  end)

  test("refuses what is not an integer", function()
    fails(function() return plan.measure() end, "bad argument #1 to 'measure' (number expected, got no value)")
    fails(function() return plan.measure(1.5) end, "bad argument #1 to 'measure' (number has no integer representation)")
  end)
end)

group("plan.milestones", function()
  local year = plan.milestones{ period = "2013Q4" }

  test("gives one row per measure without numeric targets and expected reporter", function()
    eq(#year, 393)
    eq(#year:distinct("measure"), 35)
    eq(#year:join(plan.targets:select("measure"), "measure"), 0)
    eq(by(year:count("reporter_kind"), "reporter_kind", "n"), { department = 37, province = 356 })
  end)

  test("judges each timing class by its own rule", function()
    local counts = {}
    for _, r in year:count("timing", "status"):rows() do counts[r.timing .. " " .. r.status] = r.n end
    eq(counts, {
      ["completed met"] = 54, ["completed not_met"] = 12, ["long_term constrained"] = 9,
      ["long_term on_track"] = 55, ["phased met"] = 210, ["phased not_met"] = 53,
    })
  end)

  test("counts work in progress as on track before year end", function()
    eq(by(plan.milestones{ period = "2013Q2" }:count("status"), "status", "n"), { on_track = 392, constrained = 1 })
  end)

  test("refuses a call without a period", function()
    fails(function() return plan.milestones() end,
      "bad argument #1 to 'milestones' (option 'period' is required (a quarter such as '2013Q4'))")
  end)

  test("refuses unknown options", function()
    fails(function() return plan.milestones{ period = "2013Q4", by = "reporter" } end,
      "bad argument #1 to 'milestones' (unknown option 'by' (options: period))")
  end)
end)

group("plan.workspace", function()
  local w = plan.workspace

  test("names and titles the loaded workspace and gives its path", function()
    eq(w.name, "sample2013")
    eq(w.title, "SYNTHETIC sample: provincial plans and 2013 progress reports under the Promotion Plan 2013")
    eq(w.path:match("[^/]+$"), "sample2013")
  end)

  test("lists its 14 tables, catalog first, and the 6 synthetic ones", function()
    eq(w.tables, {
      "main_tasks", "tasks", "measures", "departments", "responsibilities", "targets", "provinces", "rules",
      "plans", "plan_items", "progress", "target_units", "populations", "report_rules",
    })
    eq(w.synthetic, { "plans", "plan_items", "progress", "target_units", "populations", "report_rules" })
  end)
end)

return run()
