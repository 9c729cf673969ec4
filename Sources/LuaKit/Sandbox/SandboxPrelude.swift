/// The Lua half of the sandbox, run once per state before any script.
///
/// It is trusted code, loaded as text. It captures the real functions in
/// locals, strips the shared libraries of what scripts must never reach, locks
/// the string metatable, and returns `make_env`, which builds a fresh
/// environment per script from the allow list. Scripts never see the real
/// global table: their `_ENV` is the fresh one.
enum SandboxPrelude {
    static let source = #"""
        local setmetatable, collectgarbage = ...  -- guarded versions, written in C
        local G = _G
        local raw_load, raw_setmetatable = load, G.setmetatable
        local type, error, select, rawget, pairs, tostring = type, error, select, rawget, pairs, tostring
        local getmetatable, ipairs = getmetatable, ipairs
        local concat = table.concat

        -- Shared tables reachable through the string metatable: strip them in place.
        string.dump = nil
        for _, name in ipairs({ "execute", "exit", "remove", "rename", "tmpname", "getenv", "setlocale" }) do
          os[name] = nil
        end
        G.dofile, G.loadfile = nil, nil
        math.randomseed(0)  -- repeatable runs; a script may reseed

        local locked = raw_setmetatable({}, {
          __index = function(_, key) error("the string metatable is locked by the sandbox", 2) end,
          __newindex = function(_, key) error("the string metatable is locked by the sandbox", 2) end,
          __metatable = false,
        })
        getmetatable("").__metatable = locked

        local BASE = { "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal",
          "rawget", "rawlen", "rawset", "select", "tonumber", "tostring", "type", "xpcall", "_VERSION" }
        local LIBRARIES = { "string", "table", "math", "utf8", "coroutine" }

        local function copy(t)
          local c = {}
          for k, v in pairs(t) do c[k] = v end
          return c
        end

        -- Lua's type name for argument n, or the __name of a host object, as lauxlib reports them.
        local function type_of(n, ...)
          if select("#", ...) < n then return "no value" end
          local value = (select(n, ...))
          local kind = type(value)
          if kind == "userdata" then
            local name = getmetatable(value)
            if type(name) == "string" then return name end
          end
          return kind
        end

        local function make_require(env, host)
          local loaded = {}
          for _, name in ipairs(LIBRARIES) do loaded[name] = env[name] end
          loaded.os = env.os
          return function(...)
            local name = ...
            if type(name) ~= "string" then
              error("bad argument #1 to 'require' (string expected, got " .. type_of(1, ...) .. ")", 2)
            end
            if loaded[name] ~= nil then return loaded[name] end
            local source, chunkname = host.find_module(name)
            if source == nil then error(chunkname, 2) end
            local chunk, message = raw_load(source, chunkname, "t", env)
            if chunk == nil then error(message, 2) end
            local result = chunk(name, chunkname:sub(2))
            if result == nil then result = true end
            loaded[name] = result
            return result, chunkname:sub(2)
          end
        end

        return function(host)
          local env = {}
          for _, name in ipairs(BASE) do env[name] = G[name] end
          for _, name in ipairs(LIBRARIES) do env[name] = copy(G[name]) end
          env.os = { clock = os.clock, time = os.time, date = os.date, difftime = os.difftime }
          env.setmetatable = setmetatable
          env.collectgarbage = collectgarbage
          env.print = function(...)
            local n, parts = select("#", ...), {}
            for i = 1, n do parts[i] = tostring((select(i, ...))) end
            host.write(concat(parts, "\t") .. "\n")
          end
          env.load = function(chunk, chunkname, mode, ...)
            if mode ~= nil and mode ~= "t" then
              return nil, "attempt to load a binary chunk (the sandbox loads text only)"
            end
            if select("#", ...) == 0 then return raw_load(chunk, chunkname, "t", env) end
            return raw_load(chunk, chunkname, "t", ...)
          end
          env.require = make_require(env, host)
          env._G = env
          return env
        end
        """#
}
