print(("ab"):rep(2), type(table.concat), getmetatable(_G), x)
