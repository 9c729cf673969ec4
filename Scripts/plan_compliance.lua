-- The Patent Strategy Promotion Office's check of the provincial plans against the
-- circular's rules, which plan.compliance() reads from the catalog's rules table: one row
-- per provincial office, its verdict (accept or return), and every reason, quoting the rule.
local verdicts = plan.compliance()

show(verdicts:count("verdict"):order_by("verdict"), { title = "Verdicts on the 32 provincial plans" })

show(verdicts:select("province", "name", "region", "submitted_on", "required_included", "optional_count",
  "verdict", "problems"):order_by("province"), { title = "Every office" })

show(verdicts:where{ verdict = "return" }:select("province", "name", "reasons"):order_by("province"),
  { title = "Plans to return for reformulation, with the rules they break" })
