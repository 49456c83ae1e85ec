/*
 * contextvars.c - the `_contextvars` module: Context, ContextVar, Token and
 * copy_context(), as CPython 3.11 has them (lib/contextvars.py re-exports).
 *
 * Design notes
 * ------------
 * A Context is a mapping from ContextVar to value that must behave as an
 * immutable snapshot: copy_context() is called for every asyncio task and
 * every loop callback, so a copy must cost O(1), and a ContextVar.set() in
 * one context must never show in a copy taken earlier. CPython uses a hash
 * array mapped trie. Here a context holds a plain dict ([vars]) that is
 * shared copy-on-write:
 *
 *   - copy() makes a new Context pointing at the same dict (one INCREF);
 *   - set() and reset() change the current context's dict in place only
 *     when nothing else holds it (its reference count is 1); otherwise they
 *     copy it first and swap the copy in.
 *
 * Anything that needs the contents to stay still (an iterator, the walk
 * of __eq__) holds a reference to the dict, which by that rule freezes it.
 * A set() after a copy costs a dict copy, O(number of variables); programs
 * have few variables, and a copy of ten is a few hundred nanoseconds.
 * An empty context has no dict at all (NULL).
 *
 * The current context is per thread: gp_thread_state_t.context holds it
 * (a strong reference), NULL until some code needs one, so a new thread
 * starts with an empty context as in CPython 3.11. Entering a context
 * (Context.run, an asyncio task's step) saves the previous one in a
 * gp_context_scope_t on the C stack and puts the entered one in its place;
 * leaving restores it. A context can be current on one thread, once, at a
 * time: its [entered] flag refuses a second entry.
 *
 * ContextVar.get() cache. Each thread carries a stamp
 * (gp_thread_state_t.context_stamp) that is renewed from a runtime-wide
 * counter whenever its current context changes (enter, leave) or its
 * contents do (set, reset). A variable remembers the stamp of its last
 * lookup and what it found; while the stamp matches, get() costs two loads
 * and a compare. The stamps are unique across threads, so a stamp seen by
 * one thread never matches on another. The cached value is borrowed: the
 * stamp can only still match while the context that holds the value is
 * current and unchanged. Stamp 0, a thread that never touched a context,
 * always means "empty", on any thread.
 *
 * Lazy contexts. An asyncio task that never sets a variable needs no
 * context of its own, and 100,000 tasks would otherwise cost 100,000
 * Context objects. gp_context_scope_enter(NULL) makes the thread's current
 * context "none yet"; if the code run sets a variable, the context then
 * created is handed back by gp_context_scope_leave() for the task to keep.
 */
#include <stdint.h>
#include <string.h>

#include "mod/contextvars.h"
#include "obj/containers.h"
#include "obj/genericalias.h"
#include "obj/object.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

typedef struct context {
    gp_object_t base;
    gp_object_t *vars; /* dict ContextVar -> value, shared copy-on-write; NULL when empty */
    bool entered;      /* current on some thread (run() is under way) */
} context_t;

typedef struct context_var {
    gp_object_t base;
    gp_object_t *name;          /* str */
    gp_object_t *default_value; /* NULL: no default */
    gp_object_t *cached_value;  /* borrowed; NULL: absent (see the design notes) */
    uint64_t cached_stamp;
} context_var_t;

typedef struct token {
    gp_object_t base;
    gp_object_t *context;   /* the Context the set() was made in */
    gp_object_t *var;       /* the ContextVar set */
    gp_object_t *old_value; /* NULL: Token.MISSING */
    bool used;
} token_t;

static gp_type_t context_type, context_var_type, token_type, token_missing_type;
static gp_object_t token_missing = GP_OBJECT_HEAD_INIT(&token_missing_type);

#define CONTEXT(o) ((context_t *)(o))
#define CONTEXT_VAR(o) ((context_var_t *)(o))
#define TOKEN(o) ((token_t *)(o))

bool gp_context_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && GP_TYPE(o) == &context_type;
}

static bool context_var_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && GP_TYPE(o) == &context_var_type;
}

/* Gives the thread a stamp no thread has had: every cached lookup made
   before is now stale for it. */
