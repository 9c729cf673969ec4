-- Specs of the globals in docs/lua-api.md, one group per entry. LuaSpecTests runs this file
-- as `planscope run --param year=2014 lua/globals.lua SCRATCH` over Datasets/sample2013,
-- where SCRATCH is a fresh folder and the only one `write` may write to.
local spec = require("harness")
local group, test, run = spec.group, spec.test, spec.run
local eq, fails, fails_like, prints = spec.eq, spec.fails, spec.fails_like, spec.prints

-- The main chunk's `...` and `param` as the script received them: tests in the `params`
-- group change `param`, and `...` is visible only here.
local script_arguments = table.pack(...)
local given = {}
for name, value in pairs(param) do given[name] = value end

local scratch = arg[1]
local small = Table.from({ { a = 1, b = "x" }, { a = 2, b = "y" } }, { columns = { "a", "b" } })
local small_box = [[
┌─────┬────────┐
│  a  │   b    │
│ int │ string │
├─────┼────────┤
│   1 │ x      │
│   2 │ y      │
└─────┴────────┘
]]

-- A pattern matching `text` literally.
local function literal(text)
  return (text:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0"))
end

-- `output{}` settings outlive a test, so each test that changes them puts back the box
-- format. `null` cannot be unset (box says NULL, csv and markdown leave the field empty),
-- so it goes back to box's NULL and no later spec shows nulls in a data format.
local function restoring_output(body)
  return function()
    local ok, message = pcall(body)
    output{ format = "box", null = "NULL" }
    if not ok then error(message, 0) end
  end
end

group("arg", function()
  test("holds the script at index 0, as lua.c sets it", function()
    eq(arg[0], "lua/globals.lua")
  end)

  test("holds the words after the script from index 1, which the main chunk also receives as ...", function()
    eq(#arg, 1)
    eq(type(arg[1]), "string")
    eq(script_arguments, { n = 1, arg[1] })
  end)

  test("holds the words before the script at negative indices, nearest first", function()
    eq({ arg[-1], arg[-2], arg[-3], arg[-4] }, { "year=2014", "--param", "run", "planscope" })
    eq(arg[-5], nil)
  end)
end)

group("output", function()
  test("changes the format of every later show", restoring_output(function()
    prints("[\n  {\"a\":1,\"b\":\"x\"},\n  {\"a\":2,\"b\":\"y\"}\n]\n", function()
      output{ format = "json" }
      show(small)
    end)
    prints("|   a | b   |\n|----:|-----|\n|   1 | x   |\n|   2 | y   |\n\n", function()
      output{ format = "markdown" }
      show(small)
    end)
  end))

  test("sets the text of null, keeping the format it is not given", restoring_output(function()
    output{ format = "markdown" }
    output{ null = "NA" }
    prints("|   a |\n|----:|\n|   1 |\n|  NA |\n\n", function()
      show(Table.from{ a = { 1, nil, n = 2 } })
    end)
  end))

  test("takes eliding limits, which leave every row in place off a terminal", restoring_output(function()
    output{ max_rows = 1, max_width = 10 }
    prints("a = 1\nb = x\n\na = 2\nb = y\n", function() show(small, { format = "line" }) end)
  end))

  test("accepts an empty table of options and returns nothing", function()
    eq(select("#", output{}), 0)
  end)

  test("refuses an unknown option, suggesting the closest and listing the options", function()
    fails(function() output{ fromat = "csv" } end,
      "bad argument #1 to 'output' (unknown option 'fromat'; did you mean 'format'? (options: format, max_rows, max_width, null))")
    fails(function() output{ colour = true } end,
      "bad argument #1 to 'output' (unknown option 'colour' (options: format, max_rows, max_width, null))")
  end)

  test("refuses options given as a list", function()
    fails(function() output{ "csv" } end, "bad argument #1 to 'output' (expected named options, got a list)")
  end)

  test("refuses a format it does not know, listing the formats", function()
    fails(function() output{ format = "xlsx" } end,
      "bad argument #1 to 'output' (invalid option 'xlsx' for 'format' (formats: box, csv, tsv, json, ndjson, markdown, line))")
  end)

  test("refuses limits that are not positive integers", function()
    fails(function() output{ max_rows = 0 } end,
      "bad argument #1 to 'output' (option 'max_rows' must be a positive integer, got 0)")
    fails(function() output{ max_width = "wide" } end,
      "bad argument #1 to 'output' (option 'max_width' must be a positive integer, got string)")
  end)

  test("refuses a call without a table", function()
    fails(function() output() end, "bad argument #1 to 'output' (table expected, got no value)")
  end)
end)

group("param", function()
  test("holds each value given with --param as a string", function()
    eq(given, { year = "2014" })
  end)

  test("reads a name not given as nil", function()
    eq(param.province, nil)
  end)
end)

group("params", function()
  test("converts a given value to its default's type and returns param", function()
    local p = params{ year = { default = 2013, doc = "The plan year" } }
    eq(p.year, 2014)
    eq(p == param, true)
  end)

  test("fills in the defaults of names not given, and nil where there is none", function()
    local p = params{ year = { default = 2013 }, province = { doc = "Province code" }, share = { default = 0.5 } }
    eq({ p.year, p.province, p.share }, { 2014, nil, 0.5 })
  end)

  test("refuses a name given with --param that the script does not declare, suggesting a close one", function()
    fails(function() params{ yeer = { default = 2013 } } end,
      "bad argument #1 to 'params' (unknown parameter 'year'; did you mean 'yeer'?)")
  end)

  test("refuses a given value that does not parse as its default's type", function()
    fails(function() params{ year = { default = true } } end,
      "bad argument #1 to 'params' (parameter 'year' expects 'true' or 'false' (its default is true), got '2014')")
  end)

  test("refuses declarations that are not tables, and unknown fields in them", function()
    fails(function() params{ year = 2013 } end,
      "bad argument #1 to 'params' (parameter 'year' must be declared with a table { default = …, doc = \"…\" }, got number)")
    fails(function() params{ year = { dflt = 2013 } } end,
      "bad argument #1 to 'params' (unknown field 'dflt' in parameter 'year' (fields: default, doc))")
    fails(function() params{ { default = 2013 } } end,
      "bad argument #1 to 'params' (expected parameter declarations (name = { default = … }), got a list)")
  end)

  test("refuses to run inside a coroutine, whose stack is not the script's", function()
    -- resume, not wrap: wrap adds a second location to the message it passes on.
    fails(function() error(select(2, coroutine.resume(coroutine.create(function() params{} end))), 0) end,
      "bad argument #1 to 'params' (params must be called from the main chunk, not a coroutine)")
  end)

  test("refuses a call without declarations", function()
    fails(function() params() end,
      "bad argument #1 to 'params' (table of parameter declarations expected, got no value)")
  end)
end)

group("print", function()
  test("writes its arguments separated by tabs, ending the line", function()
    prints("measures:\t42\t0.5\tnil\n", function() print("measures:", #plan.measures, 0.5, nil) end)
  end)

  test("writes an empty line when given nothing", function()
    prints("\n", function() print() end)
  end)

  test("writes in order with show", function()
    prints("before\n" .. small_box .. "after\n", function()
      print("before")
      show(small)
      print("after")
    end)
  end)

  test("prints a table as its box rendering", function()
    prints(small_box .. "\n", function() print(small) end)
  end)

  test("passes on the error of a __tostring that returns no string", function()
    fails_like(function() print(setmetatable({}, { __tostring = function() return {} end })) end,
      "'__tostring' must return a string$")
  end)
end)

group("read_csv", function()
  local plans = plan.workspace.path .. "/plans.csv"

  test("reads a file into a table, inferring each column's type", function()
    local t = read_csv(plans)
    eq(#t, 32)
    eq(t.columns, { "province", "submitted_on", "status", "reviewed_on", "reviewer_notes" })
    eq(t:describe():column("type"), { n = 5, "string", "date", "string", "date", "string" })
  end)

  test("keeps code-like values as text and reads empty fields as nil", function()
    local first = read_csv(plans):row(1)
    eq({ first.province, first.status, first.reviewer_notes }, { "110000", "accepted", nil })
  end)

  test("keeps only the columns asked for, in file order", function()
    eq(read_csv(plans, { columns = { "status", "province" } }).columns, { "province", "status" })
  end)

  test("returns bad rows as a second table when asked to collect them", function()
    local t, rejects = read_csv(plans, { types = { submitted_on = "int" }, rejects = true })
    eq(#t, 1)
    eq(#rejects, 31)
    eq(rejects.columns, { "line", "column", "message", "text" })
    eq(rejects:row(1):totable(), {
      line = 2, column = 8, message = "expected an integer in column 'submitted_on', found '2012-12-11'",
      text = "110000,2012-12-11,accepted,2012-12-15,",
    })
  end)

  test("fails on bad rows otherwise, listing each as file:line:column and counting them", function()
    fails_like(function() read_csv(plans, { types = { submitted_on = "int" } }) end,
      "plans%.csv:2:8: expected an integer in column 'submitted_on', found '2012%-12%-11'\n.*\n31 errors$")
  end)

  test("reads tab-separated files with delimiter = \"\\t\"", function()
    write(small, scratch .. "/small.tsv")
    local t = read_csv(scratch .. "/small.tsv", { delimiter = "\t" })
    eq({ t.columns, t:column("b") }, { { "a", "b" }, { n = 2, "x", "y" } })
  end)

  test("reads semicolon-separated files with delimiter = \";\"", function()
    local file = scratch .. "/small.csv"
    write(small, file)
    local commas = read_csv(file)
    eq(read_csv(file, { delimiter = ";" }).columns, { "a,b" })
    eq(commas.columns, { "a", "b" })
  end)

  test("refuses a delimiter that is not one character other than the quote and line breaks", function()
    for _, bad in ipairs{ ";;", "", "\"", "\n" } do
      fails(function() read_csv(plans, { delimiter = bad }) end,
        "bad argument #2 to 'read_csv' (invalid option '" .. bad .. "' for 'delimiter' "
          .. "(expected one ASCII character other than '\"', CR and LF, such as ',', ';' or '\\t'))")
    end
  end)

  test("refuses options given as a list, and a list where a list of strings belongs", function()
    fails(function() read_csv(plans, { "types" }) end, "bad argument #2 to 'read_csv' (expected named options, got a list)")
    fails(function() read_csv(plans, { columns = "province" }) end,
      "bad argument #2 to 'read_csv' (option 'columns' must be an array of strings, got string)")
  end)

  test("refuses files outside the folders it may read", function()
    fails_like(function() read_csv("/etc/passwd") end,
      "^" .. literal("lua/globals.lua:") .. "%d+: "
        .. literal("bad argument #1 to 'read_csv' (reading '/etc/passwd' is not allowed: only paths under '"))
  end)

  test("refuses a file that does not exist", function()
    fails(function() read_csv(scratch .. "/missing.csv") end, "cannot open '" .. scratch .. "/missing.csv' (no such file)")
  end)

  test("refuses unknown options and unknown types", function()
    fails(function() read_csv(plans, { typs = {} }) end,
      "bad argument #2 to 'read_csv' (unknown option 'typs'; did you mean 'types'? (options: columns, delimiter, rejects, types))")
    fails(function() read_csv(plans, { types = { province = "integer" } }) end,
      "bad argument #2 to 'read_csv' (invalid type 'integer' for column 'province' (expected one of int, float, string, bool, date))")
  end)

  test("refuses a call without a path", function()
    fails(function() read_csv() end, "bad argument #1 to 'read_csv' (string expected, got no value)")
  end)
end)

group("show", function()
  test("prints a box table by default, as tostring draws it", function()
    prints(small_box, function() show(small) end)
    prints(tostring(plan.main_tasks), function() show(plan.main_tasks) end)
  end)

  test("puts a title above a box table", function()
    prints("Two rows\n" .. small_box, function() show(small, { title = "Two rows" }) end)
  end)

  test("prints the format asked for in this call only", function()
    prints("a = 1\nb = x\n\na = 2\nb = y\n" .. small_box, function()
      show(small, { format = "line" })
      show(small)
    end)
  end)

  test("separates a csv table from the tables before it by one blank line", function()
    prints(small_box .. "\na,b\n1,x\n2,y\n", function()
      show(small)
      show(small, { format = "csv" })
    end)
  end)

  test("leaves the title out of data formats and puts it in bold above Markdown", function()
    prints("{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n", function() show(small, { format = "ndjson", title = "T" }) end)
    prints("**T**\n\n|   a | b   |\n|----:|-----|\n|   1 | x   |\n|   2 | y   |\n\n", function()
      show(small, { format = "markdown", title = "T" })
    end)
  end)

  test("prints an empty table's header and counts", function()
    prints("┌───────┐\n│   a   │\n│ float │\n└───────┘\n0 rows · 1 column\n", function() show(Table.from{ a = {} }) end)
  end)

  test("refuses what is not a table", function()
    fails(function() show() end, "bad argument #1 to 'show' (planscope.Table expected, got no value)")
    fails(function() show({ { a = 1 } }) end, "bad argument #1 to 'show' (planscope.Table expected, got table)")
  end)

  test("refuses unknown options and formats", function()
    fails(function() show(small, { formt = "csv" }) end, "bad argument #2 to 'show' (unknown option 'formt'; did you mean 'format'? (options: format, title))")
    fails(function() show(small, { format = "xlsx" }) end,
      "bad argument #2 to 'show' (invalid option 'xlsx' for 'format' (formats: box, csv, tsv, json, ndjson, markdown, line))")
  end)
end)

group("write", function()
  test("writes csv for a .csv file, which read_csv reads back the same", function()
    write(plan.main_tasks, scratch .. "/main_tasks.csv")
    eq(tostring(read_csv(scratch .. "/main_tasks.csv")), tostring(plan.main_tasks))
  end)

  test("writes nulls as empty fields, which read back as nulls", function()
    write(Table.from({ { a = 1 }, { b = "x" } }, { columns = { "a", "b" } }), scratch .. "/nulls.csv")
    local back = read_csv(scratch .. "/nulls.csv")
    eq({ back:column("a"), back:column("b") }, { { n = 2, 1 }, { n = 2, nil, "x" } })
  end)

  test("writes the format opts.format names whatever the extension", function()
    write(small, scratch .. "/small.txt", { format = "csv" })
    eq(read_csv(scratch .. "/small.txt"):column("b"), { n = 2, "x", "y" })
  end)

  test("replaces an existing file whole", function()
    write(plan.main_tasks, scratch .. "/replaced.csv")
    write(small, scratch .. "/replaced.csv")
    eq(#read_csv(scratch .. "/replaced.csv"), 2)
  end)

  test("refuses paths outside the folders it may write, '..' included", function()
    local refused = "bad argument #2 to 'write' (writing '%s' is not allowed: only paths under '"
    fails_like(function() write(small, "/etc/main_tasks.csv") end, literal(refused:format("/etc/main_tasks.csv")))
    local escape = scratch .. "/../escape.csv"
    fails_like(function() write(small, escape) end, literal(refused:format(escape)))
  end)

  test("refuses a folder that does not exist", function()
    -- The message names the resolved path, which differs from `scratch` where /tmp is a link.
    fails_like(function() write(small, scratch .. "/no/such.csv") end,
      "cannot create '.*/no/such%.csv' %(no such file or directory%)$")
  end)

  test("refuses the Excel profile for formats other than csv and tsv", function()
    fails(function() write(small, scratch .. "/x.json", { excel = true }) end,
      "bad argument #3 to 'write' ('excel' applies to csv and tsv only)")
  end)

  test("refuses unknown options and formats", function()
    fails(function() write(small, scratch .. "/x.csv", { fromat = "csv" }) end,
      "bad argument #3 to 'write' (unknown option 'fromat'; did you mean 'format'? (options: excel, format))")
    fails(function() write(small, scratch .. "/x.csv", { format = "xlsx" }) end,
      "bad argument #3 to 'write' (invalid option 'xlsx' for 'format' (formats: box, csv, tsv, json, ndjson, markdown, line))")
  end)

  test("refuses a call without a table or a path", function()
    fails(function() write() end, "bad argument #1 to 'write' (planscope.Table expected, got no value)")
    fails(function() write(small) end, "bad argument #2 to 'write' (string expected, got no value)")
  end)
end)

return run()
