error(setmetatable({}, { __tostring = function() error("tostring exploded") end }))
