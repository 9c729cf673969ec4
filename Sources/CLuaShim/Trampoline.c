/*
** The only place where PlanScope raises Lua errors. Swift functions return a
** status (a result count, or a negative PS_RETURN_* code) and this file turns
** it into lua_error / luaL_argerror after the Swift frame has returned, because
** a longjmp across Swift frames leaks every object they own and can crash the
** runtime (see docs/sandbox.md).
*/
#include <stdio.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>
#include "CLuaShim.h"

void *ps_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
void ps_count_hook(lua_State *L, lua_Debug *ar);

static ps_dispatch_fn host_dispatch = NULL;
static ps_release_fn host_release = NULL;

/* Every hook check costs a clock read, so check every 1000 instructions. */
#define PS_HOOK_COUNT 1000

static const char *const function_box_tname = "planscope.SwiftFunction";

void ps_set_host_functions(ps_dispatch_fn dispatch, ps_release_fn release) {
  host_dispatch = dispatch;
  host_release = release;
}

ps_context *ps_getcontext(lua_State *L) {
  return *(ps_context **)lua_getextraspace(L);
}

/* {====================================================== State */

static int on_panic(lua_State *L) {
  const char *message = lua_tostring(L, -1);
  lua_writestringerror("planscope: unprotected Lua error (%s)\n",
                       message ? message : "error object is not a string");
  return 0;  /* Lua aborts the process after a panic handler returns */
}

static void ignore_warning(void *ud, const char *message, int tocont) {
  (void)ud; (void)message; (void)tocont;
}

/*
** Creates a state whose allocator counts into 'ctx' and whose count hook is
** set before any code runs: coroutines created later inherit it.
*/
lua_State *ps_newstate(ps_context *ctx) {
  memset(ctx, 0, sizeof *ctx);
  ctx->relaxed = 1;
  lua_State *L = lua_newstate(ps_alloc, ctx);
  if (L == NULL) return NULL;
  *(ps_context **)lua_getextraspace(L) = ctx;
  lua_atpanic(L, on_panic);
  lua_setwarnf(L, ignore_warning, NULL);
  lua_sethook(L, ps_count_hook, LUA_MASKCOUNT, PS_HOOK_COUNT);
  return L;
}

