/*
 * generator.c - generators, coroutines and async generators.
 *
 * Design notes
 * ------------
 * A generator owns a frame (heap memory, not the per-thread frame stack)
 * that survives between resumptions. Resuming pushes the sent value on the
 * frame's value stack (where the suspended YIELD_VALUE left room for it)
 * and re-enters gp_eval_frame(); the frame returns either with `yielded`
 * set or for good. Throwing in resumes with an exception set and the
 * throwflag, so the exception appears at the suspended yield.
 *
 * `yield from` and `await` are one instruction, YIELD_FROM, that leaves the
 * frame's instruction pointer on itself while the delegate yields; the
 * delegate is the frame's top of stack. throw() and close() therefore find
 * the delegate there and forward to it first, as PEP 380 requires.
 *
 * Each generator has its own handled-exception slot (CPython's
 * gi_exc_state). While it runs, ts->exc_info is that slot and its caller's
 * waits in a gp_exc_outer_t on the C stack; gp_exc_handled() looks down the
 * chain, so a generator that handles nothing sees (and chains to) its
 * current caller's exception, while its own except blocks save and restore
 * only its own slot, never a stale copy of some earlier caller's. A yield
 * inside an except block keeps the slot for the next resumption.
 *
 * A generator suspended in a try block is closed when it dies, by its
 * dealloc or, in a cycle, by the collector (gp_generator_finalize through
 * gp_gc_finalize, at most once); a coroutine that dies never started warns
 * that it was never awaited.
 *
 * PEP 479: a StopIteration escaping the frame becomes RuntimeError
 * ("generator raised StopIteration"), chained to the original.
 *
 * Coroutines are the same object with another type; `await` drives them
 * through their __await__ wrapper or directly. Async generators yield
 * through "asend" awaitables: a value yielded by the async generator's own
 * `yield` finishes the awaitable (StopIteration(value)), while values that
 * an inner `await` passes through go up to whoever drives the coroutine
 * (the event loop, in a later milestone).
 */
#include <string.h>

#include "obj/containers.h"
#include "runtime/gc.h"
#include "vm/vm.h"

typedef struct gp_generator {
    gp_object_t base;
    gp_frame_t *frame; /* NULL once finished */
    /* The code object, kept after the frame is gone (asyncio's reprs show
       "coro() done, defined at file:line" from a finished coroutine's
       cr_code), whose co_name and co_qualname are the generator's __name__
       and __qualname__, as for nearly every generator. When they are not
       (a renamed function or generator), a (code, name, qualname) tuple
       instead: one word for the three puts a coroutine with its weak
       reference slot in the 80-byte size class, 16 bytes less for each of
       100,000 sleeping tasks. Read through gen_code() and gen_name(). */
    gp_object_t *code_or_names;
    gp_object_t *exc_state; /* handled exception saved across a yield, or NULL */
    bool running;
    bool started;
    bool closed_by_aclose;
} gp_generator_t;

/* The generator's __name__ (or with [qualified], __qualname__), borrowed. */
static gp_object_t *gen_name(gp_generator_t *gen, bool qualified)
{
    gp_object_t *o = gen->code_or_names;
    if (GP_IS_TYPE(o, gp_tuple_type))
        return GP_TUPLE_GET(o, qualified ? 2 : 1);
    return qualified ? ((gp_code_t *)o)->qualname : ((gp_code_t *)o)->name;
}

/* The generator's code object, borrowed. */
static gp_object_t *gen_code(gp_generator_t *gen)
{
    gp_object_t *o = gen->code_or_names;
    return GP_IS_TYPE(o, gp_tuple_type) ? GP_TUPLE_GET(o, 0) : o;
}

/* Gives [gen] the names [name] and [qualname]; -1 with MemoryError. */
static int gen_rename(gp_generator_t *gen, gp_object_t *name, gp_object_t *qualname)
{
    gp_object_t *names = gp_tuple_pack(3, gen_code(gen), name, qualname);
    if (!names)
        return -1;
    GP_SETREF(gen->code_or_names, names);
    return 0;
}

/* A function's name is usually its code's very object; the qualname
   MAKE_FUNCTION passes may be an equal copy. */
static bool gen_same_name(gp_object_t *given, gp_object_t *code_name)
{
    return given == code_name || (GP_IS_TYPE(given, gp_str_type) && gp_str_exact_eq(given, code_name));
}

/* A plain generator whose code carries CO_ITERABLE_COROUTINE (set by
   types.coroutine) may be awaited directly, as in CPython. */
bool gp_generator_is_iterable_coroutine(gp_object_t *o)
{
    if (GP_IS_SMALL(o) || o->type != &gp_generator_type)
        return false;
    gp_generator_t *gen = (gp_generator_t *)o;
    return (((gp_code_t *)gen_code(gen))->flags & GP_CODE_ITERABLE_COROUTINE) != 0;
}

bool gp_generator_check(gp_object_t *o)
{
    if (GP_IS_SMALL(o))
        return false;
    gp_type_t *t = o->type;
    return t == &gp_generator_type || t == &gp_coroutine_type || t == &gp_async_generator_type;
}

