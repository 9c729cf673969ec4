-- Regional gaps in planned funding: funds in provincial plans (10k CNY) per 10,000
-- people, by province, compared across the 31 statistical units and the four NBS
-- regions (the national value is the ratio of sums, weighted by population).
local funds = plan.plan_items:group_by("province"):agg{ funds = agg.sum("funds") }
local intensity = plan.populations
  :join(funds, "province", { how = "left", check = "one_to_one" })
  :mutate{ funds_per_10k_people = function(r) return math.floor(100 * (r.funds or 0) / r.population_10k + 0.5) / 100 end }

local gaps = plan.gaps(intensity, { value = "funds_per_10k_people", unit = "province", group = "region",
  weight = "population_10k" })

show(gaps.units:join(plan.provinces:select("province", "name"), { unit = "province" }, { check = "many_to_one" })
       :select("unit", "name", "group", "value", "index", "rank", "rank_in_group")
       :order_by("rank", "unit"), { title = "Planned funds per 10,000 people, by province" })
show(gaps.summary, { title = "Inequality across the 31 statistical units" })
