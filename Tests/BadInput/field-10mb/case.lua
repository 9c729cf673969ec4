local t = read_csv("input.csv") local s = t:row(1).text print(#t, #s, s:sub(1, 3), s:sub(-3), s:find("[^x]"))