static const char *gen_kind(gp_object_t *gen)
{
    gp_type_t *t = GP_TYPE(gen);
    return t == &gp_coroutine_type ? "coroutine"
           : t == &gp_async_generator_type ? "async generator"
                                            : "generator";
}

gp_object_t *gp_generator_from_call(gp_function_t *func, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_code_t *co = (gp_code_t *)func->code;
    gp_type_t *type = (co->flags & GP_CODE_COROUTINE)         ? &gp_coroutine_type
                      : (co->flags & GP_CODE_ASYNC_GENERATOR) ? &gp_async_generator_type
                                                              : &gp_generator_type;
    gp_frame_t *f = gp_mem_alloc(gp_frame_size(co));
    if (!f) {
        gp_err_no_memory();
        return NULL;
    }
    gp_frame_init(f, co, (gp_object_t *)func, func->globals, NULL);
    f->owner = GP_FRAME_OWNED_BY_GENERATOR;
    if (gp_frame_bind(f, func, args, nargs, kwnames) < 0) {
        gp_frame_clear(f);
        gp_mem_free(f);
        return NULL;
    }
    gp_generator_t *gen = (gp_generator_t *)gp_object_alloc(type, 0);
    if (!gen) {
        gp_frame_clear(f);
        gp_mem_free(f);
        return NULL;
    }
    gen->frame = f;
    gen->code_or_names = GP_INCREF((gp_object_t *)co);
    if ((!gen_same_name(func->name, co->name) || !gen_same_name(func->qualname, co->qualname)) &&
        gen_rename(gen, func->name, func->qualname) < 0) {
        GP_DECREF((gp_object_t *)gen);
        return NULL;
    }
    gp_gc_track((gp_object_t *)gen);
    return (gp_object_t *)gen;
}

static void gen_finish(gp_generator_t *gen)
{
    if (!gen->frame)
        return;
    gp_frame_t *f = gen->frame;
    gen->frame = NULL;
    gp_frame_clear(f);
    gp_mem_free(f);
    GP_CLEAR(gen->exc_state);
}

gp_object_t *gp_stop_iteration_value(gp_object_t *exc)
{
    if (!exc || !gp_exc_check(exc))
        return gp_none_new();
    gp_object_t *v = gp_object_getattr_cstr(exc, "value");
    if (v)
        return v;
    gp_err_clear();
    gp_object_t *args = ((gp_exception_t *)exc)->args;
    if (args && gp_tuple_check(args) && GP_TUPLE_SIZE(args) > 0)
        return GP_INCREF(GP_TUPLE_GET(args, 0));
    return gp_none_new();
}

/* Raises [type](value) with the value as the single argument. */
static void raise_with_value(gp_type_t *type, gp_object_t *value)
{
    gp_object_t *args = value ? gp_tuple_pack(1, value) : GP_INCREF(gp_empty_tuple);
    if (!args)
        return;
    gp_object_t *exc = gp_exception_new(type, args);
    GP_DECREF(args);
    if (!exc)
        return;
    gp_err_set_exception(exc);
    GP_DECREF(exc);
}

/* PEP 479: StopIteration leaving the frame becomes RuntimeError. */
static void gen_convert_stop(gp_generator_t *gen)
{
    bool is_async = GP_IS_TYPE((gp_object_t *)gen, gp_async_generator_type);
    const char *what = NULL;
    if (gp_err_matches(&gp_exc_StopIteration))
        what = "StopIteration";
    else if (is_async && gp_err_matches(&gp_exc_StopAsyncIteration))
        what = "StopAsyncIteration";
    if (!what)
        return;
    gp_object_t *orig = gp_err_fetch();
    gp_err_format(&gp_exc_RuntimeError, "%s raised %s", gen_kind((gp_object_t *)gen), what);
    gp_object_t *exc = gp_err_current();
    if (exc && gp_exc_check(exc)) {
        gp_exception_t *e = (gp_exception_t *)exc;
        GP_SETREF(e->cause, GP_INCREF(orig));
        GP_SETREF(e->context, GP_INCREF(orig));
        e->suppress_context = true;
    }
    GP_DECREF(orig);
}

/* Makes [handled] the __context__ of [exc], cutting [handled]'s own chain
   where it already reaches [exc] so that no cycle forms. */
static void gen_chain_thrown(gp_object_t *exc, gp_object_t *handled)
{
    if (exc == NULL || exc == handled || !gp_exc_check(exc) || !gp_exc_check(handled))
        return;
    gp_exception_t *o = (gp_exception_t *)handled;
    for (int steps = 0; o->context != NULL && steps < 1000; steps++) {
        if (o->context == exc) {
            GP_CLEAR(o->context);
            break;
        }
        if (!gp_exc_check(o->context))
            break;
        o = (gp_exception_t *)o->context;
    }
    GP_SETREF(((gp_exception_t *)exc)->context, GP_INCREF(handled));
}

/* Resumes [gen] with [value] pushed (unless NULL), or with the current
   exception thrown in when [throw]. */
