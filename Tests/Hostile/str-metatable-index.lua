getmetatable("").__index = { rep = function() return "owned" end }
