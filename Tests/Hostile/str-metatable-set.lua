setmetatable(getmetatable(""), nil)
