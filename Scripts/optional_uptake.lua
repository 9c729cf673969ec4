-- Which optional measures each provincial office put in its plan: the measure x province
-- matrix (1 = planned; offices with no optional measure have no column), and each
-- optional measure's adoption rate over the 32 offices, in percent.
local optional = plan.measures:where{ local_role = "optional" }:select("measure", "summary")
local offices = #plan.provinces

local chosen = plan.plan_items:select("province", "measure")
  :join(optional:select("measure"), "measure")
  :mutate{ planned = 1 }

local matrix = chosen:pivot{ rows = "measure", cols = "province", values = "planned", fill = 0 }
  :order_by("measure")
show(matrix, { title = "Optional measures planned, by province (1 = planned)" })

local adoption = optional:join(chosen:count("measure"), "measure", { how = "left", check = "one_to_one" })
  :mutate{ { "provinces", function(r) return r.n or 0 end },
           { "adoption_pct", function(r) return math.floor(1000 * (r.n or 0) / offices + 0.5) / 10 end } }
  :select("measure", "summary", "provinces", "adoption_pct")
  :order_by("-adoption_pct", "measure")
show(adoption, { title = "Adoption of optional measures" })