static void context_stamp_renew(gp_thread_state_t *ts)
{
    ts->context_stamp = ++ts->runtime->context_stamps;
}

/* ------------------------------------------------------------------ */
/* Context: the object                                                  */
/* ------------------------------------------------------------------ */

/* A new context sharing [vars] (borrowed, may be NULL). */
static gp_object_t *context_alloc(gp_object_t *vars)
{
    gp_object_t *self = gp_object_alloc(&context_type, 0);
    if (!self)
        return NULL;
    CONTEXT(self)->vars = GP_XINCREF(vars);
    gp_gc_track(self);
    return self;
}

gp_object_t *gp_context_new_empty(void)
{
    return context_alloc(NULL);
}

/* The calling thread's current context (borrowed), created when missing;
   NULL with MemoryError. A created one counts as entered: it is current. */
static context_t *context_current_borrowed(gp_thread_state_t *ts)
{
    if (!ts->context) {
        ts->context = context_alloc(NULL);
        if (!ts->context)
            return NULL;
        CONTEXT(ts->context)->entered = true;
    }
    return CONTEXT(ts->context);
}

gp_object_t *gp_context_current(void)
{
    return GP_XINCREF((gp_object_t *)context_current_borrowed(gp_tstate()));
}

gp_object_t *gp_context_capture(void)
{
    context_t *current = CONTEXT(gp_tstate()->context);
    if (!current || !current->vars || gp_dict_size(current->vars) == 0)
        return NULL;
    return context_alloc(current->vars);
}

/* The dict of [ctx], ready to be changed: copied first when shared, made
   when missing. NULL with an exception. */
static gp_object_t *context_vars_for_write(context_t *ctx)
{
    if (!ctx->vars)
        return ctx->vars = gp_dict_new();
    if (ctx->vars->refcnt > 1) {
        gp_object_t *copy = gp_dict_copy(ctx->vars);
        if (!copy)
            return NULL;
        GP_SETREF(ctx->vars, copy);
    }
    return ctx->vars;
}

/* The value of [var] in [ctx] (borrowed), or NULL when absent. */
static gp_object_t *context_lookup(context_t *ctx, gp_object_t *var)
{
    if (!ctx || !ctx->vars)
        return NULL;
    /* ContextVar hashes by identity and compares by identity: no code runs,
       and no error is possible. */
    return gp_dict_getitem(ctx->vars, var);
}

static void context_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(CONTEXT(self)->vars);
    gp_object_free(self);
}

static int context_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *vars = CONTEXT(self)->vars;
    return vars ? visit(vars, arg) : 0;
}

static int context_clear(gp_object_t *self)
{
    GP_CLEAR(CONTEXT(self)->vars);
    return 0;
}

static gp_object_t *context_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (nargs > 0 || (kwnames && GP_TUPLE_SIZE(kwnames) > 0)) {
        gp_err_set_string(&gp_exc_TypeError, "Context() does not accept any arguments");
        return NULL;
    }
    return context_alloc(NULL);
}

/* ------------------------------------------------------------------ */
/* Entering and leaving                                                 */
/* ------------------------------------------------------------------ */

int gp_context_scope_enter(gp_context_scope_t *scope, gp_object_t *context)
{
    gp_thread_state_t *ts = gp_tstate();
    if (context) {
        if (!gp_context_check(context)) {
            gp_err_format(&gp_exc_TypeError, "an instance of Context was expected, got %R",
                          context);
            return -1;
        }
        if (CONTEXT(context)->entered) {
            gp_err_format(&gp_exc_RuntimeError, "cannot enter context: %R is already entered",
                          context);
            return -1;
        }
        CONTEXT(context)->entered = true;
        GP_INCREF(context);
    }
    /* The thread's reference to the outer context moves into the scope. */
    scope->outer = ts->context;
    scope->context = context;
    ts->context = context;
    context_stamp_renew(ts);
    return 0;
}

gp_object_t *gp_context_scope_leave(gp_context_scope_t *scope)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_object_t *inner = ts->context;
    ts->context = scope->outer;
    scope->outer = NULL;
    context_stamp_renew(ts);
    if (inner)
        CONTEXT(inner)->entered = false;
    if (scope->context) {
        /* Scopes nest, so [inner] is the entered context itself. */
        GP_XDECREF(inner);
        return NULL;
    }
    return inner;
}