static gp_send_result_t gen_resume(gp_generator_t *gen, gp_object_t *value, bool throw,
                                   gp_object_t **result)
{
    gp_object_t *self = (gp_object_t *)gen;
    *result = NULL;
    if (gen->running) {
        gp_err_format(&gp_exc_ValueError, "%s already executing", gen_kind(self));
        return GP_SEND_ERROR;
    }
    if (!gen->frame) {
        /* An exhausted coroutine refuses throw() as it refuses send() (the
           thrown exception is replaced); a generator lets it through.
           close() never gets here for a finished frame. */
        if (throw && !GP_IS_TYPE(self, gp_coroutine_type))
            return GP_SEND_ERROR; /* the exception is already set */
        if (GP_IS_TYPE(self, gp_coroutine_type)) {
            gp_err_set_string(&gp_exc_RuntimeError, "cannot reuse already awaited coroutine");
            return GP_SEND_ERROR;
        }
        *result = gp_none_new();
        return GP_SEND_RETURN;
    }
    gp_frame_t *f = gen->frame;
    if (!gen->started) {
        if (value && value != gp_None && !throw) {
            gp_err_format(&gp_exc_TypeError, "can't send non-None value to a just-started %s",
                          gen_kind(self));
            return GP_SEND_ERROR;
        }
        gen->started = true;
    } else if (value && !throw) {
        *f->sp++ = GP_INCREF(value);
    }
    gp_thread_state_t *ts = gp_tstate();
    /* Thrown into a generator suspended in an except block: the exception
       that block handles becomes the thrown one's __context__. */
    if (throw && gen->exc_state)
        gen_chain_thrown(ts->curexc, gen->exc_state);
    /* The generator runs with its own handled-exception slot; the caller's
       waits on the C stack, still visible through gp_exc_handled(). */
    gp_exc_outer_t outer = {ts->exc_info, ts->exc_outer};
    ts->exc_outer = &outer;
    ts->exc_info = gen->exc_state;
    gen->exc_state = NULL;
    gen->running = true;
    GP_INCREF(self);
    gp_object_t *r = gp_eval_frame(f, throw ? 1 : 0);
    gen->running = false;
    /* Suspended inside an except block, the slot holds what that block
       handles, for the next resumption; otherwise it is back to NULL. */
    if (r && f->yielded)
        gen->exc_state = ts->exc_info;
    else
        GP_XDECREF(ts->exc_info);
    ts->exc_info = outer.exc;
    ts->exc_outer = outer.outer;
    gp_send_result_t outcome;
    if (r && f->yielded) {
        *result = r;
        outcome = GP_SEND_YIELD;
    } else if (r) {
        *result = r;
        gen_finish(gen);
        outcome = GP_SEND_RETURN;
    } else {
        gen_convert_stop(gen);
        gen_finish(gen);
        outcome = GP_SEND_ERROR;
    }
    GP_DECREF(self);
    return outcome;
}

gp_send_result_t gp_generator_send(gp_object_t *gen, gp_object_t *value, gp_object_t **result)
{
    return gen_resume((gp_generator_t *)gen, value, false, result);
}

/* The delegate of a `yield from`/`await` the generator is suspended in. */
static gp_object_t *gen_yieldfrom(gp_generator_t *gen)
{
    gp_frame_t *f = gen->frame;
    if (!f || !gen->started || gen->running)
        return NULL;
    if (GP_INSTR_OP(*f->ip) != GP_OP_YIELD_FROM)
        return NULL;
    return f->sp[-1];
}

gp_object_t *gp_generator_yieldfrom(gp_object_t *gen)
{
    return gen_yieldfrom((gp_generator_t *)gen);
}

static gp_object_t *gen_close_impl(gp_generator_t *gen);

