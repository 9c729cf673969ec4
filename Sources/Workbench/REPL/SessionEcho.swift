/// The Lua code that shows a chunk's results, shared by the session and the scripts it saves.
///
/// The session shows results by calling this function, and a saved script calls the
/// same text, so `planscope run` of a saved session prints what the session printed
/// by construction, not by a second implementation kept in step.
enum SessionEcho {
    /// A Lua function expression: `echo(...)` sets `_` to the first result, shows each
    /// table with `show` (the active format), and prints the other values on one line,
    /// tab-separated, as `planscope eval` does (Lua tables with their contents, keys in
    /// ``LuaValue`` map order: integers, floats, booleans, then strings by bytes).
    static let function = #"""
        function(...)
          local count = select("#", ...)
          if count == 0 then return end
          _ = (...)
          local keywords = {}
          for word in ("and break do else elseif end false for function goto if in local nil not or "
              .. "repeat return then true until while"):gmatch("%a+") do keywords[word] = true end
          local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
            ["\0"] = "\\0" }
          local function quoted(text)
            return '"' .. text:gsub('[%c"\\]', function(c) return escapes[c] or ("\\%03d"):format(c:byte()) end) .. '"'
          end
          local function rank(key)
            local kind = type(key)
            if kind == "number" then return math.type(key) == "integer" and 0 or 1 end
            return kind == "boolean" and 2 or 3
          end
          local function precedes(a, b)
            local ra, rb = rank(a), rank(b)
            if ra ~= rb then return ra < rb end
            if ra == 2 then return not a and b end
            return a < b
          end
          local describe
          local function contents(value, depth)
            if depth >= 64 then error("table nested more than 64 levels deep", 0) end
            local keys, count = {}, 0
            for key in next, value do count = count + 1; keys[count] = key end
            local isArray = true
            for _, key in ipairs(keys) do
              if math.type(key) ~= "integer" or key < 1 or key > count then isArray = false; break end
            end
            local parts = {}
            if isArray then
              for i = 1, count do parts[i] = describe(rawget(value, i), true, depth + 1) end
            else
              table.sort(keys, precedes)
              for i, key in ipairs(keys) do
                local name = type(key) == "string" and key:match("^[%a_][%w_]*$") and not keywords[key]
                  and key or "[" .. describe(key, true, depth + 1) .. "]"
                parts[i] = name .. " = " .. describe(rawget(value, key), true, depth + 1)
              end
            end
            return "{" .. table.concat(parts, ", ") .. "}"
          end
          describe = function(value, quote, depth)
            local kind = type(value)
            if kind == "string" then return quote and quoted(value) or value end
            if kind == "table" then return contents(value, depth) end
            return tostring(value)
          end
          local line = {}
          for i = 1, count do
            local value = select(i, ...)
            if getmetatable(value) == "planscope.Table" then
              if #line > 0 then print(table.concat(line, "\t")); line = {} end
              show(value)
            else
              line[#line + 1] = describe(value, false, 0)
            end
          end
          if #line > 0 then print(table.concat(line, "\t")) end
        end
        """#
}
