-- The year-end assessment of the 2013 Promotion Plan, pulling the other assessments
-- together. Run it as: planscope run --format markdown Scripts/annual_assessment.lua
local period = "2013Q4"
local function heading(text) print("## " .. text) print() end
local function percent(part, whole) return whole > 0 and math.floor(1000 * part / whole + 0.5) / 10 or nil end

print("# Annual assessment of the 2013 Promotion Plan") print()
print(("Workspace: %s (%s)."):format(plan.workspace.name, plan.workspace.title))
print(("Synthetic tables: %s."):format(table.concat(plan.workspace.synthetic, ", "))) print()

heading("The plan")
show(plan.measures:count("scope", "local_role"):order_by("scope", "local_role"):totals())

heading("Provincial plans")
local verdicts = plan.compliance()
show(verdicts:count("verdict"):order_by("verdict"))
show(verdicts:where{ verdict = "return" }:select("province", "name", "problems", "reasons"):order_by("province"))

heading("Numeric targets at year end")
local targets = plan.attainment{ period = period }
local green = #targets:where{ rag = "green" }
print(("%d of %d targets are green (%s%%); no data: %d; not due this year: %d."):format(green, #targets,
  percent(green, #targets), #targets:where{ status = "no_data" }, #targets:where{ status = "not_due" })) print()
show(targets:mutate{ rate = function(r) return r.rate and math.floor(1000 * r.rate + 0.5) / 1000 end }
  :select("target", "metric", "comparator", "target_value", "actual", "rate", "status", "rag"))

heading("Measures without numeric targets")
show(plan.milestones{ period = period }:count("timing", "status"):order_by("timing", "status"))

heading("Reporting")
local reports = plan.progress:where{ reporter_kind = "province" }:count("period"):order_by("period")
show(reports)

heading("Regional gaps in planned funding per 10,000 people")
local funds = plan.plan_items:group_by("province"):agg{ funds = agg.sum("funds") }
local intensity = plan.populations:join(funds, "province", { how = "left", check = "one_to_one" })
  :mutate{ value = function(r) return math.floor(100 * (r.funds or 0) / r.population_10k + 0.5) / 100 end }
local gaps = plan.gaps(intensity, { value = "value", unit = "province", group = "region", weight = "population_10k" })
show(gaps.summary:where{ measure = { "national_value", "cv_population", "gini", "theil_t", "theil_t_between_share" } }
  :mutate{ value = function(r) return r.value and math.floor(10000 * r.value + 0.5) / 10000 end })