/* Closes a delegate of yield from: gen.close() or its close method. */
static int close_delegate(gp_object_t *yf)
{
    gp_object_t *r;
    if (gp_generator_check(yf)) {
        r = gen_close_impl((gp_generator_t *)yf);
    } else {
        gp_object_t *m = gp_object_getattr_cstr(yf, "close");
        if (!m) {
            if (gp_err_matches(&gp_exc_AttributeError)) {
                gp_err_clear();
                return 0;
            }
            return -1;
        }
        r = gp_object_call0(m);
        GP_DECREF(m);
    }
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* Throws the exception [exc] into [gen]: forwarding to a delegate first. */
static gp_send_result_t gen_throw_exc(gp_generator_t *gen, gp_object_t *exc, gp_object_t **result)
{
    gp_object_t *yf = gen_yieldfrom(gen);
    if (yf) {
        GP_INCREF(yf);
        if (gp_exception_matches(exc, (gp_object_t *)&gp_exc_GeneratorExit)) {
            gen->running = true;
            int err = close_delegate(yf);
            gen->running = false;
            GP_DECREF(yf);
            if (err < 0)
                return gen_resume(gen, NULL, true, result);
            goto throw_here;
        }
        gp_send_result_t r;
        gp_object_t *value = NULL;
        gen->running = true;
        if (gp_generator_check(yf)) {
            /* The delegate runs as if called from this generator's frame,
               as it is when resumed through YIELD_FROM: its f_back and
               the stack that inspect and warnings see include us. */
            gp_thread_state_t *ts = gp_tstate();
            gp_frame_t *f = gen->frame, *prev = ts->frame, *old_back = f->back;
            f->back = prev;
            ts->frame = f;
            r = gen_throw_exc((gp_generator_t *)yf, exc, &value);
            ts->frame = prev;
            f->back = old_back;
        } else {
            gp_object_t *m = gp_object_getattr_cstr(yf, "throw");
            if (!m) {
                gen->running = false;
                GP_DECREF(yf);
                if (!gp_err_matches(&gp_exc_AttributeError))
                    return gen_resume(gen, NULL, true, result);
                gp_err_clear();
                goto throw_here;
            }
            value = gp_object_call1(m, exc);
            GP_DECREF(m);
            if (value) {
                r = GP_SEND_YIELD;
            } else if (gp_err_matches(&gp_exc_StopIteration)) {
                gp_object_t *stop = gp_err_fetch();
                value = gp_stop_iteration_value(stop);
                GP_DECREF(stop);
                r = value ? GP_SEND_RETURN : GP_SEND_ERROR;
            } else {
                r = GP_SEND_ERROR;
            }
        }
        gen->running = false;
        GP_DECREF(yf);
        if (r == GP_SEND_YIELD) {
            *result = value;
            return GP_SEND_YIELD;
        }
        if (r == GP_SEND_ERROR)
            return gen_resume(gen, NULL, true, result);
        /* The delegate returned: finish the YIELD_FROM with its value. */
        gp_frame_t *f = gen->frame;
        gp_object_t *old = *--f->sp;
        GP_DECREF(old);
        *f->sp++ = value;
        f->ip++;
        return gen_resume(gen, NULL, false, result);
    }
throw_here:
    /* Thrown in as it is: unlike a raise, throw() gives the exception no
       implicit __context__ (CPython restores it, it does not set it). */
    if (gp_exc_check(exc))
        gp_err_restore(GP_INCREF(exc));
    else
        gp_err_set_exception(exc);
    if (!gen->frame && !GP_IS_TYPE((gp_object_t *)gen, gp_coroutine_type))
        return GP_SEND_ERROR;
    return gen_resume(gen, NULL, true, result);
}

/* gen.throw(exc) without StopIteration and without the method lookup: for
   asyncio's C Task (mod/asyncio_c.c), which throws CancelledError and the
   exceptions of awaited futures into its coroutine. [exc] is borrowed and
   must be an exception instance. */
gp_send_result_t gp_generator_throw(gp_object_t *gen, gp_object_t *exc, gp_object_t **result)
{
    gp_generator_t *g = (gp_generator_t *)gen;
    if (g->running) {
        gp_err_format(&gp_exc_ValueError, "%s already executing", gen_kind(gen));
        return GP_SEND_ERROR;
    }
    return gen_throw_exc(g, exc, result);
}

/* Normalises throw(type[, value[, tb]]) into an exception instance. On
   failure *[from_call] (when given) tells whether the arguments were valid
   and only creating the exception from the class failed. */
static gp_object_t *make_throw_exc(gp_object_t *const *args, size_t nargs, bool *from_call)
{
    gp_object_t *typ = args[0];
    gp_object_t *val = nargs > 1 ? args[1] : gp_None;
    gp_object_t *tb = nargs > 2 ? args[2] : gp_None;
    if (tb != gp_None && !GP_IS_TYPE(tb, gp_traceback_type)) {
        gp_err_set_string(&gp_exc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    gp_object_t *exc;
    if (gp_exc_check(typ)) {
        if (val != gp_None) {
            gp_err_set_string(&gp_exc_TypeError,
                              "instance exception may not have a separate value");
            return NULL;
        }
        exc = GP_INCREF(typ);
    } else if (gp_type_check(typ) && gp_type_is_subtype((gp_type_t *)typ, &gp_exc_BaseException)) {
        if (from_call)
            *from_call = true;
        if (gp_object_isinstance_type(val, (gp_type_t *)typ))
            exc = GP_INCREF(val);
        else if (val == gp_None)
            exc = gp_object_call0(typ);
        else if (gp_tuple_check(val))
            exc = gp_object_call_tuple_dict(typ, val, NULL);
        else
            exc = gp_object_call1(typ, val);
        if (!exc)
            return NULL;
        /* A __new__ may hand back anything; say which class misbehaved
         * rather than the generic "must derive" text, as raise does. */
        if (!gp_exc_check(exc)) {
            gp_err_format(&gp_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %T",
                          typ, exc);
            GP_DECREF(exc);
            return NULL;
        }
    } else {
        gp_err_format(&gp_exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, not %T",
                      typ);
        return NULL;
    }
    if (tb != gp_None && gp_exc_check(exc))
        GP_SETREF(((gp_exception_t *)exc)->traceback, GP_INCREF(tb));
    return exc;
}

/* Turns a resume outcome into the Python-level result of send()/throw(). */
static gp_object_t *send_result(gp_object_t *self, gp_send_result_t r, gp_object_t *value)
{
    if (r == GP_SEND_YIELD)
        return value;
    if (r == GP_SEND_RETURN) {
        if (GP_IS_TYPE(self, gp_async_generator_type))
            gp_err_set_object(&gp_exc_StopAsyncIteration, NULL);
        else
            raise_with_value(&gp_exc_StopIteration, value == gp_None ? NULL : value);
        GP_DECREF(value);
    }
    return NULL;
}

static gp_object_t *gen_send_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("send", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *value = NULL;
    gp_send_result_t r = gen_resume((gp_generator_t *)self, args[0], false, &value);
    return send_result(self, r, value);
}

static gp_object_t *gen_throw_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("throw", nargs, kwnames, 1, 3) < 0)
        return NULL;
    bool from_call = false;
    gp_object_t *exc = make_throw_exc(args, nargs, &from_call);
    if (!exc) {
        /* When the arguments were right but calling the class failed (or
           gave no exception), that error is what goes in: the generator
           sees it at its yield, as in CPython. */
        if (!from_call)
            return NULL;
        exc = gp_err_fetch();
    }
    gp_object_t *value = NULL;
    gp_send_result_t r = gen_throw_exc((gp_generator_t *)self, exc, &value);
    GP_DECREF(exc);
    return send_result(self, r, value);
}

static gp_object_t *gen_close_impl(gp_generator_t *gen)
{
    if (!gen->frame)
        return gp_none_new();
    if (!gen->started) {
        gen_finish(gen);
        return gp_none_new();
    }
    gp_object_t *exc = gp_exception_new(&gp_exc_GeneratorExit, gp_empty_tuple);
    if (!exc)
        return NULL;
    /* GeneratorExit is raised in the closer's context, as any new
       exception: what the closer handles is its __context__ (the
       generator's own handled exception, if any, replaces it on entry). */
    gp_object_t *handled = gp_exc_handled(gp_tstate());
    if (handled)
        gen_chain_thrown(exc, handled);
    gp_object_t *value = NULL;
    gp_send_result_t r = gen_throw_exc(gen, exc, &value);
    GP_DECREF(exc);
    if (r == GP_SEND_YIELD) {
        GP_DECREF(value);
        gp_err_format(&gp_exc_RuntimeError, "%s ignored GeneratorExit",
                      gen_kind((gp_object_t *)gen));
        return NULL;
    }
    if (r == GP_SEND_RETURN) {
        GP_DECREF(value);
        return gp_none_new();
    }
    if (gp_err_matches(&gp_exc_GeneratorExit) || gp_err_matches(&gp_exc_StopIteration)) {
        gp_err_clear();
        return gp_none_new();
    }
    return NULL;
}

static gp_object_t *gen_close_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gen_close_impl((gp_generator_t *)self);
}