/* ------------------------------------------------------------------ */
/* Context: the mapping                                                 */
/* ------------------------------------------------------------------ */

/* TypeError unless [key] is a ContextVar, as every lookup requires. */
static int context_check_key(gp_object_t *key)
{
    if (context_var_check(key))
        return 0;
    gp_err_format(&gp_exc_TypeError, "a ContextVar key was expected, got %R", key);
    return -1;
}

static intptr_t context_len(gp_object_t *self)
{
    gp_object_t *vars = CONTEXT(self)->vars;
    return vars ? gp_dict_size(vars) : 0;
}

static gp_object_t *context_getitem(gp_object_t *self, gp_object_t *key)
{
    if (context_check_key(key) < 0)
        return NULL;
    gp_object_t *value = context_lookup(CONTEXT(self), key);
    if (!value) {
        gp_err_set_object(&gp_exc_KeyError, key);
        return NULL;
    }
    return GP_INCREF(value);
}

static int context_contains(gp_object_t *self, gp_object_t *key)
{
    if (context_check_key(key) < 0)
        return -1;
    return context_lookup(CONTEXT(self), key) != NULL;
}

/* Context.get(key, default=None) */
static gp_object_t *context_get_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_positional("get", nargs, 1, 2) < 0 || context_check_key(args[0]) < 0)
        return NULL;
    gp_object_t *value = context_lookup(CONTEXT(self), args[0]);
    if (!value)
        value = nargs > 1 ? args[1] : gp_None;
    return GP_INCREF(value);
}

/* An iterator over the keys, values or items of the dict, or of an empty
   tuple. The iterator holds the dict, which freezes it (design notes). */
static gp_object_t *context_iter_of(gp_object_t *self, const char *method)
{
    gp_object_t *vars = CONTEXT(self)->vars;
    if (!vars)
        return gp_object_iter(gp_empty_tuple);
    gp_object_t *view = gp_object_call_method(vars, method, NULL, 0);
    if (!view)
        return NULL;
    gp_object_t *it = gp_object_iter(view);
    GP_DECREF(view);
    return it;
}

static gp_object_t *context_iter(gp_object_t *self)
{
    return context_iter_of(self, "keys");
}

/* keys(), values() and items() return lists: snapshots, which is what the
   views of an immutable mapping amount to. */
static gp_object_t *context_list_of(gp_object_t *self, const char *qualname, const char *method,
                                    size_t nargs)
{
    if (gp_check_noargs(qualname, nargs) < 0)
        return NULL;
    gp_object_t *it = context_iter_of(self, method);
    if (!it)
        return NULL;
    gp_object_t *list = gp_list_from_iterable(it);
    GP_DECREF(it);
    return list;
}

static gp_object_t *context_keys(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return context_list_of(self, "Context.keys", "keys", nargs);
}

static gp_object_t *context_values(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    return context_list_of(self, "Context.values", "values", nargs);
}

static gp_object_t *context_items(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return context_list_of(self, "Context.items", "items", nargs);
}

static gp_object_t *context_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_noargs("Context.copy", nargs) < 0)
        return NULL;
    return context_alloc(CONTEXT(self)->vars);
}

/* Context.run(callable, *args, **kwargs) */
static gp_object_t *context_run(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (nargs < 1) {
        gp_err_set_string(&gp_exc_TypeError, "run() missing 1 required positional argument");
        return NULL;
    }
    gp_context_scope_t scope;
    if (gp_context_scope_enter(&scope, self) < 0)
        return NULL;
    gp_object_t *result = gp_object_call(args[0], args + 1, nargs - 1, kwnames);
    gp_context_scope_leave(&scope);
    return result;
}

/* Two contexts are equal when their mappings are (values compared with
   ==). Both dicts are held meanwhile, so an __eq__ that sets a variable
   cannot change them under the comparison. */
