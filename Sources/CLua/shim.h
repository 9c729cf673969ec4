/*
** The Lua 5.4 C API as Swift sees it. Swift cannot import function-like
** macros, so each macro PlanScope uses is re-declared here as a static inline
** twin with the same name prefixed 'ps_'. LUA_REGISTRYINDEX is a macro
** expression Swift cannot evaluate, so it is a constant here.
*/
#ifndef PLANSCOPE_CLUA_SHIM_H
#define PLANSCOPE_CLUA_SHIM_H

#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>

#if LUA_VERSION_NUM != 504
#error "PlanScope needs Lua 5.4 (Debian's liblua5.4-dev)"
#endif

static const int PS_REGISTRYINDEX = LUA_REGISTRYINDEX;

static inline void ps_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void ps_newtable(lua_State *L) { lua_newtable(L); }
static inline int ps_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int ps_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }
static inline int ps_isnil(lua_State *L, int i) { return lua_isnil(L, i); }
static inline lua_Integer ps_tointeger(lua_State *L, int i) { return lua_tointegerx(L, i, NULL); }
static inline lua_Number ps_tonumber(lua_State *L, int i) { return lua_tonumberx(L, i, NULL); }
static inline void ps_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void ps_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void ps_replace(lua_State *L, int i) { lua_replace(L, i); }
static inline const char *ps_typename_at(lua_State *L, int i) { return luaL_typename(L, i); }

#endif