static gp_object_t *gen_iternext(gp_object_t *self)
{
    gp_object_t *value = NULL;
    gp_send_result_t r = gen_resume((gp_generator_t *)self, gp_None, false, &value);
    if (r == GP_SEND_YIELD)
        return value;
    if (r == GP_SEND_RETURN) {
        if (value != gp_None)
            raise_with_value(&gp_exc_StopIteration, value);
        GP_DECREF(value);
    }
    return NULL;
}

static gp_object_t *gen_iter(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *gen_repr(gp_object_t *self)
{
    gp_generator_t *gen = (gp_generator_t *)self;
    const char *kind = GP_IS_TYPE(self, gp_coroutine_type)         ? "coroutine"
                       : GP_IS_TYPE(self, gp_async_generator_type) ? "async_generator"
                                                                   : "generator";
    return gp_str_from_format("<%s object %U at %p>", kind, gen_name(gen, true), (void *)self);
}

static int gen_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_generator_t *gen = (gp_generator_t *)self;
    int r;
    if (gen->exc_state && (r = visit(gen->exc_state, arg)))
        return r;
    if (gen->code_or_names && (r = visit(gen->code_or_names, arg)))
        return r;
    gp_frame_t *f = gen->frame;
    if (!f)
        return 0;
    gp_object_t *fixed[4] = {(gp_object_t *)f->code, f->func, f->globals, f->locals};
    for (int i = 0; i < 4; i++)
        if (fixed[i] && (r = visit(fixed[i], arg)))
            return r;
    for (gp_object_t **p = f->localsplus; p < f->sp; p++)
        if (*p && GP_IS_PTR(*p) && (r = visit(*p, arg)))
            return r;
    return 0;
}

static int gen_clear(gp_object_t *self)
{
    gen_finish((gp_generator_t *)self);
    return 0;
}

bool gp_generator_needs_finalize(gp_object_t *self)
{
    gp_generator_t *gen = (gp_generator_t *)self;
    if (!gen->frame || gen->running)
        return false;
    if (!gen->started)
        return GP_IS_TYPE(self, gp_coroutine_type);
    return gen->frame->nblocks > 0;
}

/* The RuntimeWarning for a coroutine that was never awaited: through
   warnings._warn_unawaited_coroutine() as CPython (it names the coroutine
   by its __qualname__ and may add where it was created), or a plain warning
   when the warnings module has no such function. */
