rawset(string, "rep", function() return "owned" end)
rawset(table, "concat", nil)
print(("ab"):rep(2), string.rep("ab", 2), table.concat)
