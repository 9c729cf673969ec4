local t = read_csv("input.csv") print(#t, #t.columns, t.columns[1], t.columns[1000], t:row(1).c999)
