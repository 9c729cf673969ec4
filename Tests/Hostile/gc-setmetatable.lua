setmetatable({}, { __gc = function() print("finalizer ran") end })
