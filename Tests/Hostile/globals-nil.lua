_G = nil
print(type(string.rep), ("ab"):rep(2))
