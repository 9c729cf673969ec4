/* Debian's libedit (libedit-dev): line editing and history for `planscope repl`,
** through its readline-compatible interface. stdio.h comes first because
** editline/readline.h uses FILE without including it. */
#include <stdio.h>
#include <editline/readline.h>
