-- The harness of the Lua specs, after pandoc's tasty-lua. A spec file registers `test`s
-- inside `group`s (one group per documented function, named by its anchor in
-- docs/lua-api.md) and ends with `return run()`; LuaSpecTests.swift reads what `run`
-- returns. Tests are registered first and run afterwards, so the Swift side can check
-- that every registered test reported back: none can be skipped without a failure.
--
-- Assertions raise errors at the spec's own line (error level 2), so a failure names
-- the line of the failing check. A test that makes no check fails too.

local harness = {}

local groups = {}
local group_names = {}
local current -- the group whose body is being read
local running -- the test being run: its count of checks and its output expectations
local registered = 0
local printed = 0 -- output expectations so far, numbering their markers
local finished = false

-- The text of a value in a message: strings quoted, numbers with their subtype visible
-- (`2` against `2.0`), plain tables with their keys in sorted order.
local function describe(value, depth)
  depth = depth or 0
  local kind = type(value)
  if kind == "string" then return string.format("%q", value) end
  if kind == "number" then
    local text = tostring(value)
    return tonumber(text) == value and text or string.format("%.17g", value)
  end
  if kind ~= "table" then return tostring(value) end
  if depth > 3 then return "{…}" end
  local keys = {}
  for key in pairs(value) do keys[#keys + 1] = key end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local parts = {}
  for _, key in ipairs(keys) do
    local shown = math.type(key) == "integer" and "" or "[" .. describe(key) .. "] = "
    parts[#parts + 1] = shown .. describe(value[key], depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- Deep equality for plain tables; numbers must agree in subtype too, because an integer
-- column that comes back as floats is a bug the API promises not to have.
local function same(a, b)
  if type(a) == "number" and type(b) == "number" then return a == b and math.type(a) == math.type(b) end
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  for key, value in pairs(a) do
    if not same(value, b[key]) then return false end
  end
  for key in pairs(b) do
    if a[key] == nil then return false end
  end
  return true
end

-- "chunk:line: " of the spec line that called the assertion calling this. The sandbox has
-- no debug library, so error's own level does the walking: 1 is pcall, 2 this function,
-- 3 the assertion, 4 its caller. Callers must not tail-call this, which drops a frame.
local function caller_location()
  local _, where = pcall(error, "", 4)
  return where
end

local function checked()
  if running == nil then error("assertions belong inside a test", 3) end
  running.checks = running.checks + 1
end

-- Registers a group of tests named after a documented function. `body` runs at once and
-- only registers tests; an error in it stops the whole file, which the Swift side reports.
function harness.group(name, body)
  if finished then error("group '" .. tostring(name) .. "' registered after run()", 2) end
  if current ~= nil then error("groups do not nest: '" .. tostring(name) .. "' is inside '" .. current.name .. "'", 2) end
  if type(name) ~= "string" or name == "" then error("a group needs a name", 2) end
  if group_names[name] then error("group '" .. name .. "' is defined twice", 2) end
  group_names[name] = true
  current = { name = name, tests = {}, names = {} }
  body()
  if #current.tests == 0 then error("group '" .. name .. "' has no tests", 2) end
  groups[#groups + 1] = current
  current = nil
end

-- Registers a test, named by the behaviour it checks, in the group being read.
function harness.test(name, body)
  if current == nil then error("test '" .. tostring(name) .. "' is outside a group", 2) end
  if type(name) ~= "string" or name == "" then error("a test needs a name", 2) end
  if type(body) ~= "function" then error("test '" .. name .. "' needs a function", 2) end
  if current.names[name] then error("test '" .. name .. "' is defined twice in '" .. current.name .. "'", 2) end
  current.names[name] = true
  current.tests[#current.tests + 1] = { name = name, body = body }
  registered = registered + 1
end

-- Checks that `actual` equals `expected` (deeply, for plain tables).
function harness.eq(actual, expected)
  checked()
  if not same(actual, expected) then
    error("expected " .. describe(expected) .. ", found " .. describe(actual), 2)
  end
end

-- Checks that two numbers differ by at most `tolerance`.
function harness.near(actual, expected, tolerance)
  checked()
  if type(actual) ~= "number" or math.abs(actual - expected) > tolerance then
    error("expected " .. describe(expected) .. " ± " .. describe(tolerance) .. ", found " .. describe(actual), 2)
  end
end

-- Checks that `fn` raises exactly `message` at the line of this call: the location a
-- script's user sees is part of the message, so it is checked too.
function harness.fails(fn, message)
  checked()
  local where = caller_location()
  local ok, found = pcall(fn)
  if ok then error("expected the error " .. describe(where .. message) .. ", but the call succeeded", 2) end
  if found ~= where .. message then
    error("expected the error " .. describe(where .. message) .. ", found " .. describe(found), 2)
  end
end

-- Checks that `fn` raises an error whose message matches the Lua pattern `pattern`, for
-- messages that hold paths or come from liblua itself.
function harness.fails_like(fn, pattern)
  checked()
  local ok, found = pcall(fn)
  if ok then error("expected an error matching " .. describe(pattern) .. ", but the call succeeded", 2) end
  if type(found) ~= "string" or not found:find(pattern) then
    error("expected an error matching " .. describe(pattern) .. ", found " .. describe(found), 2)
  end
end

-- Checks that `fn` prints exactly `expected` through print and show. Lua cannot read its
-- own output, so the text is fenced with marker lines and the Swift side compares it.
function harness.prints(expected, fn)
  checked()
  local where = caller_location()
  printed = printed + 1
  local id = printed
  running.outputs[#running.outputs + 1] = { id = id, expected = expected, where = where }
  print("\1spec-output " .. id .. " begin")
  local ok, message = pcall(fn)
  print("\1spec-output " .. id .. " end")
  if not ok then error(message, 0) end
end

-- Runs every registered test and returns the report LuaSpecTests.swift reads: the count
-- registered and one entry per test run, in order.
function harness.run()
  if finished then error("run() called twice", 2) end
  if current ~= nil then error("run() called inside group '" .. current.name .. "'", 2) end
  finished = true
  local results = {}
  for _, g in ipairs(groups) do
    for _, t in ipairs(g.tests) do
      running = { checks = 0, outputs = {} }
      local ok, message = pcall(t.body)
      if ok and running.checks == 0 then ok, message = false, "the test made no checks" end
      if not ok and type(message) ~= "string" then
        message = "(error object is a " .. type(message) .. " value)"
      end
      results[#results + 1] = {
        group = g.name, test = t.name, passed = ok, message = ok and "" or message,
        outputs = running.outputs,
      }
      running = nil
    end
  end
  return { registered = registered, results = results }
end

return harness
