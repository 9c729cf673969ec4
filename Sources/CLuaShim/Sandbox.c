/*
** Sandbox helpers that must raise errors at the script's own line, which only
** a C function (with no Lua frame of its own) can do.
*/
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