static gp_object_t *context_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if ((op != GP_CMP_EQ && op != GP_CMP_NE) || !gp_context_check(a) || !gp_context_check(b))
        return GP_INCREF(gp_NotImplemented);
    gp_object_t *va = CONTEXT(a)->vars, *vb = CONTEXT(b)->vars;
    va = va ? GP_INCREF(va) : gp_dict_new();
    vb = vb ? GP_INCREF(vb) : gp_dict_new();
    gp_object_t *result = va && vb ? gp_object_richcompare(va, vb, op) : NULL;
    GP_XDECREF(va);
    GP_XDECREF(vb);
    return result;
}

/* ------------------------------------------------------------------ */
/* ContextVar                                                           */
/* ------------------------------------------------------------------ */

/* ContextVar(name, /, *, default=<none>) */
static gp_object_t *context_var_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        gp_err_format(&gp_exc_TypeError, "ContextVar() takes at most 2 arguments (%zu given)",
                      nargs + nkw);
        return NULL;
    }
    if (nargs != 1) {
        gp_err_format(&gp_exc_TypeError, "ContextVar() takes %s 1 positional argument (%zu given)",
                      nargs ? "at most" : "exactly", nargs);
        return NULL;
    }
    gp_object_t *default_value = NULL;
    if (nkw) {
        gp_object_t *kw = GP_TUPLE_GET(kwnames, 0);
        if (!gp_str_eq_cstr(kw, "default")) {
            gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword argument for ContextVar()",
                          kw);
            return NULL;
        }
        default_value = args[1];
    }
    if (!gp_str_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "context variable name must be a str");
        return NULL;
    }
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    context_var_t *var = CONTEXT_VAR(self);
    var->name = GP_INCREF(args[0]);
    var->default_value = GP_XINCREF(default_value);
    gp_gc_track(self);
    return self;
}

static void context_var_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(CONTEXT_VAR(self)->name);
    GP_CLEAR(CONTEXT_VAR(self)->default_value);
    gp_object_free(self);
}

static int context_var_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *d = CONTEXT_VAR(self)->default_value;
    return d && GP_IS_PTR(d) ? visit(d, arg) : 0;
}

static int context_var_clear(gp_object_t *self)
{
    GP_CLEAR(CONTEXT_VAR(self)->default_value);
    return 0;
}

/* The value of [var] in the calling thread's current context (borrowed),
   or NULL when it has none there. The hot path of get(): see the design
   notes for the cache. */
static gp_object_t *context_var_lookup(context_var_t *var)
{
    gp_thread_state_t *ts = gp_tstate();
    if (var->cached_stamp == ts->context_stamp)
        return var->cached_value;
    gp_object_t *value = context_lookup(CONTEXT(ts->context), &var->base);
    var->cached_value = value;
    var->cached_stamp = ts->context_stamp;
    return value;
}

/* ContextVar.get([default]) */
static gp_object_t *context_var_get(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (nargs > 1 && gp_check_positional("get", nargs, 0, 1) < 0)
        return NULL;
    context_var_t *var = CONTEXT_VAR(self);
    gp_object_t *value = context_var_lookup(var);
    if (!value)
        value = nargs ? args[0] : var->default_value;
    if (!value) {
        gp_err_set_object(&gp_exc_LookupError, self);
        return NULL;
    }
    return GP_INCREF(value);
}

static gp_object_t *token_new_for(gp_object_t *context, gp_object_t *var, gp_object_t *old_value)
{
    gp_object_t *self = gp_object_alloc(&token_type, 0);
    if (!self)
        return NULL;
    token_t *token = TOKEN(self);
    token->context = GP_INCREF(context);
    token->var = GP_INCREF(var);
    token->old_value = GP_XINCREF(old_value);
    gp_gc_track(self);
    return self;
}

/* ContextVar.set(value) -> Token */
static gp_object_t *context_var_set(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_check_onearg("ContextVar.set", nargs) < 0)
        return NULL;
    gp_thread_state_t *ts = gp_tstate();
    context_t *ctx = context_current_borrowed(ts);
    if (!ctx)
        return NULL;
    /* The token first: once the dict has changed, nothing may fail. */
    gp_object_t *token = token_new_for(&ctx->base, self, context_lookup(ctx, self));
    if (!token)
        return NULL;
    gp_object_t *vars = context_vars_for_write(ctx);
    if (!vars || gp_dict_setitem(vars, self, args[0]) < 0) {
        GP_DECREF(token);
        return NULL;
    }
    context_stamp_renew(ts);
    return token;
}

