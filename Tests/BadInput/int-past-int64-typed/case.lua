local t = read_csv("input.csv", { types = { n = "int" } }) show(t)
