local t = {} t.self = t t[1] = t return t, setmetatable({}, {__index = t}), print, coroutine.create(function() end)