static int open_libraries(lua_State *L) {
  int all = lua_toboolean(L, 1);
  if (all) {
    luaL_openlibs(L);
    return 0;
  }
  static const luaL_Reg safe[] = {
    {LUA_GNAME, luaopen_base}, {LUA_COLIBNAME, luaopen_coroutine},
    {LUA_TABLIBNAME, luaopen_table}, {LUA_STRLIBNAME, luaopen_string},
    {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
    {LUA_OSLIBNAME, luaopen_os}, {NULL, NULL}
  };
  for (const luaL_Reg *lib = safe; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  return 0;
}

/* Opens the libraries under pcall, so even a tiny memory limit is an error, not a panic. */
int ps_openlibs(lua_State *L, int all) {
  lua_pushcfunction(L, open_libraries);
  lua_pushboolean(L, all);
  return ps_pcall(L, 1, 0, 0);
}

/* }====================================================== */

/* {====================================================== Calls */

/*
** Like lua.c's msghandler: appends a traceback, and names error objects that
** are not strings. A __tostring that itself fails makes Lua report
** LUA_ERRERR, which the host words on its own.
*/
static int call_tostring(lua_State *L) {
  return luaL_callmeta(L, 1, "__tostring");
}

static int message_handler(lua_State *L) {
  const char *message = lua_tostring(L, 1);
  if (message == NULL) {
    /* A hostile __tostring may itself raise: call it protected, and fall back to
    ** naming the object's type. */
    lua_pushcfunction(L, call_tostring);
    lua_pushvalue(L, 1);
    if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    lua_pop(L, 1);
    message = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, message, 1);
  return 1;
}

/*
** lua_pcall with the allocator strict while Lua code runs, and relaxed again
** for the host afterwards.
*/
int ps_pcall(lua_State *L, int nargs, int nresults, int traceback) {
  ps_context *ctx = ps_getcontext(L);
  int base = 0;
  if (traceback) {
    base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
  }
  int relaxed = ctx->relaxed;
  ctx->relaxed = 0;
  int status = lua_pcall(L, nargs, nresults, base);
  ctx->relaxed = relaxed;
  ctx->force_oom = 0;
  if (traceback) lua_remove(L, base);
  return status;
}

/* Text chunks only: binary chunks can crash the VM. */
int ps_loadtext(lua_State *L, const char *text, size_t length, const char *chunkname) {
  return luaL_loadbufferx(L, text, length, chunkname, "t");
}

/* }====================================================== */

/* {====================================================== Swift functions */

/* Releases the Swift box once; a second call (a leaked __gc) finds NULL. */
static int release_box(lua_State *L) {
  void **slot = (void **)lua_touserdata(L, 1);
  if (slot != NULL && *slot != NULL) {
    void *box = *slot;
    *slot = NULL;
    host_release(box);
  }
  return 0;
}

/*
** Turns a host status into a Lua error, here in C where longjmp is safe.
** Memory the host used beyond the limit is reported as a memory error now,
** by one refused allocation.
*/
static int raise_host_status(lua_State *L, ps_context *ctx, int status) {
  switch (status) {
    case PS_RETURN_ERROR:
      return lua_error(L);
    case PS_RETURN_ERROR_WHERE:
      luaL_where(L, 1);
      lua_insert(L, -2);
      lua_concat(L, 2);
      return lua_error(L);
    case PS_RETURN_ARGERROR:
      return luaL_argerror(L, ctx->error_arg, lua_tostring(L, -1));
    case PS_RETURN_TYPEERROR: {
      /* the type name must leave the stack: luaL_typeerror inspects argument slots */
      char expected[128];
      snprintf(expected, sizeof expected, "%s", lua_tostring(L, -1));
      lua_pop(L, 1);
      return luaL_typeerror(L, ctx->error_arg, expected);
    }
    default:
      ctx->force_oom = 2;  /* the first try and Lua's retry after an emergency collection */
      lua_newuserdatauv(L, 1, 0);
      return lua_error(L);  /* not reached: the allocation above raises LUA_ERRMEM */
  }
}

static int call_swift_function(lua_State *L) {
  void **slot = (void **)lua_touserdata(L, lua_upvalueindex(1));
  ps_context *ctx = ps_getcontext(L);
  if (slot == NULL || *slot == NULL) return luaL_error(L, "attempt to call a released function");
  int relaxed = ctx->relaxed;
  ctx->relaxed = 1;
  int status = host_dispatch(L, *slot);
  ctx->relaxed = relaxed;
  if (status >= 0 && ctx->limit != 0 && ctx->used > ctx->limit && !relaxed) {
    lua_gc(L, LUA_GCCOLLECT);
    if (ctx->used > ctx->limit) status = PS_RETURN_MEMERROR;
  }
  if (status >= 0) return status;
  return raise_host_status(L, ctx, status);
}

void ps_pushswiftfunction(lua_State *L, void *retained_box) {
  void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
  *slot = retained_box;
  if (luaL_newmetatable(L, function_box_tname)) {
    lua_pushcfunction(L, release_box);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
  }
  lua_setmetatable(L, -2);
  lua_pushcclosure(L, call_swift_function, 1);
}

/* }====================================================== */

/* {====================================================== Swift objects */

/*
** A metatable for Swift objects of one type: __gc releases the object once,
** and __metatable hides the metatable (so __gc cannot be reached by scripts).
** Returns 1 when the table is new and the host should fill it in.
*/
int ps_newmetatable(lua_State *L, const char *tname) {
  if (!luaL_newmetatable(L, tname)) return 0;
  lua_pushcfunction(L, release_box);
  lua_setfield(L, -2, "__gc");
  lua_pushstring(L, tname);
  lua_setfield(L, -2, "__metatable");
  return 1;
}

void ps_pushobject(lua_State *L, void *retained_object, const char *tname) {
  void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
  *slot = retained_object;
  luaL_setmetatable(L, tname);
}

/* The Swift object in a userdata of type 'tname', or NULL; '*released' tells a
** userdata whose object was already let go apart from a wrong type. */
void *ps_toobject(lua_State *L, int index, const char *tname, int *released) {
  void **slot = (void **)luaL_testudata(L, index, tname);
  *released = slot != NULL && *slot == NULL;
  return slot == NULL ? NULL : *slot;
}

/* }====================================================== */
