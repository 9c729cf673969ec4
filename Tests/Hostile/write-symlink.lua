write(Table.from{ { a = 1 } }, "link.csv")
