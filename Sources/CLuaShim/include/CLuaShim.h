/*
** The C half of LuaKit: everything that may raise a Lua error (longjmp) lives
** here, so that no longjmp ever crosses a Swift frame. Swift functions report
** failure by return value; the trampoline raises after the Swift frame is gone.
*/
#ifndef PLANSCOPE_CLUASHIM_H
#define PLANSCOPE_CLUASHIM_H

#include <stddef.h>
#include <lua.h>

/* Why a run was stopped from outside the script; recorded by the host, never
** parsed from a message. */
enum {
  PS_ABORT_NONE = 0,
  PS_ABORT_TIMEOUT = 1,
  PS_ABORT_INTERRUPT = 2
};

/* What a Swift function returned, when it did not return a result count. */
enum {
  PS_RETURN_ERROR = -1,       /* error object on top: raise it as it is */
  PS_RETURN_ERROR_WHERE = -2, /* message on top: prefix "chunk:line: " of the caller */
  PS_RETURN_ARGERROR = -3,    /* message on top: luaL_argerror(ctx->error_arg) */
  PS_RETURN_TYPEERROR = -4,   /* expected type name on top: luaL_typeerror(ctx->error_arg) */
  PS_RETURN_MEMERROR = -5     /* raise a memory error (LUA_ERRMEM) */
};

/* Per-state host context, reached from any coroutine through lua_getextraspace. */
typedef struct ps_context {
  size_t used;          /* bytes allocated by Lua right now */
  size_t peak;          /* the most ever allocated */
  size_t limit;         /* 0: no limit */
  int relaxed;          /* 1 while host code runs: allocations always succeed */
  int force_oom;        /* refusals still owed to turn a host signal into LUA_ERRMEM */
  double deadline;      /* monotonic seconds; 0: none */
  int abort_reason;     /* PS_ABORT_* */
  int error_arg;        /* argument number for PS_RETURN_ARGERROR / TYPEERROR */
  void *host;           /* the Swift owner of the state, unretained */
} ps_context;

/* Swift entry points, registered once per process. */
typedef int (*ps_dispatch_fn)(lua_State *L, void *box);
typedef void (*ps_release_fn)(void *box);
void ps_set_host_functions(ps_dispatch_fn dispatch, ps_release_fn release);

lua_State *ps_newstate(ps_context *ctx);
ps_context *ps_getcontext(lua_State *L);
double ps_monotonic_now(void);

/* Calls and loads, each returning a Lua status instead of raising. */
int ps_pcall(lua_State *L, int nargs, int nresults, int traceback);
int ps_loadtext(lua_State *L, const char *text, size_t length, const char *chunkname);
int ps_openlibs(lua_State *L, int all);

/* Replaces string.rep with a version that respects the memory limit. */
void ps_pushguardedrep(lua_State *L);

/* Pushes guarded setmetatable and collectgarbage (for the sandbox prelude). */
void ps_pushguardedbase(lua_State *L);

/* Forgets an abort so the state can run again (the REPL after Ctrl-C). */
void ps_reset_abort(lua_State *L);

/* Swift closures and objects. */
void ps_pushswiftfunction(lua_State *L, void *retained_box);
int ps_newmetatable(lua_State *L, const char *tname);
void ps_pushobject(lua_State *L, void *retained_object, const char *tname);
void *ps_toobject(lua_State *L, int index, const char *tname, int *released);

/* Ctrl-C: the handler only sets a flag that the count hook reads. */
void ps_install_interrupt_handler(void);
void ps_request_interrupt(void);
void ps_clear_interrupt(void);
int ps_interrupt_requested(void);

/* The backstop outside the VM: ends the process if a deadline or an interrupt
** is not honoured within the grace period (a single C call can ignore hooks). */
void ps_watchdog_start(double deadline, double grace, const char *timeout_message,
                       const char *interrupt_message);
void ps_watchdog_stop(void);

#endif
