write(Table.from{ { a = 1 } }, "/tmp/abs.csv")
