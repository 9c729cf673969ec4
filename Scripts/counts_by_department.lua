-- How many measures each SIPO department leads and takes part in, split by the
-- measure's local role (none, required, optional), straight from the catalog.
local roles = plan.responsibilities
  :join(plan.measures:select("measure", "local_role"), "measure")
  :count("department", "role", "local_role")
  :pivot{ rows = {"department", "role"}, cols = "local_role", values = "n", fill = 0 }
  :select("department", "role", "none", "required", "optional")
  :mutate{ total = function(r) return r.none + r.required + r.optional end }
  :order_by("-total", "department", "role")

show(roles, { title = "Measures by department and role" })
