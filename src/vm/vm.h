/*
 * vm.h - declarations shared by the files of the virtual machine
 * (eval.c, function.c, generator.c, traceback.c, import.c). Nothing
 * outside src/vm/ should include it: the rest of gilpy goes through
 * vm/eval.h and obj/object.h.
 */
#ifndef GP_VM_VM_H
#define GP_VM_VM_H

#include "obj/object.h"
#include "runtime/runtime.h"
#include "vm/code.h"
#include "vm/frame.h"

/* ------------------------------------------------------------------ */
/* Functions, bound methods and cells (function.c)                      */
/* ------------------------------------------------------------------ */

typedef struct gp_function {
    gp_object_t base;
    gp_object_t *code;       /* code object */
    gp_object_t *globals;    /* dict */
    gp_object_t *name;       /* str */
    gp_object_t *qualname;   /* str */
    gp_object_t *doc;        /* any, or NULL for None */
    gp_object_t *defaults;   /* tuple or NULL */
    gp_object_t *kwdefaults; /* dict or NULL */
    gp_object_t *closure;    /* tuple of cells or NULL */
    gp_object_t *dict;       /* __dict__ or NULL */
    gp_object_t *module;     /* __module__ value or NULL */
    gp_object_t *annotations; /* dict or NULL */
} gp_function_t;

typedef struct gp_method {
    gp_object_t base;
    gp_object_t *func;
    gp_object_t *self;
} gp_method_t;

typedef struct gp_cell {
    gp_object_t base;
    gp_object_t *ref; /* NULL when empty */
} gp_cell_t;

/* A function object for [code] (steals nothing) running in [globals]. */
gp_object_t *gp_function_new(gp_object_t *code, gp_object_t *globals, gp_object_t *qualname);
gp_object_t *gp_cell_new(gp_object_t *value); /* value may be NULL */

/* ------------------------------------------------------------------ */
/* Frames and the eval loop (eval.c)                                    */
/* ------------------------------------------------------------------ */

/* Calls a Python function (the `call` slot of gp_function_type). */
gp_object_t *gp_function_vectorcall(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames);

/* Runs [frame] until it returns or yields. [throwflag]: an exception is set
   and must be raised at the frame's current instruction (generator.throw).
   The frame is not freed. */
gp_object_t *gp_eval_frame(gp_frame_t *frame, int throwflag);

/* Binds call arguments into the parameter slots of [frame] (for [func])
   and creates its cells. 0, or -1 with TypeError set. Borrowed args. */
int gp_frame_bind(gp_frame_t *frame, gp_function_t *func, gp_object_t *const *args, size_t nargs,
                  gp_object_t *kwnames);

/* Runs module or class-body [code] with [locals] (NULL: globals) and the
   cells of [closure] (a tuple or NULL). */
gp_object_t *gp_eval_code_closure(gp_object_t *code, gp_object_t *globals, gp_object_t *locals,
                                  gp_object_t *closure);

/* Initialises a frame's header in [mem] (gp_frame_size(code) bytes). */
void gp_frame_init(gp_frame_t *frame, gp_code_t *code, gp_object_t *func, gp_object_t *globals,
                   gp_object_t *locals);
/* The builtins dict for code running in [globals] (borrowed). */
gp_object_t *gp_frame_builtins_of(gp_object_t *globals);
/* Releases every reference the frame holds (not its memory). */
void gp_frame_clear(gp_frame_t *frame);

/* ------------------------------------------------------------------ */
/* Generators and coroutines (generator.c)                              */
/* ------------------------------------------------------------------ */

/* A generator, coroutine or async generator for a call of [func]. */
gp_object_t *gp_generator_from_call(gp_function_t *func, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames);

/* Outcome of resuming a generator. */
typedef enum gp_send_result {
    GP_SEND_ERROR = -1,
    GP_SEND_YIELD = 0,  /* *result: the yielded value */
    GP_SEND_RETURN = 1, /* *result: the return value */
} gp_send_result_t;

