-- flags: --data $ROOT/Datasets/plan2013
print(getmetatable(plan.measures))
local mt = getmetatable(plan.measures)
print(type(mt), mt.__gc)
