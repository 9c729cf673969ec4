-- Plain Lua 5.4 peer of the group-by benchmark: lua5.4 groupby.lua INPUT OUTPUT.
-- The generated file has no quotes or embedded commas, so a pattern split per line is exact.
local source, destination = arg[1], arg[2]
-- Captures period, province, measure and value; the rest of the line is not looked at.
local ROW = "^([^,]*),([^,]*),[^,]*,([^,]*),[^,]*,([^,]*),"

local groups, ordered = {}, {}
local lines = io.lines(source)
lines() -- header
for line in lines do
  local period, province, measure, value = line:match(ROW)
  if period == "2013Q4" then
    local key = province .. "," .. measure
    local group = groups[key]
    if group == nil then
      group = { province = province, measure = tonumber(measure), count = 0, sum = 0.0 }
      groups[key] = group
      ordered[#ordered + 1] = group
    end
    if value ~= "" then
      group.count = group.count + 1
      group.sum = group.sum + tonumber(value)
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