/* gen.send(value) without StopIteration: for YIELD_FROM and await. */
gp_send_result_t gp_generator_send(gp_object_t *gen, gp_object_t *value, gp_object_t **result);
/* Is [o] a generator or coroutine implemented by this VM? */
bool gp_generator_check(gp_object_t *o);
/* Is [o] a generator made awaitable by types.coroutine (CO_ITERABLE_COROUTINE)? */
bool gp_generator_is_iterable_coroutine(gp_object_t *o);
/* The object a suspended generator or coroutine is delegating to through
   `yield from`/`await` (borrowed), or NULL when it is not in one. */
gp_object_t *gp_generator_yieldfrom(gp_object_t *gen);
/* The value carried by a StopIteration instance (new reference). */
gp_object_t *gp_stop_iteration_value(gp_object_t *exc);
/* Whether the generator [gen] still needs its finalizer (CPython's
   _PyGen_Finalize): a suspended frame with try/with blocks to close, or a
   coroutine that was never awaited. */
bool gp_generator_needs_finalize(gp_object_t *gen);
/* Runs that finalizer: close() for a suspended generator, the "was never
   awaited" RuntimeWarning for a coroutine never started. Errors are
   reported as unraisable; the caller's pending exception is kept. Called
   through gp_gc_finalize(), so at most once per generator. */
void gp_generator_finalize(gp_object_t *gen);

/* ------------------------------------------------------------------ */
/* Tracebacks (traceback.c)                                             */
/* ------------------------------------------------------------------ */

typedef struct gp_traceback {
    gp_object_t base;
    gp_object_t *next;    /* traceback or NULL */
    gp_object_t *code;    /* code object */
    gp_object_t *globals; /* dict */
    gp_object_t *frame;   /* gp_frame_object_t, created on demand */
    int lineno;
    int lasti;        /* instruction index for the caret positions, or -1 */
    int lasti_offset; /* tb_lasti as Python sees it: a byte offset, or -1 */
} gp_traceback_t;

/* Prepends an entry for [frame] at instruction [lasti] to the traceback of
   the current exception. Returns 0 or -1. */
int gp_traceback_here(gp_frame_t *frame, int lasti);

/* A snapshot object of [frame] with its f_back chain, as sys._getframe()
   returns (traceback.c). */
gp_object_t *gp_frame_snapshot(struct gp_frame *frame);

/* ------------------------------------------------------------------ */
/* Profiling: sys.setprofile (profile.c)                                */
/* ------------------------------------------------------------------ */

typedef enum {
    GP_PROFILE_CALL,
    GP_PROFILE_RETURN,
    GP_PROFILE_C_CALL,
    GP_PROFILE_C_RETURN,
    GP_PROFILE_C_EXCEPTION,
} gp_profile_event_t;

/* Installs [func] (None removes it) as [ts]'s profile function. */
void gp_profile_set(gp_thread_state_t *ts, gp_object_t *func);
/* Sends [event] for [frame] to the profile function; 0, or -1 with its
   exception set. The eval loop calls it only while ts->profiling. */
int gp_profile_event(gp_thread_state_t *ts, struct gp_frame *frame, gp_profile_event_t event,
                     gp_object_t *arg);
/* Calls [callable] as the eval loop would, between c_call and
   c_return/c_exception events when it is a builtin. */
gp_object_t *gp_profile_c_call(gp_thread_state_t *ts, struct gp_frame *frame,
                               gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames);
/* The same for a call with an argument tuple and a keyword dict (or NULL). */
gp_object_t *gp_profile_c_call_tuple(gp_thread_state_t *ts, struct gp_frame *frame,
                                     gp_object_t *callable, gp_object_t *args,
                                     gp_object_t *kwargs);

/* ------------------------------------------------------------------ */
/* Import (import.c)                                                    */
/* ------------------------------------------------------------------ */

/* The library module [name] for C code that needs it (codecs, warnings):
   sys.modules[name], else the copy frozen into the binary, never a file on
   sys.path, which a script of the same name could shadow. New reference. */
gp_object_t *gp_import_stdlib(const char *name);
/* `from module import name`: the attribute, falling back to the submodule. */
gp_object_t *gp_import_from(gp_object_t *module, gp_object_t *name);
/* `from module import *` into the mapping [locals]. */
int gp_import_star(gp_object_t *locals, gp_object_t *module);

#endif /* GP_VM_VM_H */
