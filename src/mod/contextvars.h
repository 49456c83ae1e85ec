/*
 * contextvars.h - what the rest of the runtime may do with contexts: copy
 * the current one, and run code inside another (asyncio's tasks and
 * callbacks do both). The module itself is mod/contextvars.c.
 *
 * Every function here runs with the GIL held, on the calling thread: a
 * thread's current context is its own (gp_thread_state_t.context).
 */
#ifndef GP_MOD_CONTEXTVARS_H
#define GP_MOD_CONTEXTVARS_H

#include <stdbool.h>

#include "obj/object.h"

/* What gp_context_scope_enter() saved, for gp_context_scope_leave() to
   restore; lives on the caller's C stack. */
typedef struct gp_context_scope {
    gp_object_t *outer;   /* the context current before the scope (owned), or NULL */
    gp_object_t *context; /* the context entered, or NULL for a lazy empty one */
} gp_context_scope_t;

/* Is [o] a contextvars.Context? */
bool gp_context_check(gp_object_t *o);

/* A copy of the calling thread's current context, as copy_context() makes
   it (a new reference); NULL *without* an exception when the current
   context is empty, since a fresh empty context is what the caller will
   then run in (gp_context_scope_enter with NULL). NULL with an exception
   when memory runs out: tell the two apart with gp_err_occurred(). */
gp_object_t *gp_context_capture(void);

/* A new, empty Context (a new reference), or NULL with MemoryError. */
gp_object_t *gp_context_new_empty(void);

/* The calling thread's current context itself (a new reference), created
   if the thread has none yet; NULL with MemoryError. */
gp_object_t *gp_context_current(void);

/* Makes [context] the calling thread's current context until the matching
   gp_context_scope_leave(): what Context.run() does around its call.
   RuntimeError "cannot enter context: ... is already entered" if it is
   current somewhere already, TypeError if it is not a Context.
   [context] NULL enters a fresh empty context that is only created if the
   code run inside needs it (a ContextVar.set()): asyncio runs a task that
   never set a variable without allocating a context for it. */
int gp_context_scope_enter(gp_context_scope_t *scope, gp_object_t *context);

/* Restores the context that was current before the scope. Returns the
   lazy context a NULL scope ended up creating (a new reference, for the
   caller to keep for next time), else NULL; never raises. */
gp_object_t *gp_context_scope_leave(gp_context_scope_t *scope);

#endif /* GP_MOD_CONTEXTVARS_H */