static int coro_warn_unawaited(gp_object_t *coro)
{
    gp_object_t *warnings = gp_import_stdlib("warnings");
    if (!warnings)
        return -1;
    gp_object_t *fn = gp_object_getattr_cstr(warnings, "_warn_unawaited_coroutine");
    GP_DECREF(warnings);
    if (!fn) {
        if (!gp_err_matches(&gp_exc_AttributeError))
            return -1;
        gp_err_clear();
    } else if (fn != gp_None) {
        gp_object_t *r = gp_object_call1(fn, coro);
        GP_DECREF(fn);
        if (!r)
            return -1;
        GP_DECREF(r);
        return 0;
    } else {
        GP_DECREF(fn);
    }
    gp_object_t *msg = gp_str_from_format("coroutine '%U' was never awaited",
                                          gen_name((gp_generator_t *)coro, true));
    if (!msg)
        return -1;
    const char *text = gp_str_utf8(msg);
    int rc = text ? gp_err_warn(&gp_exc_RuntimeWarning, text) : -1;
    GP_DECREF(msg);
    return rc;
}

void gp_generator_finalize(gp_object_t *self)
{
    gp_generator_t *gen = (gp_generator_t *)self;
    if (!gp_generator_needs_finalize(self))
        return;
    gp_object_t *pending = gp_err_fetch();
    int rc = 0;
    if (!gen->started) {
        rc = coro_warn_unawaited(self);
    } else {
        /* A generator suspended inside try/finally or with runs its cleanup. */
        gp_object_t *r = gen_close_impl(gen);
        if (r)
            GP_DECREF(r);
        else
            rc = -1;
    }
    if (rc < 0)
        gp_err_write_unraisable(NULL, self); /* "generator ignored GeneratorExit"... */
    gp_err_restore(pending);
}

static void gen_dealloc(gp_object_t *self)
{
    gp_generator_t *gen = (gp_generator_t *)self;
    gp_gc_untrack(self);
    if (gp_gc_finalize(self))
        return; /* resurrected */
    gen_finish(gen);
    GP_CLEAR(gen->code_or_names);
    gp_object_free(self);
}

enum {
    GEN_NAME,
    GEN_QUALNAME,
    GEN_RUNNING,
    GEN_CODE,
    GEN_FRAME,
    GEN_YIELDFROM,
    GEN_SUSPENDED,
};

static gp_object_t *gen_get(gp_object_t *self, void *closure)
{
    gp_generator_t *gen = (gp_generator_t *)self;
    switch ((int)(intptr_t)closure) {
    case GEN_NAME:
        return GP_INCREF(gen_name(gen, false));
    case GEN_QUALNAME:
        return GP_INCREF(gen_name(gen, true));
    case GEN_RUNNING:
        return gp_bool_from(gen->running);
    case GEN_CODE:
        return GP_INCREF(gen_code(gen));
    case GEN_FRAME:
        if (gen->frame)
            return gp_frame_object_new(gen->frame, gp_frame_lineno(gen->frame));
        return gp_none_new();
    case GEN_YIELDFROM: {
        gp_object_t *yf = gen_yieldfrom(gen);
        return GP_INCREF(yf ? yf : gp_None);
    }
    case GEN_SUSPENDED:
        return gp_bool_from(gen->frame && gen->started && !gen->running);
    }
    return gp_none_new();
}

static int gen_set_name(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_generator_t *gen = (gp_generator_t *)self;
    if (!value || !gp_str_check(value)) {
        gp_err_format(&gp_exc_TypeError, "__%s__ must be set to a string object",
                      closure ? "qualname" : "name");
        return -1;
    }
    return gen_rename(gen, closure ? gen_name(gen, false) : value,
                      closure ? value : gen_name(gen, true));
}