/* ContextVar.reset(token) */
static gp_object_t *context_var_reset(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_check_onearg("ContextVar.reset", nargs) < 0)
        return NULL;
    gp_object_t *arg = args[0];
    if (!GP_IS_PTR(arg) || GP_TYPE(arg) != &token_type) {
        gp_err_format(&gp_exc_TypeError, "expected an instance of Token, got %R", arg);
        return NULL;
    }
    token_t *token = TOKEN(arg);
    if (token->used) {
        gp_err_format(&gp_exc_RuntimeError, "%R has already been used once", arg);
        return NULL;
    }
    if (token->var != self) {
        gp_err_format(&gp_exc_ValueError, "%R was created by a different ContextVar", arg);
        return NULL;
    }
    gp_thread_state_t *ts = gp_tstate();
    if (token->context != ts->context) {
        gp_err_format(&gp_exc_ValueError, "%R was created in a different Context", arg);
        return NULL;
    }
    context_t *ctx = CONTEXT(ts->context);
    /* A set() made the dict, so it exists; it may be shared since. */
    gp_object_t *vars = context_vars_for_write(ctx);
    if (!vars)
        return NULL;
    int rc;
    if (token->old_value)
        rc = gp_dict_setitem(vars, self, token->old_value);
    else
        rc = gp_dict_contains(vars, self) == 1 ? gp_dict_delitem(vars, self) : 0;
    if (rc < 0)
        return NULL;
    token->used = true;
    context_stamp_renew(ts);
    return gp_none_new();
}

/* "<ContextVar name='v' default=1 at 0x...>" */
static gp_object_t *context_var_repr(gp_object_t *self)
{
    context_var_t *var = CONTEXT_VAR(self);
    if (var->default_value)
        return gp_str_from_format("<ContextVar name=%R default=%R at %p>", var->name,
                                  var->default_value, (void *)self);
    return gp_str_from_format("<ContextVar name=%R at %p>", var->name, (void *)self);
}

static gp_object_t *context_var_get_name(gp_object_t *self, void *closure)
{
    return GP_INCREF(CONTEXT_VAR(self)->name);
}

static gp_object_t *class_getitem(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("__class_getitem__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_generic_alias_new(cls, args[0]);
}

/* ------------------------------------------------------------------ */
/* Token                                                                */
/* ------------------------------------------------------------------ */

static gp_object_t *token_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_err_set_string(&gp_exc_RuntimeError, "Tokens can only be created by ContextVars");
    return NULL;
}

static void token_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(TOKEN(self)->context);
    GP_CLEAR(TOKEN(self)->var);
    GP_CLEAR(TOKEN(self)->old_value);
    gp_object_free(self);
}

