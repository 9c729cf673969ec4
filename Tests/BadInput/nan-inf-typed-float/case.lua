local t = read_csv("input.csv", { types = { x = "float" } }) show(t) local v = t:row(2).x print(v ~= v, t:row(3).x == math.huge, t:row(4).x == -math.huge)
