/*
** Time limits, interruption and the backstop outside the VM.
*/
#include <signal.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <lauxlib.h>
#include "CLuaShim.h"

static volatile sig_atomic_t interrupt_flag = 0;
static atomic_int interrupt_count = 0;

double ps_monotonic_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
** One permanent count hook, installed on the main thread before any script
** runs, so every coroutine inherits it. Once a limit is hit it re-arms itself
** to fire on every instruction: a 'pcall' that catches the error only gets as
** far as its next instruction.
*/
void ps_count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  ps_context *ctx = ps_getcontext(L);
  if (ctx->abort_reason == PS_ABORT_NONE) {
    if (interrupt_flag)
      ctx->abort_reason = PS_ABORT_INTERRUPT;
    else if (ctx->deadline > 0 && ps_monotonic_now() > ctx->deadline)
      ctx->abort_reason = PS_ABORT_TIMEOUT;
    else
      return;
  }
  lua_sethook(L, ps_count_hook, LUA_MASKCOUNT, 1);
  int relaxed = ctx->relaxed;
  ctx->relaxed = 1;  /* the message below must not fail for lack of memory */
  lua_pushstring(L, ctx->abort_reason == PS_ABORT_TIMEOUT ? "script stopped: time limit reached"
                                                          : "script stopped: interrupted");
  ctx->relaxed = relaxed;
  lua_error(L);
}

/*
** A second Ctrl-C ends the process at once: the user has already asked
** nicely and the script did not stop.
*/
void ps_reset_abort(lua_State *L) {
  ps_context *ctx = ps_getcontext(L);
  ctx->abort_reason = PS_ABORT_NONE;
  ctx->deadline = 0;
  lua_sethook(L, ps_count_hook, LUA_MASKCOUNT, 1000);
}

static void on_interrupt(int sig) {
  (void)sig;
  if (atomic_fetch_add(&interrupt_count, 1) >= 1) _exit(130);
  interrupt_flag = 1;
}

void ps_install_interrupt_handler(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, NULL);
  /* A parent may have spawned us with signals blocked (test runners do): a blocked
  ** Ctrl-C would never arrive, and a blocked SIGTERM would leave a runaway script
  ** that nothing but SIGKILL can end. */
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_UNBLOCK, &stop_signals, NULL);
}

void ps_request_interrupt(void) { interrupt_flag = 1; }
void ps_clear_interrupt(void) { interrupt_flag = 0; atomic_store(&interrupt_count, 0); }
int ps_interrupt_requested(void) { return interrupt_flag != 0; }

/* {====================================================== Watchdog */

static pthread_mutex_t watchdog_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t watchdog_cond = PTHREAD_COND_INITIALIZER;
static int watchdog_running = 0;
static double watchdog_deadline, watchdog_grace;
static char watchdog_timeout_message[512], watchdog_interrupt_message[512];

static void die(const char *message, int code) {
  ssize_t ignored = write(2, message, strlen(message));
  (void)ignored;
  _exit(code);
}

/*
** Hooks cannot interrupt a single long C call (a pathological string.find
** ran 15 s with zero hook calls), so this thread ends the process when the
** deadline or an interrupt is not honoured within the grace period.
*/
static void *watchdog_main(void *unused) {
  (void)unused;
  double interrupted_at = 0;
  pthread_mutex_lock(&watchdog_lock);
  while (watchdog_running) {
    struct timespec wake;
    clock_gettime(CLOCK_REALTIME, &wake);
    wake.tv_nsec += 20 * 1000 * 1000;
    if (wake.tv_nsec >= 1000000000) { wake.tv_sec += 1; wake.tv_nsec -= 1000000000; }
    pthread_cond_timedwait(&watchdog_cond, &watchdog_lock, &wake);
    if (!watchdog_running) break;
    double now = ps_monotonic_now();
    if (watchdog_deadline > 0 && now > watchdog_deadline + watchdog_grace)
      die(watchdog_timeout_message, 124);
    if (interrupt_flag && interrupted_at == 0) interrupted_at = now;
    if (interrupted_at > 0 && now > interrupted_at + watchdog_grace)
      die(watchdog_interrupt_message, 130);
  }
  pthread_mutex_unlock(&watchdog_lock);
  return NULL;
}

void ps_watchdog_start(double deadline, double grace, const char *timeout_message,
                       const char *interrupt_message) {
  pthread_mutex_lock(&watchdog_lock);
  watchdog_deadline = deadline;
  watchdog_grace = grace;
  strncpy(watchdog_timeout_message, timeout_message, sizeof watchdog_timeout_message - 1);
  strncpy(watchdog_interrupt_message, interrupt_message, sizeof watchdog_interrupt_message - 1);
  int start = !watchdog_running;
  watchdog_running = 1;
  pthread_mutex_unlock(&watchdog_lock);
  if (start) {
    pthread_t thread;
    if (pthread_create(&thread, NULL, watchdog_main, NULL) == 0) pthread_detach(thread);
  }
}

void ps_watchdog_stop(void) {
  pthread_mutex_lock(&watchdog_lock);
  watchdog_running = 0;
  pthread_cond_signal(&watchdog_cond);
  pthread_mutex_unlock(&watchdog_lock);
}

/* }====================================================== */
