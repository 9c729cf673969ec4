return 1, 2.5, "two", true, nil, {1, 2, {3}}, {a = 1, [2.5] = "x"}, 0/0, math.huge, -0.0
