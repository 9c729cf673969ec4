-- Target attainment at the end of 2013: every number the plan commits to, the actual
-- value (flows summed over the quarters, stocks at year end), the rate and a RAG status,
-- with the denominators shown; then the measures without numbers, by timing class.
local period = "2013Q4"
local function round3(x) return x and math.floor(1000 * x + 0.5) / 1000 end

local targets = plan.attainment{ period = period }
  :mutate{ rate = function(r) return round3(r.rate) end }
  :select("target", "metric", "comparator", "flow_or_stock", "target_value", "target_max", "actual", "rate",
    "status", "rag", "units_met", "units_total", "shortfall")
show(targets, { title = "Numeric targets at " .. period })
show(targets:count("rag"):order_by("rag"), { title = "Targets by RAG status" })

local milestones = plan.milestones{ period = period }
show(milestones:count("timing", "status"):order_by("timing", "status"),
  { title = "Measures without numeric targets: reporters by timing class and status" })
