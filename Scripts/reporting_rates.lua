-- Progress reporting in 2013: reports expected, received and received on time, by
-- province and by region. A province owes one report per planned measure per quarter;
-- a report is on time when it arrives within the sample's due days after the quarter.
local due_days = plan.report_rules:where{ rule = "report_due_days" }:row(1).value
local QUARTERS = 4

local function due_date(period)  -- the quarter's end plus due_days (fewer than 28)
  local year, quarter = period:match("^(%d+)Q(%d)$")
  local year_due, month_due = tonumber(year), tonumber(quarter) * 3 + 1
  if month_due > 12 then year_due, month_due = year_due + 1, 1 end
  return string.format("%04d-%02d-%02d", year_due, month_due, math.tointeger(due_days))
end

local expected = plan.plan_items:count("province")
  :mutate{ expected = function(r) return QUARTERS * r.n end }:select("province", "expected")

local received = plan.progress:where{ reporter_kind = "province" }
  :rename{ reporter = "province" }
  :join(plan.plan_items:select("province", "measure"), { "province", "measure" })
  :mutate{ on_time = function(r) return r.reported_on <= due_date(r.period) and 1 or 0 end }
  :group_by("province"):agg{ { "received", agg.count() }, { "on_time", agg.sum("on_time") } }

local function percent(part, whole)  -- one decimal; nil when nothing was due
  if whole == 0 then return nil end
  return math.floor(1000 * part / whole + 0.5) / 10
end

local function rates(t)
  return t:mutate{ { "received_pct", function(r) return percent(r.received, r.expected) end },
                   { "on_time_pct", function(r) return percent(r.on_time, r.expected) end } }
end

-- Every office, so one that filed no plan shows with nothing due.
local by_province = plan.provinces:select("province", "name", "region")
  :join(expected, "province", { how = "left", check = "one_to_one" })
  :join(received, "province", { how = "left", check = "one_to_one" })
  :mutate{ expected = function(r) return r.expected or 0 end, received = function(r) return r.received or 0 end,
           on_time = function(r) return r.on_time or 0 end }
show(rates(by_province):order_by("on_time_pct", "province"), { title = "Reporting by province, 2013" })

local by_region = by_province:group_by("region")
  :agg{ { "expected", agg.sum("expected") }, { "received", agg.sum("received") }, { "on_time", agg.sum("on_time") } }
show(rates(by_region:order_by("region"):totals()), { title = "Reporting by region, 2013" })
