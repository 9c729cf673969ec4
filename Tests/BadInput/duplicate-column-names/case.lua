local t = read_csv("input.csv") print(#t, #t.columns) show(t)