static int token_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    token_t *token = TOKEN(self);
    gp_object_t *fields[] = {token->context, token->var, token->old_value};
    for (size_t i = 0; i < 3; i++) {
        if (fields[i] && GP_IS_PTR(fields[i])) {
            int rc = visit(fields[i], arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static int token_clear(gp_object_t *self)
{
    GP_CLEAR(TOKEN(self)->context);
    GP_CLEAR(TOKEN(self)->var);
    GP_CLEAR(TOKEN(self)->old_value);
    return 0;
}

/* "<Token var=<ContextVar ...> at 0x...>", with " used" once reset. */
static gp_object_t *token_repr(gp_object_t *self)
{
    token_t *token = TOKEN(self);
    gp_object_t *var = token->var ? token->var : gp_None;
    return gp_str_from_format("<Token%s var=%R at %p>", token->used ? " used" : "", var,
                              (void *)self);
}

static gp_object_t *token_get_var(gp_object_t *self, void *closure)
{
    gp_object_t *var = TOKEN(self)->var;
    return GP_INCREF(var ? var : gp_None);
}

static gp_object_t *token_get_old_value(gp_object_t *self, void *closure)
{
    gp_object_t *old = TOKEN(self)->old_value;
    return GP_INCREF(old ? old : &token_missing);
}

static gp_object_t *token_missing_repr(gp_object_t *self)
{
    return gp_str_from_cstr("<Token.MISSING>");
}

/* ------------------------------------------------------------------ */
/* Types and module                                                     */
/* ------------------------------------------------------------------ */

static gp_object_t *contextvars_copy_context(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_noargs("_contextvars.copy_context", nargs) < 0)
        return NULL;
    context_t *current = CONTEXT(gp_tstate()->context);
    return context_alloc(current ? current->vars : NULL);
}

static const gp_method_def_t context_methods[] = {
    {"run", context_run, GP_METH_KEYWORDS, NULL},
    {"copy", context_copy, 0, NULL},
    {"get", context_get_method, 0,
     "Return the value for `key` if `key` has the value in the context object.\n\n"
     "If `key` does not exist, return `default`. If `default` is not given,\nreturn None."},
    {"keys", context_keys, 0, "Return a list of all variables in the context object."},
    {"values", context_values, 0, "Return a list of all variables' values in the context object."},
    {"items", context_items, 0, "Return all variables and their values in the context object."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t context_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_contextvars.Context",
    .basicsize = sizeof(context_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = context_dealloc,
    .new_ = context_new,
    .hash = gp_object_hash_not_implemented,
    .richcompare = context_richcompare,
    .iter = context_iter,
    .len = context_len,
    .getitem = context_getitem,
    .contains = context_contains,
    .traverse = context_traverse,
    .clear = context_clear,
    .methods = context_methods,
};

static const gp_method_def_t context_var_methods[] = {
    {"get", context_var_get, 0,
     "Return a value for the context variable for the current context.\n\n"
     "If there is no value for the variable in the current context, the method will:\n"
     " * return the value of the default argument of the method, if provided; or\n"
     " * return the default value for the context variable, if it was created\n"
     "   with one; or\n"
     " * raise a LookupError."},
    {"set", context_var_set, 0,
     "Call to set a new value for the context variable in the current context."},
    {"reset", context_var_reset, 0,
     "Reset the context variable to the value it had before the `ContextVar.set()` that "
     "created the token was used."},
    {"__class_getitem__", class_getitem, GP_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t context_var_getsets[] = {
    {"name", context_var_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t context_var_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_contextvars.ContextVar",
    .basicsize = sizeof(context_var_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = context_var_dealloc,
    .new_ = context_var_new,
    .repr = context_var_repr,
    .hash = gp_object_default_hash,
    .traverse = context_var_traverse,
    .clear = context_var_clear,
    .methods = context_var_methods,
    .getsets = context_var_getsets,
};

static const gp_method_def_t token_methods[] = {
    {"__class_getitem__", class_getitem, GP_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t token_getsets[] = {
    {"var", token_get_var, NULL, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t token_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_contextvars.Token",
    .basicsize = sizeof(token_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = token_dealloc,
    .new_ = token_new,
    .repr = token_repr,
    .hash = gp_object_default_hash,
    .traverse = token_traverse,
    .clear = token_clear,
    .methods = token_methods,
    .getsets = token_getsets,
};

static gp_type_t token_missing_type = {
    GP_TYPE_HEAD_INIT,
    .name = "Token.MISSING",
    .basicsize = sizeof(gp_object_t),
    .repr = token_missing_repr,
    .hash = gp_object_default_hash,
};

static const gp_method_def_t contextvars_functions[] = {
    {"copy_context", contextvars_copy_context, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_contextvars_module_create(void)
{
    gp_type_t *types[] = {&context_type, &context_var_type, &token_type, &token_missing_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (gp_type_ready(types[i]) < 0)
            return NULL;
    /* Token.MISSING is a class attribute of Token. */
    gp_object_t *token_dict = gp_type_dict(&token_type);
    if (!token_dict || gp_dict_setitem_cstr(token_dict, "MISSING", &token_missing) < 0)
        return NULL;
    gp_type_modified(&token_type);
    gp_object_t *m = gp_module_new("_contextvars");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, contextvars_functions) < 0 ||
        gp_module_add_object(m, "Context", (gp_object_t *)&context_type) < 0 ||
        gp_module_add_object(m, "ContextVar", (gp_object_t *)&context_var_type) < 0 ||
        gp_module_add_object(m, "Token", (gp_object_t *)&token_type) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
