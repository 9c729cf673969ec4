setmetatable(_G, { __index = function(_, k) error("hijacked " .. k) end, __newindex = function() error("no") end })
x = 1
print(x, type(print), math.floor(2.5))
