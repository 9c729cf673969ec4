local t = read_csv("input.csv", { types = { d = "date" } }) show(t)