#define GEN_GETSET(name, which) {name, gen_get, NULL, (void *)(intptr_t)(which), NULL}
static const gp_getset_def_t generator_getsets[] = {
    {"__name__", gen_get, gen_set_name, (void *)(intptr_t)GEN_NAME, "name of the generator"},
    {"__qualname__", gen_get, gen_set_name, (void *)(intptr_t)GEN_QUALNAME,
     "qualified name of the generator"},
    GEN_GETSET("gi_running", GEN_RUNNING),
    GEN_GETSET("gi_code", GEN_CODE),
    GEN_GETSET("gi_frame", GEN_FRAME),
    GEN_GETSET("gi_yieldfrom", GEN_YIELDFROM),
    GEN_GETSET("gi_suspended", GEN_SUSPENDED),
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_getset_def_t coroutine_getsets[] = {
    {"__name__", gen_get, gen_set_name, (void *)(intptr_t)GEN_NAME, "name of the coroutine"},
    {"__qualname__", gen_get, gen_set_name, (void *)(intptr_t)GEN_QUALNAME,
     "qualified name of the coroutine"},
    GEN_GETSET("cr_running", GEN_RUNNING),
    GEN_GETSET("cr_code", GEN_CODE),
    GEN_GETSET("cr_frame", GEN_FRAME),
    GEN_GETSET("cr_await", GEN_YIELDFROM),
    GEN_GETSET("cr_suspended", GEN_SUSPENDED),
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_getset_def_t async_generator_getsets[] = {
    {"__name__", gen_get, gen_set_name, (void *)(intptr_t)GEN_NAME, "name of the async generator"},
    {"__qualname__", gen_get, gen_set_name, (void *)(intptr_t)GEN_QUALNAME,
     "qualified name of the async generator"},
    GEN_GETSET("ag_running", GEN_RUNNING),
    GEN_GETSET("ag_code", GEN_CODE),
    GEN_GETSET("ag_frame", GEN_FRAME),
    GEN_GETSET("ag_await", GEN_YIELDFROM),
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_method_def_t generator_methods[] = {
    {"send", gen_send_method, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw_method, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close_method, 0, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_generator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "generator",
    .basicsize = sizeof(gp_generator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .methods = generator_methods,
    .getsets = generator_getsets,
};

/* ------------------------------------------------------------------ */
/* Coroutines                                                           */
/* ------------------------------------------------------------------ */

/* The iterator returned by coroutine.__await__(). */
typedef struct coro_wrapper {
    gp_object_t base;
    gp_object_t *coro;
} coro_wrapper_t;

static gp_type_t coro_wrapper_type;

static void coro_wrapper_dealloc(gp_object_t *self)
{
    GP_CLEAR(((coro_wrapper_t *)self)->coro);
    gp_object_free(self);
}

static gp_object_t *coro_wrapper_next(gp_object_t *self)
{
    return gen_iternext(((coro_wrapper_t *)self)->coro);
}

static gp_object_t *coro_wrapper_send(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    return gen_send_method(((coro_wrapper_t *)self)->coro, args, nargs, kwnames);
}

static gp_object_t *coro_wrapper_throw(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return gen_throw_method(((coro_wrapper_t *)self)->coro, args, nargs, kwnames);
}

static gp_object_t *coro_wrapper_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return gen_close_method(((coro_wrapper_t *)self)->coro, args, nargs, kwnames);
}

static const gp_method_def_t coro_wrapper_methods[] = {
    {"send", coro_wrapper_send, 0, NULL},
    {"throw", coro_wrapper_throw, 0, NULL},
    {"close", coro_wrapper_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_type_t coro_wrapper_type = {
    GP_TYPE_HEAD_INIT,
    .name = "coroutine_wrapper",
    .basicsize = sizeof(coro_wrapper_t),
    .dealloc = coro_wrapper_dealloc,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .iter = gen_iter,
    .iternext = coro_wrapper_next,
    .methods = coro_wrapper_methods,
};

/* Readies a private type on first use. */
static int ensure_ready(gp_type_t *type)
{
    if (type->flags & GP_TYPE_FLAG_READY)
        return 0;
    return gp_type_ready(type);
}

static gp_object_t *coro_await(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("__await__", nargs, kwnames, 0, 0) < 0 ||
        ensure_ready(&coro_wrapper_type) < 0)
        return NULL;
    coro_wrapper_t *w = (coro_wrapper_t *)gp_object_alloc(&coro_wrapper_type, 0);
    if (!w)
        return NULL;
    w->coro = GP_INCREF(self);
    return (gp_object_t *)w;
}

static const gp_method_def_t coroutine_methods[] = {
    {"send", gen_send_method, 0, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw_method, 0, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", gen_close_method, 0, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await, 0, "Return an iterator to be used in await expression."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_coroutine_type = {
    GP_TYPE_HEAD_INIT,
    .name = "coroutine",
    .basicsize = sizeof(gp_generator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .methods = coroutine_methods,
    .getsets = coroutine_getsets,
};

/* ------------------------------------------------------------------ */
/* Async generators                                                     */
/* ------------------------------------------------------------------ */

/* The awaitable of __anext__/asend/athrow/aclose. */
typedef struct agen_step {
    gp_object_t base;
    gp_object_t *agen;
    gp_object_t *value; /* asend: value to send; athrow: exception to throw */
    int mode;           /* 0 asend, 1 athrow, 2 aclose */
    int state;          /* 0 not started, 1 running, 2 done */
} agen_step_t;

static gp_type_t agen_step_type;

static void agen_step_dealloc(gp_object_t *self)
{
    agen_step_t *s = (agen_step_t *)self;
    GP_CLEAR(s->agen);
    GP_CLEAR(s->value);
    gp_object_free(self);
}

/* Interprets a resume of the async generator for the awaitable [s]. */
static gp_object_t *agen_step_result(agen_step_t *s, gp_send_result_t r, gp_object_t *value)
{
    gp_generator_t *gen = (gp_generator_t *)s->agen;
    if (r == GP_SEND_YIELD) {
        bool real_yield = gen->frame && gen->frame->yielded_value;
        if (!real_yield)
            return value; /* an inner await passing a value up */
        s->state = 2;
        if (s->mode == 2) {
            GP_DECREF(value);
            gp_err_set_string(&gp_exc_RuntimeError, "async generator ignored GeneratorExit");
            return NULL;
        }
        raise_with_value(&gp_exc_StopIteration, value);
        GP_DECREF(value);
        return NULL;
    }
    s->state = 2;
    if (r == GP_SEND_RETURN) {
        GP_DECREF(value);
        if (s->mode == 2)
            raise_with_value(&gp_exc_StopIteration, NULL);
        else
            gp_err_set_object(&gp_exc_StopAsyncIteration, NULL);
        return NULL;
    }
    if (s->mode == 2 &&
        (gp_err_matches(&gp_exc_GeneratorExit) || gp_err_matches(&gp_exc_StopAsyncIteration))) {
        gp_err_clear();
        raise_with_value(&gp_exc_StopIteration, NULL);
    }
    return NULL;
}

static gp_object_t *agen_step_send_value(agen_step_t *s, gp_object_t *value)
{
    gp_object_t *out = NULL;
    gp_send_result_t r;
    if (s->state == 2) {
        gp_err_set_string(&gp_exc_RuntimeError,
                          "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (s->state == 0) {
        s->state = 1;
        if (s->mode == 0) {
            r = gen_resume((gp_generator_t *)s->agen, s->value ? s->value : value, false, &out);
        } else {
            gp_object_t *exc = s->value;
            if (!exc) {
                exc = gp_exception_new(&gp_exc_GeneratorExit, gp_empty_tuple);
                if (!exc)
                    return NULL;
            } else {
                GP_INCREF(exc);
            }
            r = gen_throw_exc((gp_generator_t *)s->agen, exc, &out);
            GP_DECREF(exc);
        }
    } else {
        r = gen_resume((gp_generator_t *)s->agen, value, false, &out);
    }
    return agen_step_result(s, r, out);
}

static gp_object_t *agen_step_next(gp_object_t *self)
{
    return agen_step_send_value((agen_step_t *)self, gp_None);
}

static gp_object_t *agen_step_send(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("send", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return agen_step_send_value((agen_step_t *)self, args[0]);
}

static gp_object_t *agen_step_throw(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    agen_step_t *s = (agen_step_t *)self;
    if (gp_args_check("throw", nargs, kwnames, 1, 3) < 0)
        return NULL;
    gp_object_t *exc = make_throw_exc(args, nargs, NULL);
    if (!exc)
        return NULL;
    gp_object_t *out = NULL;
    s->state = 1;
    gp_send_result_t r = gen_throw_exc((gp_generator_t *)s->agen, exc, &out);
    GP_DECREF(exc);
    return agen_step_result(s, r, out);
}

static gp_object_t *agen_step_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    ((agen_step_t *)self)->state = 2;
    return gp_none_new();
}

static gp_object_t *agen_step_await(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return GP_INCREF(self);
}

static const gp_method_def_t agen_step_methods[] = {
    {"send", agen_step_send, 0, NULL},
    {"throw", agen_step_throw, 0, NULL},
    {"close", agen_step_close, 0, NULL},
    {"__await__", agen_step_await, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_type_t agen_step_type = {
    GP_TYPE_HEAD_INIT,
    .name = "async_generator_asend",
    .basicsize = sizeof(agen_step_t),
    .dealloc = agen_step_dealloc,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .iter = gen_iter,
    .iternext = agen_step_next,
    .methods = agen_step_methods,
};

static gp_object_t *agen_step_new(gp_object_t *agen, gp_object_t *value, int mode)
{
    if (ensure_ready(&agen_step_type) < 0)
        return NULL;
    agen_step_t *s = (agen_step_t *)gp_object_alloc(&agen_step_type, 0);
    if (!s)
        return NULL;
    s->agen = GP_INCREF(agen);
    s->value = GP_XINCREF(value);
    s->mode = mode;
    return (gp_object_t *)s;
}

static gp_object_t *agen_anext(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("__anext__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return agen_step_new(self, NULL, 0);
}

static gp_object_t *agen_asend(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("asend", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return agen_step_new(self, args[0], 0);
}

static gp_object_t *agen_athrow(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("athrow", nargs, kwnames, 1, 3) < 0)
        return NULL;
    gp_object_t *exc = make_throw_exc(args, nargs, NULL);
    if (!exc)
        return NULL;
    gp_object_t *s = agen_step_new(self, exc, 1);
    GP_DECREF(exc);
    return s;
}

static gp_object_t *agen_aclose(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("aclose", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return agen_step_new(self, NULL, 2);
}

static gp_object_t *agen_aiter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return GP_INCREF(self);
}

static const gp_method_def_t async_generator_methods[] = {
    {"__anext__", agen_anext, 0, "Return a value or raise StopAsyncIteration."},
    {"__aiter__", agen_aiter, 0, "Return an awaitable, that resolves in asynchronous iterator."},
    {"asend", agen_asend, 0, "asend(v) -> send 'v' in generator."},
    {"athrow", agen_athrow, 0, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", agen_aclose, 0, "aclose() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_async_generator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "async_generator",
    .basicsize = sizeof(gp_generator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .methods = async_generator_methods,
    .getsets = async_generator_getsets,
};
