-- Plain Lua 5.4 peer that first holds every row as a Lua table, then filters and groups,
-- as a script without a table engine would: lua5.4 groupby_rows.lua INPUT OUTPUT.
local source, destination = arg[1], arg[2]
local ROW = "^([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*)$"

local rows = {}
local lines = io.lines(source)
lines() -- header
for line in lines do
  local period, province, county, measure, metric, value, target, status = line:match(ROW)
  rows[#rows + 1] = { period = period, province = province, county = county, measure = tonumber(measure),
    metric = metric, value = tonumber(value), target = tonumber(target), status = status }
end

local groups, ordered = {}, {}
for _, r in ipairs(rows) do
  if r.period == "2013Q4" then
    local key = r.province .. "," .. r.measure
    local group = groups[key]
    if group == nil then
      group = { province = r.province, measure = r.measure, count = 0, sum = 0.0 }
      groups[key] = group
      ordered[#ordered + 1] = group
    end
    if r.value ~= nil then
      group.count = group.count + 1
      group.sum = group.sum + r.value
    end
  end
end

table.sort(ordered, function(a, b)
  if a.province ~= b.province then return a.province < b.province end
  return a.measure < b.measure
end)

local out = assert(io.open(destination, "w"))
out:write("province,measure,count,sum,mean\n")
for _, g in ipairs(ordered) do
  local mean = g.count > 0 and string.format("%.17g", g.sum / g.count) or ""
  out:write(string.format("%s,%d,%d,%.17g,%s\n", g.province, g.measure, g.count, g.sum, mean))
end
out:close()
