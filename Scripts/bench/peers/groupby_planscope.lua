-- PlanScope Lua peer of the group-by benchmark, the filter written as a Lua predicate:
--   planscope run groupby_planscope.lua INPUT OUTPUT [declarative]
-- The predicate is called once per row from Swift; with "declarative" the same filter
-- is a where{} that runs in Swift alone. Grouping and aggregation run in Swift either way.
local source, destination, mode = ...
local types = { period = "string", province = "string", county = "string", measure = "int",
  metric = "string", value = "float", target = "int", status = "string" }
local rows = read_csv(source, { types = types, columns = { "period", "province", "measure", "value" } })
local q4
if mode == "declarative" then
  q4 = rows:where{ period = "2013Q4" }
else
  q4 = rows:where(function(r) return r.period == "2013Q4" end)
end
local result = q4:group_by("province", "measure")
  :agg{ { "count", agg.count("value") }, { "sum", agg.sum("value") }, { "mean", agg.mean("value") } }
  :order_by("province", "measure")
write(result, destination)
