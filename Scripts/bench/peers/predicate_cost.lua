-- Per-row cost of a filter inside PlanScope: a declarative where{} (Swift alone) against a
-- Lua predicate (one call into Lua per row), on the same loaded table, median of 5 runs.
--   planscope run peers/predicate_cost.lua INPUT
local rows = read_csv(..., { types = { period = "string", province = "string", county = "string" },
  columns = { "period", "province", "measure", "value" } })
local function median(times) table.sort(times) return times[(#times + 1) // 2] end
local function time(filter)
  local times, kept = {}, nil
  for run = 1, 5 do
    local start = os.clock()
    kept = #filter()
    times[run] = os.clock() - start
  end
  return median(times) / #rows * 1e9, kept
end
local declarative, kept_d = time(function() return rows:where{ period = "2013Q4" } end)
local predicate, kept_p = time(function() return rows:where(function(r) return r.period == "2013Q4" end) end)
assert(kept_d == kept_p, "the two filters disagree")
print(("rows %d, kept %d"):format(#rows, kept_d))
print(("where{}              %8.1f ns/row"):format(declarative))
print(("where(function)      %8.1f ns/row"):format(predicate))
