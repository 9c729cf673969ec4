write(Table.from{ { a = 1 } }, "../x.csv")
