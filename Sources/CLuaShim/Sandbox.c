/*
** Sandbox helpers that must raise errors at the script's own line, which only
** a C function (with no Lua frame of its own) can do.
*/
#include <string.h>
#include <lauxlib.h>
#include "CLuaShim.h"

/*
** string.rep, refusing up front a result the memory limit cannot hold:
** one call can ask for gigabytes, and Lua's own guard stops only at 2 GiB.
** Arguments are checked here, with lauxlib's wording, before the original
** (upvalue 1) runs.
*/
static int guarded_rep(lua_State *L) {
  size_t length, separator_length = 0;
  luaL_checklstring(L, 1, &length);
  lua_Integer count = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &separator_length);
  ps_context *ctx = ps_getcontext(L);
  if (count > 0 && ctx->limit != 0) {
    double wanted = ((double)length + (double)separator_length) * (double)count;
    if (wanted > (double)ctx->limit - (double)ctx->used) {
      ctx->force_oom = 2;  /* Lua's first try and its retry after an emergency collection */
      lua_newuserdatauv(L, 1, 0);  /* raises LUA_ERRMEM */
    }
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

void ps_pushguardedrep(lua_State *L) {
  lua_getglobal(L, "string");
  lua_getfield(L, -1, "rep");
  lua_pushcclosure(L, guarded_rep, 1);
  lua_setfield(L, -2, "rep");
  lua_pop(L, 1);
}

/*
** setmetatable without finalizers: a script-defined __gc runs at arbitrary
** points, including inside host code. Checked here, not in Lua, so the error
** names the script's line even after a tail call.
*/
static int guarded_setmetatable(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int kind = lua_type(L, 2);
  luaL_argexpected(L, kind == LUA_TNIL || kind == LUA_TTABLE, 2, "nil or table");
  if (kind == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
    return luaL_argerror(L, 2, "finalizers (__gc) are not allowed in the sandbox");
  /* Checked before the real setmetatable, whose error would name no line. */
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
    return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, 2, 1);
  return 1;
}

/* collectgarbage limited to options that cannot stop or retune the collector. */
static int guarded_collectgarbage(lua_State *L) {
  static const char *const allowed[] = {"collect", "count", "step", "isrunning", NULL};
  const char *option = luaL_optstring(L, 1, "collect");
  int found = 0;
  for (int i = 0; allowed[i] != NULL; i++) found |= strcmp(option, allowed[i]) == 0;
  if (!found)
    return luaL_argerror(L, 1, lua_pushfstring(L, "option '%s' is not allowed in the sandbox", option));
  int n = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, n, LUA_MULTRET);
  return lua_gettop(L);
}

void ps_pushguardedbase(lua_State *L) {
  lua_getglobal(L, "setmetatable");
  lua_pushcclosure(L, guarded_setmetatable, 1);
  lua_getglobal(L, "collectgarbage");
  lua_pushcclosure(L, guarded_collectgarbage, 1);
}
