/*
** A counting allocator that enforces --max-memory.
*/
#include <stdlib.h>
#include "CLuaShim.h"

/*
** Frees first and never refuses a shrink, so Lua can always give memory back.
** When 'ptr' is NULL, 'osize' is a type tag, not a size. Growth is compared
** as 'delta > limit - used' so the sum cannot overflow. While the host runs
** ('relaxed'), growth always succeeds: a push from Swift must never longjmp.
*/
void *ps_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  ps_context *ctx = (ps_context *)ud;
  size_t old = ptr == NULL ? 0 : osize;
  if (nsize == 0) {
    free(ptr);
    ctx->used -= old <= ctx->used ? old : ctx->used;
    return NULL;
  }
  if (nsize > old && !ctx->relaxed) {
    size_t delta = nsize - old;
    if (ctx->force_oom > 0) {
      ctx->force_oom--;
      return NULL;
    }
    if (ctx->limit != 0 && (ctx->used > ctx->limit || delta > ctx->limit - ctx->used))
      return NULL;
  }
  void *block = realloc(ptr, nsize);
  if (block == NULL) return NULL;
  ctx->used = ctx->used - (old <= ctx->used ? old : ctx->used) + nsize;
  if (ctx->used > ctx->peak) ctx->peak = ctx->used;
  return block;
}
