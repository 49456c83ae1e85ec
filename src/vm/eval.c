/*
 * eval.c - the bytecode interpreter loop, the frame stack and argument
 * binding.
 *
 * Design notes
 * ------------
 * Dispatch. Instructions are 32-bit words (opcode in the low byte, a 24-bit
 * argument above it). With GCC or Clang the loop uses computed gotos: each
 * handler ends by loading the next word and jumping through a table of
 * label addresses, which gives the branch predictor one indirect jump per
 * opcode. Other compilers get the same handlers as cases of a switch.
 *
 * Frames. A call's frame comes from a per-thread chunked stack: bump
 * allocation, LIFO release, no malloc per call. Python-to-Python calls do
 * not recurse in C: CALL pushes the callee's frame and continues in the
 * same loop; RETURN_VALUE pops it and pushes the result on the caller's
 * stack. Only frames entered from C (a call through gp_object_call, a
 * generator resumption, a module body) are "entry" frames whose return
 * leaves this C function. Python recursion depth is counted per frame
 * against the runtime's recursion limit, so deep recursion raises
 * RecursionError long before the C stack is in danger.
 *
 * Small ints. Both operands of + - * // % and the comparisons are tested
 * for the unboxed representation first; the result is computed on the
 * tagged words directly when possible (a + b - 1 is the tag-preserving
 * sum) with overflow checks, and falls back to gp_number_binop(), which
 * promotes to big ints.
 *
 * Exceptions use a block stack (see compile.c): SETUP_FINALLY records the
 * handler and stack depth. When an exception is raised, the loop adds a
 * traceback entry for the frame, then pops blocks: an EXCEPT_HANDLER block
 * (we are leaving an except/finally body) restores the previously handled
 * exception saved on the value stack; a FINALLY block transfers control to
 * its handler with [previously handled exception, exception] pushed, and
 * makes the exception the handled one (tstate->exc_info, sys.exc_info()).
 * With no block left the frame returns NULL to its caller, which adds its
 * own traceback entry. RERAISE skips the traceback entry, so an exception
 * that is caught and re-raised in a frame is listed once for it.
 *
 * The implicit __context__ of an exception is set where it is first seen
 * by the loop (if not already set) and by RAISE, from the handled exception.
 *
 * The eval-breaker word is tested on every backward jump and on every
 * frame entry; when non-zero, gp_runtime_handle_breaker() runs signal
 * handlers and GIL hand-offs and may raise (KeyboardInterrupt).
 */
#include <assert.h>
#include <stdatomic.h>
#include <string.h>

#include "obj/dict.h"
#include "obj/exception_group.h"
#include "obj/type.h"
#include "vm/eval.h"
#include "vm/match.h"
#include "vm/vm.h"

#if defined(__GNUC__) || defined(__clang__)
#define GP_COMPUTED_GOTO 1
#define GP_LIKELY(x) __builtin_expect(!!(x), 1)
#define GP_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define GP_NOINLINE __attribute__((noinline))
#define GP_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define GP_LIKELY(x) (x)
#define GP_UNLIKELY(x) (x)
#define GP_NOINLINE
#define GP_ALWAYS_INLINE inline
#endif

/* ------------------------------------------------------------------ */
/* The per-thread frame stack                                           */
/* ------------------------------------------------------------------ */

typedef struct stack_chunk {
    struct stack_chunk *prev;
    char *top;
    char *limit;
    _Alignas(16) char data[];
} stack_chunk_t;

#define STACK_CHUNK_SIZE (16 * 1024)

static _Thread_local stack_chunk_t *tl_chunk;
static _Thread_local stack_chunk_t *tl_spare;
/* The chunk gp_eval_thread_seed() made on the thread's C stack: the
   bottom of tl_chunk's list (frame_free never retires a chunk without a
   prev), never freed. */
static _Thread_local stack_chunk_t *tl_seed;

static GP_NOINLINE gp_frame_t *frame_alloc_slow(size_t size)
{
    stack_chunk_t *c = NULL;
    size_t want = size + sizeof(stack_chunk_t) > STACK_CHUNK_SIZE ? size + sizeof(stack_chunk_t)
                                                                   : STACK_CHUNK_SIZE;
    if (tl_spare && (size_t)(tl_spare->limit - tl_spare->data) >= size) {
        c = tl_spare;
        tl_spare = NULL;
    } else {
        c = gp_mem_alloc(want);
        if (!c) {
            gp_err_no_memory();
            return NULL;
        }
        c->limit = (char *)c + want;
    }
    c->prev = tl_chunk;
    c->top = c->data + size;
    tl_chunk = c;
    return (gp_frame_t *)c->data;
}

/* Inlined even into the huge eval loop: it is on every call's path. */
static GP_ALWAYS_INLINE gp_frame_t *frame_alloc(gp_code_t *code)
{
    size_t size = code->framesize;
    stack_chunk_t *c = tl_chunk;
    if (GP_LIKELY(c && (size_t)(c->limit - c->top) >= size)) {
        gp_frame_t *f = (gp_frame_t *)c->top;
        c->top += size;
        return f;
    }
    return frame_alloc_slow(size);
}

static inline void frame_free(gp_frame_t *f)
{
    stack_chunk_t *c = tl_chunk;
    c->top = (char *)f;
    if (GP_UNLIKELY(c->top == c->data && c->prev)) {
        tl_chunk = c->prev;
        if (tl_spare)
            gp_mem_free(tl_spare);
        tl_spare = c;
    }
}

void gp_eval_thread_seed(void *mem, size_t size)
{
    uintptr_t start = ((uintptr_t)mem + 15) & ~(uintptr_t)15;
    if (tl_chunk || start + sizeof(stack_chunk_t) + 1024 > (uintptr_t)mem + size)
        return;
    stack_chunk_t *c = (stack_chunk_t *)start;
    c->prev = NULL;
    c->top = c->data;
    c->limit = (char *)mem + size;
    tl_chunk = tl_seed = c;
}

void gp_eval_thread_fini(void)
{
    while (tl_chunk) {
        stack_chunk_t *prev = tl_chunk->prev;
        if (tl_chunk != tl_seed)
            gp_mem_free(tl_chunk);
        tl_chunk = prev;
    }
    tl_seed = NULL;
    gp_mem_free(tl_spare);
    tl_spare = NULL;
}

/* The builtins namespace of code running in [globals]: its __builtins__
   (a module or a dict), else the runtime's. Borrowed. */
gp_object_t *gp_frame_builtins_of(gp_object_t *globals)
{
    /* The interned key, looked up once: gp_str_static() measures, counts
       and hashes its argument on every call, and this runs on every call
       into Python from C (asyncio's task steps, callbacks, sorting keys). */
    static gp_object_t *key;
    static gp_runtime_t *key_runtime;
    /* Where __builtins__ sat in the globals last looked at: a hint checked
       against the entry's key before use, as LOAD_GLOBAL's caches are, so
       a dunder of another module called from C (datetime's __add__ from a
       script) costs a compare instead of a hash probe. */
    static intptr_t hint;
    if (!key || key_runtime != gp_runtime()) {
        key = gp_str_static("__builtins__");
        key_runtime = gp_runtime();
        hint = 0;
    }
    gp_object_t *b = NULL;
    if (gp_dict_check_exact(globals) && key) {
        gp_dict_t *d = (gp_dict_t *)globals;
        intptr_t ix = hint;
        if (ix >= d->nentries || d->entries[ix].key != key) {
            ix = gp_dict_lookup_index(globals, key, gp_str_hash(key));
            if (ix >= 0)
                hint = ix;
        }
        if (ix >= 0)
            b = d->entries[ix].value;
    }
    if (b) {
        if (GP_IS_TYPE(b, gp_module_type))
            b = gp_module_dict(b);
        if (gp_dict_check(b))
            return b;
    } else if (gp_err_occurred()) {
        gp_err_clear();
    }
    return gp_runtime()->builtins;
}

/* gp_frame_init for a call from the loop: [builtins], when not NULL, is
   the caller's builtins namespace for the same globals, which spares a
   dict lookup of __builtins__ per call. */
static inline void gp_frame_init_call(gp_frame_t *f, gp_code_t *code, gp_object_t *func,
                                      gp_object_t *globals, gp_object_t *builtins)
{
    f->code = (gp_code_t *)GP_INCREF((gp_object_t *)code);
    f->func = GP_XINCREF(func);
    f->globals = GP_INCREF(globals);
    f->builtins = builtins ? builtins : gp_frame_builtins_of(globals);
    f->locals = NULL;
    f->back = NULL;
    f->ip = code->instrs;
    f->sp = f->localsplus + code->nlocalsplus;
    f->nblocks = 0;
    f->owner = GP_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->yielded = 0;
    f->yielded_value = 0;
    f->cleared = 0;
    for (int i = 0; i < code->nlocalsplus; i++)
        f->localsplus[i] = NULL;
}

void gp_frame_init(gp_frame_t *f, gp_code_t *code, gp_object_t *func, gp_object_t *globals,
                   gp_object_t *locals)
{
    gp_frame_init_call(f, code, func, globals, NULL);
    f->locals = GP_XINCREF(locals);
}

void gp_frame_clear(gp_frame_t *f)
{
    if (f->cleared)
        return;
    f->cleared = 1;
    gp_object_t **base = f->localsplus;
    gp_object_t **sp = f->sp;
    for (gp_object_t **p = base; p < sp; p++)
        GP_XDECREF(*p);
    f->sp = base + f->code->nlocalsplus;
    GP_XDECREF(f->locals);
    GP_DECREF(f->globals);
    GP_XDECREF(f->func);
    GP_DECREF((gp_object_t *)f->code);
}

int gp_frame_lineno(gp_frame_t *f)
{
    uint32_t index = (uint32_t)(f->ip - f->code->instrs);
    return gp_code_line_of(f->code, index ? index - 1 : 0);
}

/* ------------------------------------------------------------------ */
/* Argument binding                                                     */
/* ------------------------------------------------------------------ */

static GP_NOINLINE void bind_missing(gp_function_t *func, gp_object_t **slots, size_t start,
                                     size_t end, bool kwonly)
{
    gp_code_t *co = (gp_code_t *)func->code;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    size_t missing = 0;
    for (size_t i = start; i < end; i++)
        if (!slots[i])
            missing++;
    size_t seen = 0;
    for (size_t i = start; i < end; i++) {
        if (slots[i])
            continue;
        if (seen) {
            if (missing == 2)
                gp_strbuf_append_cstr(&b, " and ");
            else if (seen + 1 == missing)
                gp_strbuf_append_cstr(&b, ", and ");
            else
                gp_strbuf_append_cstr(&b, ", ");
        }
        gp_strbuf_append_char(&b, '\'');
        gp_strbuf_append_str(&b, gp_code_slot_name(co, (int)i));
        gp_strbuf_append_char(&b, '\'');
        seen++;
    }
    gp_object_t *names = gp_strbuf_finish(&b);
    if (!names)
        return;
    gp_err_format(&gp_exc_TypeError, "%U() missing %zu required %s argument%s: %U",
                  func->qualname, missing, kwonly ? "keyword-only" : "positional",
                  missing == 1 ? "" : "s", names);
    GP_DECREF(names);
}

static GP_NOINLINE void bind_too_many(gp_function_t *func, gp_object_t **slots, size_t given)
{
    gp_code_t *co = (gp_code_t *)func->code;
    size_t defcount = func->defaults ? (size_t)GP_TUPLE_SIZE(func->defaults) : 0;
    size_t argcount = (size_t)co->argcount;
    size_t kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (slots[i])
            kwonly_given++;
    char sig[64], kwsig[96];
    bool plural;
    if (defcount) {
        snprintf(sig, sizeof sig, "from %zu to %zu", argcount - defcount, argcount);
        plural = true;
    } else {
        snprintf(sig, sizeof sig, "%zu", argcount);
        plural = argcount != 1;
    }
    kwsig[0] = 0;
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    gp_err_format(&gp_exc_TypeError, "%U() takes %s positional argument%s but %zu%s %s given",
                  func->qualname, sig, plural ? "s" : "", given, kwsig,
                  (given == 1 && !kwonly_given) ? "was" : "were");
}

/* The slot of parameter [name] among [start, end), or -1. */
static intptr_t bind_find(gp_code_t *co, gp_object_t *name, size_t start, size_t end)
{
    gp_object_t **names = GP_TUPLE_ITEMS(co->localsplusnames);
    for (size_t i = start; i < end; i++)
        if (names[i] == name)
            return (intptr_t)i;
    for (size_t i = start; i < end; i++)
        if (gp_str_check(names[i]) && gp_str_compare(names[i], name) == 0)
            return (intptr_t)i;
    return -1;
}

/* The error for positional-only parameters passed by keyword: every such
   parameter is named, in parameter order, as CPython does. */
static GP_NOINLINE void bind_posonly_as_keyword(gp_function_t *func, gp_object_t *kwnames,
                                                size_t nkw)
{
    gp_code_t *co = (gp_code_t *)func->code;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    bool first = true;
    for (int i = 0; i < co->posonlyargcount; i++) {
        gp_object_t *name = gp_code_slot_name(co, i);
        bool passed = false;
        for (size_t k = 0; k < nkw && !passed; k++)
            passed = gp_str_compare(GP_TUPLE_GET(kwnames, k), name) == 0;
        if (!passed)
            continue;
        if (!first)
            gp_strbuf_append_cstr(&b, ", ");
        gp_strbuf_append_str(&b, name);
        first = false;
    }
    gp_object_t *names = gp_strbuf_finish(&b);
    if (!names)
        return;
    gp_err_format(&gp_exc_TypeError,
                  "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                  func->qualname, names);
    GP_DECREF(names);
}

/* Fills cells (from the parameters they capture) and free variables. */
static int frame_init_cells(gp_frame_t *f, gp_object_t *closure)
{
    gp_code_t *co = f->code;
    for (int i = 0; i < co->ncells; i++) {
        gp_object_t *value = NULL;
        int arg = co->cell_args ? co->cell_args[i] : -1;
        if (arg >= 0) {
            value = f->localsplus[arg];
            f->localsplus[arg] = NULL;
        }
        gp_object_t *cell = gp_cell_new(value);
        GP_XDECREF(value);
        if (!cell)
            return -1;
        f->localsplus[co->nlocals + i] = cell;
    }
    if (co->nfrees) {
        if (!closure || GP_TUPLE_SIZE(closure) != co->nfrees) {
            gp_err_set_string(&gp_exc_SystemError, "closure does not match the code's free variables");
            return -1;
        }
        int base = co->nlocals + co->ncells;
        for (int i = 0; i < co->nfrees; i++)
            f->localsplus[base + i] = GP_INCREF(GP_TUPLE_GET(closure, i));
    }
    return 0;
}

int gp_frame_bind(gp_frame_t *f, gp_function_t *func, gp_object_t *const *args, size_t nargs,
                  gp_object_t *kwnames)
{
    gp_code_t *co = f->code;
    gp_object_t **slots = f->localsplus;
    size_t argcount = (size_t)co->argcount;
    size_t total = argcount + (size_t)co->kwonlyargcount;
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    gp_object_t *kwdict = NULL;

    /* The common case: exact positional arguments. */
    if (GP_LIKELY(nkw == 0 && nargs == argcount &&
                  !(co->flags & (GP_CODE_VARARGS | GP_CODE_VARKEYWORDS)) &&
                  co->kwonlyargcount == 0)) {
        for (size_t i = 0; i < nargs; i++)
            slots[i] = GP_INCREF(args[i]);
        goto cells;
    }
    if (co->flags & GP_CODE_VARKEYWORDS) {
        kwdict = gp_dict_new();
        if (!kwdict)
            return -1;
        slots[total + ((co->flags & GP_CODE_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = nargs < argcount ? nargs : argcount;
    for (size_t i = 0; i < n; i++)
        slots[i] = GP_INCREF(args[i]);
    if (co->flags & GP_CODE_VARARGS) {
        gp_object_t *rest = nargs > n ? gp_tuple_from_array(args + n, nargs - n)
                                      : GP_INCREF(gp_empty_tuple);
        if (!rest)
            return -1;
        slots[total] = rest;
    }
    for (size_t k = 0; k < nkw; k++) {
        gp_object_t *name = GP_TUPLE_GET(kwnames, k);
        gp_object_t *value = args[nargs + k];
        intptr_t j = bind_find(co, name, (size_t)co->posonlyargcount, total);
        if (j < 0) {
            intptr_t posonly = bind_find(co, name, 0, (size_t)co->posonlyargcount);
            if (kwdict) {
                if (gp_dict_setitem(kwdict, name, value) < 0)
                    return -1;
                continue;
            }
            if (posonly >= 0)
                bind_posonly_as_keyword(func, kwnames, nkw);
            else
                gp_err_format(&gp_exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                              func->qualname, name);
            return -1;
        }
        if (slots[j]) {
            gp_err_format(&gp_exc_TypeError, "%U() got multiple values for argument '%U'",
                          func->qualname, name);
            return -1;
        }
        slots[j] = GP_INCREF(value);
    }
    if (nargs > argcount && !(co->flags & GP_CODE_VARARGS)) {
        bind_too_many(func, slots, nargs);
        return -1;
    }
    if (nargs < argcount) {
        size_t defcount = func->defaults ? (size_t)GP_TUPLE_SIZE(func->defaults) : 0;
        size_t first_default = argcount - defcount;
        for (size_t i = nargs; i < first_default; i++) {
            if (!slots[i]) {
                bind_missing(func, slots, nargs, first_default, false);
                return -1;
            }
        }
        for (size_t i = first_default > nargs ? first_default : nargs; i < argcount; i++)
            if (!slots[i])
                slots[i] = GP_INCREF(GP_TUPLE_GET(func->defaults, i - first_default));
    }
    if (co->kwonlyargcount) {
        bool missing = false;
        for (size_t i = argcount; i < total; i++) {
            if (slots[i])
                continue;
            gp_object_t *def = NULL;
            if (func->kwdefaults) {
                def = gp_dict_getitem(func->kwdefaults, gp_code_slot_name(co, (int)i));
                if (!def && gp_err_occurred())
                    return -1;
            }
            if (def)
                slots[i] = GP_INCREF(def);
            else
                missing = true;
        }
        if (missing) {
            bind_missing(func, slots, argcount, total, true);
            return -1;
        }
    }
cells:
    if (co->ncells || co->nfrees)
        return frame_init_cells(f, func->closure);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Calling Python functions from C                                      */
/* ------------------------------------------------------------------ */

gp_object_t *gp_function_vectorcall(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_function_t *func = (gp_function_t *)callable;
    gp_code_t *co = (gp_code_t *)func->code;
    if (co->flags & GP_CODE_GENERATOR_FLAGS)
        return gp_generator_from_call(func, args, nargs, kwnames);
    gp_frame_t *f = frame_alloc(co);
    if (!f)
        return NULL;
    /* Called back from C (sorted's key, map, a slot) inside Python code of
       the same module: reuse the running frame's builtins. */
    gp_frame_t *running = gp_tstate()->frame;
    gp_frame_init_call(f, co, callable, func->globals,
                       running && running->globals == func->globals ? running->builtins : NULL);
    gp_object_t *result = NULL;
    if (gp_frame_bind(f, func, args, nargs, kwnames) == 0)
        result = gp_eval_frame(f, 0);
    gp_frame_clear(f);
    frame_free(f);
    return result;
}

gp_object_t *gp_eval_code_closure(gp_object_t *code, gp_object_t *globals, gp_object_t *locals,
                                  gp_object_t *closure)
{
    gp_code_t *co = (gp_code_t *)code;
    gp_frame_t *f = frame_alloc(co);
    if (!f)
        return NULL;
    gp_frame_init(f, co, NULL, globals, locals ? locals : globals);
    gp_object_t *result = NULL;
    if ((co->ncells == 0 && co->nfrees == 0) || frame_init_cells(f, closure) == 0)
        result = gp_eval_frame(f, 0);
    gp_frame_clear(f);
    frame_free(f);
    return result;
}

/* ------------------------------------------------------------------ */
/* Slow paths of the loop, kept out of line                             */
/* ------------------------------------------------------------------ */

/* Stores [name] as the .name of the pending NameError, as CPython does, so
   that the traceback printer can suggest a close match. */
static void name_error_set_name(gp_object_t *name)
{
    gp_object_t *exc = gp_err_fetch();
    if (exc != NULL && GP_TYPE(exc) == &gp_exc_NameError) {
        gp_object_t **dict = &((gp_exception_t *)exc)->dict;
        if (*dict == NULL)
            *dict = gp_dict_new();
        if (*dict == NULL || gp_dict_setitem(*dict, gp_str_static("name"), name) < 0) {
            GP_DECREF(exc);
            gp_err_clear();
            gp_err_no_memory();
            return;
        }
    }
    gp_err_restore(exc);
}

static GP_NOINLINE void format_unbound_local(gp_code_t *co, int slot)
{
    gp_object_t *name = gp_code_slot_name(co, slot);
    if (slot >= co->nlocals + co->ncells) {
        gp_err_format(&gp_exc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value "
                      "in enclosing scope",
                      name);
        name_error_set_name(name);
    } else {
        gp_err_format(&gp_exc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value",
                      name);
    }
}

static GP_NOINLINE void format_name_error(gp_object_t *name)
{
    gp_err_format(&gp_exc_NameError, "name '%U' is not defined", name);
    name_error_set_name(name);
}

/* LOAD_GLOBAL's lookup when its cache misses; refills the cache.
   Borrowed result, or NULL with NameError. */
static GP_NOINLINE gp_object_t *load_global_slow(gp_frame_t *frame, gp_code_cache_t *cache)
{
    gp_object_t *name = cache->name;
    intptr_t hash = gp_str_hash(name);
    cache->kind = GP_CACHE_EMPTY;
    if (!gp_dict_check_exact(frame->globals) || !gp_dict_check_exact(frame->builtins)) {
        gp_object_t *v = gp_dict_getitem_hash(frame->globals, name, hash);
        if (!v && !gp_err_occurred())
            v = gp_dict_getitem_hash(frame->builtins, name, hash);
        if (!v && !gp_err_occurred())
            format_name_error(name);
        return v;
    }
    intptr_t ix = gp_dict_lookup_index(frame->globals, name, hash);
    if (ix >= 0) {
        cache->kind = GP_CACHE_GLOBAL_INDEX;
        cache->globals_version = (uint64_t)ix;
        return gp_dict_entry_value(frame->globals, ix);
    }
    if (ix < -1)
        return NULL;
    intptr_t bx = gp_dict_lookup_index(frame->builtins, name, hash);
    if (bx >= 0) {
        gp_dict_t *g = (gp_dict_t *)frame->globals;
        cache->kind = GP_CACHE_GLOBAL_BUILTIN;
        cache->type = (gp_type_t *)g;
        cache->type_version = (uint32_t)g->version;
        cache->builtins_version = (uint64_t)bx;
        return gp_dict_entry_value(frame->builtins, bx);
    }
    if (bx == -1)
        format_name_error(name);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Attribute inline caches                                              */
/* ------------------------------------------------------------------ */

/* The attribute caches of LOAD_ATTR, LOAD_METHOD and STORE_ATTR remember
   what the MRO walk of an exact type decided for one name, keyed on the
   type's `version`: any change to the type, its bases or their dicts goes
   through gp_type_modified, which renews the version of the type and of
   every subclass, so a matching (type, version) pair proves the decision
   still holds. Versions are never reused, so a freed type whose address is
   recycled can never match either. Only types whose getattr is the generic
   one, whose instances keep their __dict__ in the managed slot, are
   cached; everything else takes the full protocol.

   What cannot be decided from the type is the instance dict, which changes
   on every store; for it the cache keeps a hint (`hint`), the entry index
   where the name was last found, which is checked against the entry's key
   before it is trusted.

   A __slots__ member is a data descriptor, so it wins over any instance
   dict, and its field sits at a fixed offset in every instance of a type
   that has it: once the (type, version) pair matches, a load is one read
   of that field and a store one write, with `hint` holding the offset. An
   unset field (NULL) takes the full protocol, which raises CPython's
   AttributeError; deletion always does. Anything that could change the
   answer -- a property or another descriptor put in the slot's place, a
   __getattribute__, __getattr__ or __setattr__ defined on the class or a
   base, new bases -- renews the version; __class__ assignment changes the
   instance's type, which then no longer matches. */

/* The managed __dict__ of [o], which the caller knows to have one. */
static inline gp_dict_t *managed_dict(gp_object_t *o)
{
    return *(gp_dict_t **)((char *)o - gp_object_prefix_size(o->type));
}

/* Entry index of [name] in the exact dict [d], trying the cached hint
   first; -1 when absent, -2 with an exception set. */
static inline intptr_t dict_index_hinted(gp_dict_t *d, gp_code_cache_t *cache)
{
    intptr_t ix = cache->hint;
    if (ix < d->nentries && d->entries[ix].key == cache->name)
        return ix;
    ix = gp_dict_lookup_index((gp_object_t *)d, cache->name, gp_str_hash(cache->name));
    if (ix >= 0)
        cache->hint = ix;
    return ix;
}

/* Can attribute lookups on instances of [t] be cached at all? */
static inline bool attr_cacheable(gp_type_t *t, gp_object_t *name)
{
    return t->version != 0 && t->getattr == gp_object_generic_getattr &&
           !(t->flags & GP_TYPE_FLAG_EXC_SUBCLASS) && gp_str_check_exact(name);
}

/* When [descr], what the MRO of [t] yields for the cache's name, is a
   __slots__ member that instances of [t] have, points [cache] at its field
   with [kind] and returns true. */
static bool slot_cache_fill(gp_code_cache_t *cache, gp_type_t *t, gp_object_t *descr, uint8_t kind)
{
    if (descr == NULL || GP_TYPE(descr) != &gp_member_descr_type)
        return false;
    intptr_t offset = gp_member_descr_offset(descr, t);
    if (offset < 0)
        return false;
    cache->kind = kind;
    cache->type = t;
    cache->type_version = t->version;
    cache->hint = offset;
    return true;
}

/* The slot field a cache of [kind] names in [owner], or NULL when the
   cache does not hold for [owner]'s type as it is now. */
static inline gp_object_t **slot_cache_field(gp_code_cache_t *cache, gp_object_t *owner,
                                             uint8_t kind)
{
    if (cache->kind != kind || !GP_IS_PTR(owner) || owner->type != cache->type ||
        cache->type_version != owner->type->version)
        return NULL;
    return (gp_object_t **)((char *)owner + cache->hint);
}

/* After a full LOAD_ATTR on [owner]: remember a slot read, or an
   instance-dict read when the type has no data descriptor for the name. */
static GP_NOINLINE void load_attr_fill(gp_code_cache_t *cache, gp_object_t *owner)
{
    gp_type_t *t = owner->type;
    cache->kind = GP_CACHE_EMPTY;
    if (!attr_cacheable(t, cache->name))
        return;
    gp_object_t *descr = gp_type_lookup(t, cache->name);
    if (slot_cache_fill(cache, t, descr, GP_CACHE_ATTR_SLOT))
        return;
    if (!(t->flags & GP_TYPE_FLAG_MANAGED_DICT) || (descr && GP_TYPE(descr)->descr_set))
        return;
    cache->kind = GP_CACHE_ATTR_INSTANCE;
    cache->type = t;
    cache->type_version = t->version;
}

/* After a LOAD_METHOD that found an unbound method on [owner]'s type. */
static GP_NOINLINE void load_method_fill(gp_code_cache_t *cache, gp_object_t *owner)
{
    gp_type_t *t = owner->type;
    cache->kind = GP_CACHE_EMPTY;
    if (!attr_cacheable(t, cache->name))
        return;
    gp_object_t *descr = gp_type_lookup(t, cache->name);
    if (!descr || !gp_is_method_like(descr))
        return;
    cache->kind = (t->flags & GP_TYPE_FLAG_MANAGED_DICT) ? GP_CACHE_METHOD : GP_CACHE_METHOD_NODICT;
    cache->type = t;
    cache->type_version = t->version;
    cache->value = descr;
}

/* After a full STORE_ATTR on [owner]: remember a slot store, or that a
   plain store into the instance dict is what the generic setattr does for
   this type and name. */
static GP_NOINLINE void store_attr_fill(gp_code_cache_t *cache, gp_object_t *owner)
{
    gp_type_t *t = owner->type;
    cache->kind = GP_CACHE_EMPTY;
    if (!attr_cacheable(t, cache->name) ||
        (t->setattr != NULL && t->setattr != gp_object_generic_setattr))
        return;
    gp_object_t *descr = gp_type_lookup(t, cache->name);
    if (slot_cache_fill(cache, t, descr, GP_CACHE_STORE_SLOT))
        return;
    if (!(t->flags & GP_TYPE_FLAG_MANAGED_DICT) || (descr && GP_TYPE(descr)->descr_set))
        return;
    gp_dict_t *d = managed_dict(owner);
    if (!d || !gp_dict_check_exact((gp_object_t *)d))
        return;
    intptr_t ix = gp_dict_lookup_index((gp_object_t *)d, cache->name, gp_str_hash(cache->name));
    if (ix < 0) {
        if (ix < -1)
            gp_err_clear();
        return;
    }
    cache->hint = ix;
    cache->kind = GP_CACHE_STORE_INSTANCE;
    cache->type = t;
    cache->type_version = t->version;
}

/* Looks [name] up in a locals mapping: borrowed-like new reference or NULL
   (no exception when missing). */
static gp_object_t *mapping_lookup(gp_object_t *locals, gp_object_t *name)
{
    if (gp_dict_check_exact(locals)) {
        gp_object_t *v = gp_dict_getitem(locals, name);
        return v ? GP_INCREF(v) : NULL;
    }
    gp_object_t *v = gp_object_getitem(locals, name);
    if (!v && gp_err_matches(&gp_exc_KeyError))
        gp_err_clear();
    return v;
}

static GP_NOINLINE int unpack_iterable(gp_object_t *seq, size_t before, intptr_t after,
                                       gp_object_t **out)
{
    /* out[0..before) then (when after >= 0) a list then out[before+1 ..). */
    gp_object_t *it = gp_object_iter(seq);
    if (!it) {
        if (gp_err_matches(&gp_exc_TypeError) && !gp_type_lookup_cstr(GP_TYPE(seq), "__iter__") &&
            !gp_type_lookup_cstr(GP_TYPE(seq), "__getitem__")) {
            gp_err_format(&gp_exc_TypeError, "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    size_t i = 0;
    for (; i < before; i++) {
        gp_object_t *v = gp_iter_next(it);
        if (!v) {
            if (!gp_err_occurred()) {
                if (after < 0)
                    gp_err_format(&gp_exc_ValueError,
                                  "not enough values to unpack (expected %zu, got %zu)", before, i);
                else
                    gp_err_format(&gp_exc_ValueError,
                                  "not enough values to unpack (expected at least %zu, got %zu)",
                                  before + (size_t)after, i);
            }
            goto fail;
        }
        out[i] = v;
    }
    if (after < 0) {
        gp_object_t *extra = gp_iter_next(it);
        if (extra) {
            GP_DECREF(extra);
            gp_err_format(&gp_exc_ValueError, "too many values to unpack (expected %zu)", before);
            goto fail;
        }
        if (gp_err_occurred())
            goto fail;
        GP_DECREF(it);
        return 0;
    }
    gp_object_t *rest = gp_list_from_iterable(it);
    if (!rest)
        goto fail;
    intptr_t n = GP_LIST_SIZE(rest);
    if (n < after) {
        gp_err_format(&gp_exc_ValueError,
                      "not enough values to unpack (expected at least %zu, got %zd)",
                      before + (size_t)after, (intptr_t)before + n);
        GP_DECREF(rest);
        goto fail;
    }
    for (intptr_t k = 0; k < after; k++) {
        out[before + 1 + (size_t)k] = GP_INCREF(GP_LIST_GET(rest, n - after + k));
    }
    /* Shrink the list to its starred part. */
    for (intptr_t k = n - after; k < n; k++)
        GP_DECREF(GP_LIST_GET(rest, k));
    ((gp_list_t *)rest)->size = n - after;
    out[before] = rest;
    GP_DECREF(it);
    return 0;
fail:
    for (size_t k = 0; k < i; k++)
        GP_DECREF(out[k]);
    GP_DECREF(it);
    return -1;
}

/* Sets the implicit __context__ of the current exception from the handled one. */
static void exception_set_context(gp_thread_state_t *ts, bool overwrite)
{
    gp_object_t *exc = ts->curexc, *handled = gp_exc_handled(ts);
    if (!exc || !handled || exc == handled || !gp_exc_check(exc) || !gp_exc_check(handled))
        return;
    gp_exception_t *e = (gp_exception_t *)exc;
    if (e->context && !overwrite)
        return;
    /* Break a cycle the new link would create. */
    gp_object_t *o = handled;
    int steps = 0;
    while (o && gp_exc_check(o) && steps++ < 1000) {
        gp_exception_t *oe = (gp_exception_t *)o;
        if (oe->context == exc) {
            GP_CLEAR(oe->context);
            break;
        }
        o = oe->context;
    }
    GP_SETREF(e->context, GP_INCREF(handled));
}

/* RAISE_VARARGS with an exception and optional cause. Always returns -1. */
static GP_NOINLINE int do_raise(gp_thread_state_t *ts, gp_object_t *exc, gp_object_t *cause)
{
    gp_object_t *value = NULL;
    if (gp_type_check(exc) && gp_type_is_subtype((gp_type_t *)exc, &gp_exc_BaseException)) {
        value = gp_object_call0(exc);
        if (!value)
            return -1;
        if (!gp_exc_check(value)) {
            /* `raise C` names the result's class by its repr, unlike throw()
             * and the C-level raisers, which use the bare type name. */
            gp_err_format(&gp_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          exc, (gp_object_t *)GP_TYPE(value));
            GP_DECREF(value);
            return -1;
        }
    } else if (gp_exc_check(exc)) {
        value = GP_INCREF(exc);
    } else {
        gp_err_set_string(&gp_exc_TypeError, "exceptions must derive from BaseException");
        return -1;
    }
    if (cause) {
        gp_object_t *fixed = NULL;
        if (gp_type_check(cause) &&
            gp_type_is_subtype((gp_type_t *)cause, &gp_exc_BaseException)) {
            fixed = gp_object_call0(cause);
            if (!fixed) {
                GP_DECREF(value);
                return -1;
            }
        } else if (gp_exc_check(cause)) {
            fixed = GP_INCREF(cause);
        } else if (cause != gp_None) {
            gp_err_set_string(&gp_exc_TypeError, "exception causes must derive from BaseException");
            GP_DECREF(value);
            return -1;
        }
        gp_exception_t *e = (gp_exception_t *)value;
        GP_SETREF(e->cause, fixed);
        e->suppress_context = true;
    }
    gp_err_restore(value);
    exception_set_context(ts, true);
    return -1;
}

static GP_NOINLINE int call_ex_fixup(gp_object_t *func, gp_object_t **args, gp_object_t **kwargs)
{
    if (!gp_tuple_check_exact(*args)) {
        gp_object_t *t = gp_tuple_from_iterable(*args);
        if (!t) {
            if (gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                gp_object_t *d = gp_object_function_str(func);
                if (d) {
                    gp_err_format(&gp_exc_TypeError,
                                  "%U argument after * must be an iterable, not %T", d, *args);
                    GP_DECREF(d);
                }
            }
            return -1;
        }
        GP_SETREF(*args, t);
    }
    if (*kwargs && !gp_dict_check_exact(*kwargs)) {
        gp_object_t *d = gp_dict_new();
        if (!d || gp_dict_update(d, *kwargs) < 0) {
            GP_XDECREF(d);
            return -1;
        }
        GP_SETREF(*kwargs, d);
    }
    return 0;
}

static GP_NOINLINE gp_object_t *format_value(gp_object_t *value, int flags, gp_object_t *spec)
{
    gp_object_t *conv = NULL;
    switch (flags & 3) {
    case 1:
        conv = gp_object_str(value);
        break;
    case 2:
        conv = gp_object_repr(value);
        break;
    case 3:
        conv = gp_object_ascii(value);
        break;
    default:
        conv = GP_INCREF(value);
        break;
    }
    if (!conv)
        return NULL;
    if (!spec && gp_str_check_exact(conv))
        return conv;
    gp_object_t *r = gp_object_format(conv, spec);
    GP_DECREF(conv);
    return r;
}

static GP_NOINLINE gp_object_t *build_string(gp_object_t **items, size_t n)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (size_t i = 0; i < n; i++)
        gp_strbuf_append_str(&b, items[i]);
    return gp_strbuf_finish(&b);
}

/* The callable for a special method lookup on the type, bound to [o]. NULL
   with no error set if the type has no such method; with MemoryError if the
   name or the type's dict could not be allocated, which must not pass for
   "no such method". */
static gp_object_t *special_lookup(gp_object_t *o, const char *name)
{
    gp_object_t *key = gp_str_static(name);
    if (!key)
        return NULL;
    gp_object_t *descr = gp_type_lookup(GP_TYPE(o), key);
    if (!descr) {
        if (gp_type_lookup_ran_out(GP_TYPE(o), key))
            gp_err_no_memory();
        return NULL;
    }
    gp_type_t *dt = GP_TYPE(descr);
    if (dt->descr_get)
        return dt->descr_get(descr, o, (gp_object_t *)GP_TYPE(o));
    return GP_INCREF(descr);
}

static GP_NOINLINE int before_with(gp_object_t *mgr, gp_object_t **exit_out, gp_object_t **res_out,
                                   bool is_async)
{
    const char *enter_name = is_async ? "__aenter__" : "__enter__";
    const char *exit_name = is_async ? "__aexit__" : "__exit__";
    gp_object_t *enter = special_lookup(mgr, enter_name);
    if (!enter) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_TypeError,
                          is_async ? "'%T' object does not support the asynchronous context "
                                     "manager protocol"
                                   : "'%T' object does not support the context manager protocol",
                          mgr);
        return -1;
    }
    gp_object_t *exit = special_lookup(mgr, exit_name);
    if (!exit) {
        GP_DECREF(enter);
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_TypeError,
                          is_async ? "'%T' object does not support the asynchronous context "
                                     "manager protocol (missed __aexit__ method)"
                                   : "'%T' object does not support the context manager protocol "
                                     "(missed __exit__ method)",
                          mgr);
        return -1;
    }
    gp_object_t *res = gp_object_call0(enter);
    GP_DECREF(enter);
    if (!res) {
        GP_DECREF(exit);
        return -1;
    }
    *exit_out = exit;
    *res_out = res;
    return 0;
}

/* IMPORT_NAME. The import statement goes through builtins.__import__ as
   CPython's does, so a program that replaces it sees every import; while it
   is still the built-in one (the usual case) the import system is called
   directly without building the argument list. */
static GP_NOINLINE gp_object_t *import_name(gp_frame_t *frame, gp_object_t *name,
                                            gp_object_t *fromlist, gp_object_t *level)
{
    if (!gp_dict_check(frame->builtins))
        return gp_import_module(name, frame->globals, fromlist, (int)GP_SMALL_VALUE(level));
    gp_object_t *hook = gp_dict_getitem(frame->builtins, gp_str_static("__import__"));
    if (!hook) {
        if (!gp_err_occurred())
            gp_err_set_string(&gp_exc_ImportError, "__import__ not found");
        return NULL;
    }
    if (GP_IS_TYPE(hook, gp_cfunction_type) &&
        strcmp(((gp_cfunction_t *)hook)->def->name, "__import__") == 0)
        return gp_import_module(name, frame->globals, fromlist, (int)GP_SMALL_VALUE(level));
    gp_object_t *args[5] = {name, frame->globals, frame->locals ? frame->locals : gp_None,
                            fromlist, level};
    return gp_object_call(hook, args, 5, NULL);
}

/* The iterator an `await` drives for [o]. */
/* The iterator `await o` drives. [where] is GET_AWAITABLE's argument: 0 for
   await, 1 and 2 for the results of __aenter__ and __aexit__, which CPython
   words its error for. */
static GP_NOINLINE gp_object_t *get_awaitable(gp_object_t *o, uint32_t where)
{
    if (GP_IS_TYPE(o, gp_coroutine_type) || gp_generator_is_iterable_coroutine(o)) {
        /* A coroutine suspended in its own await is already being driven
           by someone else. */
        if (GP_IS_TYPE(o, gp_coroutine_type) && gp_generator_yieldfrom(o) != NULL) {
            gp_err_set_string(&gp_exc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
        return GP_INCREF(o);
    }
    gp_object_t *await = special_lookup(o, "__await__");
    if (!await) {
        if (gp_err_occurred())
            return NULL;
        if (where == 1)
            gp_err_format(&gp_exc_TypeError,
                          "'async with' received an object from __aenter__ that does not "
                          "implement __await__: %s",
                          gp_type_name(GP_TYPE(o)));
        else if (where == 2)
            gp_err_format(&gp_exc_TypeError,
                          "'async with' received an object from __aexit__ that does not "
                          "implement __await__: %s",
                          gp_type_name(GP_TYPE(o)));
        else
            gp_err_format(&gp_exc_TypeError, "object %T can't be used in 'await' expression", o);
        return NULL;
    }
    gp_object_t *it = gp_object_call0(await);
    GP_DECREF(await);
    if (!it)
        return NULL;
    if (GP_IS_TYPE(it, gp_coroutine_type) || gp_generator_is_iterable_coroutine(it)) {
        /* PEP 492: __await__ must return an iterator, not an awaitable. */
        gp_err_set_string(&gp_exc_TypeError, "__await__() returned a coroutine");
        GP_DECREF(it);
        return NULL;
    }
    if (!GP_TYPE(it)->iternext) {
        gp_err_format(&gp_exc_TypeError, "__await__() returned non-iterator of type '%T'", it);
        GP_DECREF(it);
        return NULL;
    }
    return it;
}

/* One step of `yield from` / `await`: sends [value] into [receiver].
   Returns GP_SEND_YIELD with the value to yield, GP_SEND_RETURN with the
   delegate's return value, or GP_SEND_ERROR. */
static gp_send_result_t yield_from_step(gp_object_t *receiver, gp_object_t *value,
                                        gp_object_t **result)
{
    if (gp_generator_check(receiver))
        return gp_generator_send(receiver, value, result);
    gp_object_t *r;
    if (value == gp_None && GP_TYPE(receiver)->iternext) {
        r = GP_TYPE(receiver)->iternext(receiver);
    } else {
        gp_object_t *args[1] = {value};
        r = gp_object_call_method(receiver, "send", args, 1);
    }
    if (r) {
        *result = r;
        return GP_SEND_YIELD;
    }
    if (!gp_err_occurred()) {
        *result = gp_none_new();
        return GP_SEND_RETURN;
    }
    if (gp_err_matches(&gp_exc_StopIteration)) {
        gp_object_t *exc = gp_err_fetch();
        *result = gp_stop_iteration_value(exc);
        GP_DECREF(exc);
        return *result ? GP_SEND_RETURN : GP_SEND_ERROR;
    }
    return GP_SEND_ERROR;
}

static GP_NOINLINE int import_star(gp_frame_t *f, gp_object_t *module)
{
    if (!f->locals) {
        gp_err_set_string(&gp_exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    return gp_import_star(f->locals, module);
}

static GP_NOINLINE int print_expr(gp_object_t *v)
{
    gp_runtime_t *rt = gp_runtime();
    gp_object_t *hook = rt->sys_module ? gp_object_getattr_cstr(rt->sys_module, "displayhook")
                                       : NULL;
    if (hook) {
        gp_object_t *r = gp_object_call1(hook, v);
        GP_DECREF(hook);
        if (!r)
            return -1;
        GP_DECREF(r);
        return 0;
    }
    gp_err_clear();
    if (v == gp_None)
        return 0;
    if (gp_dict_setitem_cstr(rt->builtins, "_", v) < 0)
        return -1;
    gp_object_t *print = gp_dict_getitem_cstr(rt->builtins, "print");
    gp_object_t *repr = gp_object_repr(v);
    if (!print || !repr) {
        GP_XDECREF(repr);
        return -1;
    }
    gp_object_t *r = gp_object_call1(print, repr);
    GP_DECREF(repr);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* except* may not name a group class: the handler always receives a
   group, so "catching" one by type would have no clear meaning. */
static bool exc_match_names_group(gp_object_t *type)
{
    if (gp_type_check(type))
        return gp_type_is_subtype((gp_type_t *)type, &gp_exc_BaseExceptionGroup);
    for (intptr_t i = 0; gp_tuple_check(type) && i < GP_TUPLE_SIZE(type); i++)
        if (exc_match_names_group(GP_TUPLE_GET(type, i)))
            return true;
    return false;
}

static bool exc_match_check(gp_object_t *type)
{
    if (gp_type_check(type))
        return gp_type_is_subtype((gp_type_t *)type, &gp_exc_BaseException);
    if (gp_tuple_check(type)) {
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(type); i++)
            if (!exc_match_check(GP_TUPLE_GET(type, i)))
                return false;
        return true;
    }
    return false;
}

/* exc_match_check(), raising CPython's TypeError when [type] cannot be
   caught; except and except* share it. */
static bool exc_match_checked(gp_object_t *type)
{
    if (exc_match_check(type))
        return true;
    gp_err_set_string(&gp_exc_TypeError,
                      "catching classes that do not inherit from BaseException is not allowed");
    return false;
}

/* Small-int helpers on tagged words. */
static inline intptr_t floor_div(intptr_t a, intptr_t b)
{
    intptr_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static inline intptr_t floor_mod(intptr_t a, intptr_t b)
{
    intptr_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0)))
        m += b;
    return m;
}

/* Computes a op b for two small ints; returns NULL when the fast path does
   not apply (overflow, division by zero, or an operator it does not do). */
static inline gp_object_t *small_binop(gp_object_t *a, gp_object_t *b, int op)
{
    intptr_t x = (intptr_t)a, y = (intptr_t)b, r;
    switch (op & ~GP_BINOP_INPLACE) {
    case GP_BINOP_ADD:
#if GP_COMPUTED_GOTO
        if (__builtin_add_overflow(x, y - 1, &r))
            return NULL;
        return (gp_object_t *)r;
#else
        r = GP_SMALL_VALUE(a) + GP_SMALL_VALUE(b);
        return GP_SMALL_FITS(r) ? GP_SMALL_NEW(r) : NULL;
#endif
    case GP_BINOP_SUB:
#if GP_COMPUTED_GOTO
        if (__builtin_sub_overflow(x, y - 1, &r))
            return NULL;
        return (gp_object_t *)r;
#else
        r = GP_SMALL_VALUE(a) - GP_SMALL_VALUE(b);
        return GP_SMALL_FITS(r) ? GP_SMALL_NEW(r) : NULL;
#endif
    case GP_BINOP_MUL: {
        intptr_t va = GP_SMALL_VALUE(a), vb = GP_SMALL_VALUE(b);
#if GP_COMPUTED_GOTO
        if (__builtin_mul_overflow(va, vb, &r) || !GP_SMALL_FITS(r))
            return NULL;
#else
        if (va > 0x7fffffff || va < -0x7fffffff || vb > 0x7fffffff || vb < -0x7fffffff)
            return NULL;
        r = va * vb;
#endif
        return GP_SMALL_NEW(r);
    }
    case GP_BINOP_FLOORDIV: {
        intptr_t vb = GP_SMALL_VALUE(b);
        if (vb == 0)
            return NULL;
        r = floor_div(GP_SMALL_VALUE(a), vb);
        return GP_SMALL_FITS(r) ? GP_SMALL_NEW(r) : NULL;
    }
    case GP_BINOP_MOD: {
        intptr_t vb = GP_SMALL_VALUE(b);
        if (vb == 0)
            return NULL;
        return GP_SMALL_NEW(floor_mod(GP_SMALL_VALUE(a), vb));
    }
    case GP_BINOP_AND:
        return (gp_object_t *)(x & y);
    case GP_BINOP_OR:
        return (gp_object_t *)(x | y);
    case GP_BINOP_XOR:
        return (gp_object_t *)((x ^ y) | 1);
    case GP_BINOP_RSHIFT: {
        intptr_t vb = GP_SMALL_VALUE(b);
        if (vb < 0)
            return NULL;
        intptr_t va = GP_SMALL_VALUE(a);
        return GP_SMALL_NEW(vb >= 63 ? (va < 0 ? -1 : 0) : va >> vb);
    }
    case GP_BINOP_LSHIFT: {
        intptr_t vb = GP_SMALL_VALUE(b), va = GP_SMALL_VALUE(a);
        if (vb < 0 || vb >= 62)
            return va == 0 && vb >= 0 ? GP_SMALL_NEW(0) : NULL;
        r = (intptr_t)((uintptr_t)va << vb);
        if ((r >> vb) != va || !GP_SMALL_FITS(r))
            return NULL;
        return GP_SMALL_NEW(r);
    }
    default:
        return NULL;
    }
}

/* Compares two small ints without a jump table: the outcome (less, equal,
   greater) selects one of three bits in the operator's 3-bit truth table,
   and the tables of all six operators are packed in one constant (operator
   op at bits 3*op .. 3*op+2: LT 001, LE 011, EQ 010, NE 101, GT 100,
   GE 110, lowest bit for "less"). The tagged words compare like their
   values, so no untagging is needed. */
static inline int small_compare(gp_object_t *a, gp_object_t *b, int op)
{
    intptr_t x = (intptr_t)a, y = (intptr_t)b;
    unsigned outcome = (unsigned)(x > y) * 2u + (unsigned)(x == y);
    const uint32_t tables = 01u | 03u << 3 | 02u << 6 | 05u << 9 | 04u << 12 | 06u << 15;
    return (int)((tables >> (3u * (unsigned)op + outcome)) & 1u);
}

static inline int float_compare(double x, double y, int op)
{
    switch (op) {
    case GP_CMP_LT:
        return x < y;
    case GP_CMP_LE:
        return x <= y;
    case GP_CMP_EQ:
        return x == y;
    case GP_CMP_NE:
        return x != y;
    case GP_CMP_GT:
        return x > y;
    default:
        return x >= y;
    }
}

static GP_NOINLINE int recursion_error(gp_thread_state_t *ts)
{
    gp_err_set_string(&gp_exc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

static inline bool recursion_check(gp_thread_state_t *ts, int max)
{
    return ++ts->recursion_depth > max + (ts->recursion_headroom ? 50 : 0);
}

/* Whether a StopIteration-like exhaustion occurred in FOR_ITER: clears a
   pending StopIteration. Returns -1 for any other error. */
static GP_NOINLINE int for_iter_error(void)
{
    if (!gp_err_occurred())
        return 0;
    if (gp_err_matches(&gp_exc_StopIteration)) {
        gp_err_clear();
        return 0;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* The loop                                                             */
/* ------------------------------------------------------------------ */

gp_object_t *gp_eval_frame(gp_frame_t *frame, int throwflag)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_runtime_t *rt = ts->runtime;
#define limit (rt->recursion_limit)
    gp_frame_t *entry = frame;
    const gp_instr_t *ip;
    gp_object_t **sp;
    gp_object_t **locals;
    gp_object_t *const *consts;
    gp_code_t *co;
    gp_instr_t w;
    gp_object_t *retval = NULL;

    frame->back = ts->frame;
    frame->is_entry = 1;
    ts->frame = frame;
    /* A C-level entry: the depth, and (threads with a known stack) the C
       stack left, since a small thread stack can run out before the limit. */
    if (GP_UNLIKELY(recursion_check(ts, limit) || gp_stack_exhausted(ts))) {
        recursion_error(ts);
        ts->recursion_depth--;
        ts->frame = frame->back;
        return NULL;
    }

/* The compiler sizes each frame's value stack to the deepest the flow
   analysis finds (compile.c, no spare slot); checked builds (the sanitizer
   ones) verify it between instructions, where an overflow would otherwise
   write silently into the block stack or the next frame. */
#ifdef NDEBUG
#define GP_ASSERT_STACK_BOUND() ((void)0)
#else
#define GP_ASSERT_STACK_BOUND() assert(sp <= frame->localsplus + co->nlocalsplus + co->stacksize)
#endif

#if GP_COMPUTED_GOTO
    static void *const targets[256] = {
#define GP_OPCODE_LABEL(name, meaning) [GP_OP_##name] = &&TARGET_##name,
        GP_OPCODE_LIST(GP_OPCODE_LABEL)
#undef GP_OPCODE_LABEL
    };
#define TARGET(op)                                                                                 \
    TARGET_##op:                                                                                   \
    case GP_OP_##op:
/* Code objects only come from the compiler, so every opcode has a label. */
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        GP_ASSERT_STACK_BOUND();                                                                   \
        w = *ip++;                                                                                 \
        goto *targets[GP_INSTR_OP(w)];                                                             \
    } while (0)
#else
#define TARGET(op) case GP_OP_##op:
#define DISPATCH() goto dispatch
#endif
#define ARG ((uint32_t)GP_INSTR_ARG(w))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(intptr_t)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define JUMPTO(target) (ip = co->instrs + (target))
#define LOAD_REGISTERS()                                                                           \
    do {                                                                                           \
        co = frame->code;                                                                          \
        ip = frame->ip;                                                                            \
        sp = frame->sp;                                                                            \
        locals = frame->localsplus;                                                                \
        consts = GP_TUPLE_ITEMS(co->consts);                                                       \
    } while (0)
#define SAVE_REGISTERS()                                                                           \
    do {                                                                                           \
        frame->ip = ip;                                                                            \
        frame->sp = sp;                                                                            \
    } while (0)
/* Drops a reference (NULL allowed) in an instruction that saves no
   registers: when that frees the object, the instruction pointer is saved
   first, so a finalizer that warns or reports an unraisable exception
   (__del__, a generator's close, a weakref callback) sees this line. */
#define DECREF_AT_IP(o)                                                                            \
    do {                                                                                           \
        gp_object_t *dropped_ = (o);                                                               \
        if (dropped_ && GP_IS_PTR(dropped_) && --dropped_->refcnt == 0) {                          \
            frame->ip = ip;                                                                        \
            gp_object_dealloc(dropped_);                                                           \
        }                                                                                          \
    } while (0)

    LOAD_REGISTERS();
    if (GP_UNLIKELY(ts->profiling) && gp_profile_event(ts, frame, GP_PROFILE_CALL, NULL) < 0)
        goto error;
    if (throwflag)
        goto error_thrown;
    if (GP_UNLIKELY(atomic_load_explicit(&rt->eval_breaker, memory_order_relaxed))) {
        if (gp_runtime_handle_breaker() < 0)
            goto error;
    }

#if !GP_COMPUTED_GOTO
dispatch:
#endif
    w = *ip++;
    switch (GP_INSTR_OP(w)) {

    TARGET(NOP)
    {
        DISPATCH();
    }

    TARGET(POP_TOP)
    {
        gp_object_t *v = POP();
        DECREF_AT_IP(v);
        DISPATCH();
    }

    TARGET(COPY)
    {
        gp_object_t *v = PEEK(ARG);
        PUSH(GP_INCREF(v));
        DISPATCH();
    }

    TARGET(SWAP)
    {
        gp_object_t *t = TOP();
        sp[-1] = PEEK(ARG);
        sp[-(intptr_t)ARG] = t;
        DISPATCH();
    }

    TARGET(ROT_N)
    {
        gp_object_t *t = TOP();
        uint32_t n = ARG;
        memmove(sp - n + 1, sp - n, (n - 1) * sizeof(gp_object_t *));
        sp[-(intptr_t)n] = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST)
    {
        gp_object_t *v = consts[ARG];
        PUSH(GP_INCREF(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST)
    load_fast:
    {
        gp_object_t *v = locals[ARG];
        if (GP_UNLIKELY(!v)) {
            format_unbound_local(co, (int)ARG);
            goto error;
        }
        PUSH(GP_INCREF(v));
        DISPATCH();
    }

    /* The superinstructions (opcodes.h): each reads the words after it as
       operands and skips them; when its fast path does not apply it runs
       as the plain LOAD_FAST it was written over. */
    TARGET(LOAD_FAST_LOAD_CONST)
    {
        gp_object_t *v = locals[ARG];
        if (GP_UNLIKELY(!v))
            goto load_fast;
        gp_object_t *c = consts[GP_INSTR_ARG(ip[0])];
        ip++;
        sp[0] = GP_INCREF(v);
        sp[1] = GP_INCREF(c);
        sp += 2;
        DISPATCH();
    }

    TARGET(LOAD_FAST_LOAD_FAST)
    {
        gp_object_t *v = locals[ARG];
        gp_object_t *u = locals[GP_INSTR_ARG(ip[0])];
        if (GP_UNLIKELY(!v || !u))
            goto load_fast;
        ip++;
        sp[0] = GP_INCREF(v);
        sp[1] = GP_INCREF(u);
        sp += 2;
        DISPATCH();
    }

    TARGET(LOAD_FAST_CONST_BINOP)
    {
        /* The constant is a small int (code.c checked) and the operator
           + or -, in place or not; tagged arithmetic as in BINARY_OP. */
        gp_object_t *v = locals[ARG];
        if (GP_LIKELY(GP_IS_SMALL(v))) {
            intptr_t c = (intptr_t)consts[GP_INSTR_ARG(ip[0])] - 1;
            intptr_t r;
            bool overflow = (GP_INSTR_ARG(ip[1]) & ~(uint32_t)GP_BINOP_INPLACE) == GP_BINOP_ADD
                                ? __builtin_add_overflow((intptr_t)v, c, &r)
                                : __builtin_sub_overflow((intptr_t)v, c, &r);
            if (GP_LIKELY(!overflow)) {
                ip += 2;
                PUSH((gp_object_t *)r);
                DISPATCH();
            }
        }
        goto load_fast;
    }

    TARGET(LOAD_FAST_CONST_BINOP_STORE)
    {
        gp_object_t *v = locals[ARG];
        if (GP_LIKELY(GP_IS_SMALL(v))) {
            intptr_t c = (intptr_t)consts[GP_INSTR_ARG(ip[0])] - 1;
            intptr_t r;
            bool overflow = (GP_INSTR_ARG(ip[1]) & ~(uint32_t)GP_BINOP_INPLACE) == GP_BINOP_ADD
                                ? __builtin_add_overflow((intptr_t)v, c, &r)
                                : __builtin_sub_overflow((intptr_t)v, c, &r);
            if (GP_LIKELY(!overflow)) {
                gp_object_t **slot = &locals[GP_INSTR_ARG(ip[2])];
                gp_object_t *old = *slot;
                ip += 3;
                *slot = (gp_object_t *)r;
                GP_XDECREF(old);
                DISPATCH();
            }
        }
        goto load_fast;
    }

    TARGET(LOAD_FAST_CONST_COMPARE_JUMP)
    {
        gp_object_t *v = locals[ARG];
        if (GP_LIKELY(GP_IS_SMALL(v))) {
            gp_object_t *c = consts[GP_INSTR_ARG(ip[0])];
            gp_instr_t jump = ip[1];
            ip += 2;
            int t = small_compare(v, c, (int)(GP_INSTR_ARG(jump) & 7));
            if (t == (GP_INSTR_OP(jump) == GP_OP_COMPARE_JUMP_IF_TRUE))
                JUMPTO(GP_INSTR_ARG(jump) >> 3);
            DISPATCH();
        }
        goto load_fast;
    }

    TARGET(LOAD_FAST_FAST_COMPARE_JUMP)
    {
        gp_object_t *v = locals[ARG];
        gp_object_t *u = locals[GP_INSTR_ARG(ip[0])];
        if (GP_LIKELY((uintptr_t)v & (uintptr_t)u & 1u)) {
            gp_instr_t jump = ip[1];
            ip += 2;
            int t = small_compare(v, u, (int)(GP_INSTR_ARG(jump) & 7));
            if (t == (GP_INSTR_OP(jump) == GP_OP_COMPARE_JUMP_IF_TRUE))
                JUMPTO(GP_INSTR_ARG(jump) >> 3);
            DISPATCH();
        }
        goto load_fast;
    }

    TARGET(LOAD_FAST_RETURN)
    {
        gp_object_t *v = locals[ARG];
        if (GP_UNLIKELY(!v))
            goto load_fast;
        retval = GP_INCREF(v);
        ip++;
        frame->yielded = 0;
        SAVE_REGISTERS();
        goto exit_frame;
    }

    TARGET(STORE_FAST)
    {
        gp_object_t *v = POP();
        gp_object_t *old = locals[ARG];
        locals[ARG] = v;
        DECREF_AT_IP(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST)
    {
        gp_object_t *old = locals[ARG];
        if (!old) {
            format_unbound_local(co, (int)ARG);
            goto error;
        }
        locals[ARG] = NULL;
        DECREF_AT_IP(old);
        DISPATCH();
    }

    TARGET(LOAD_DEREF)
    {
        gp_object_t *v = ((gp_cell_t *)locals[ARG])->ref;
        if (!v) {
            format_unbound_local(co, (int)ARG);
            goto error;
        }
        PUSH(GP_INCREF(v));
        DISPATCH();
    }

    TARGET(STORE_DEREF)
    {
        gp_object_t *v = POP();
        gp_cell_t *cell = (gp_cell_t *)locals[ARG];
        gp_object_t *old = cell->ref;
        cell->ref = v;
        GP_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF)
    {
        gp_cell_t *cell = (gp_cell_t *)locals[ARG];
        gp_object_t *old = cell->ref;
        if (!old) {
            format_unbound_local(co, (int)ARG);
            goto error;
        }
        cell->ref = NULL;
        GP_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE)
    {
        PUSH(GP_INCREF(locals[ARG]));
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF)
    {
        gp_object_t *name = gp_code_slot_name(co, (int)ARG);
        gp_object_t *v = NULL;
        if (frame->locals) {
            v = mapping_lookup(frame->locals, name);
            if (!v && gp_err_occurred())
                goto error;
        }
        if (!v) {
            v = ((gp_cell_t *)locals[ARG])->ref;
            if (!v) {
                format_unbound_local(co, (int)ARG);
                goto error;
            }
            GP_INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_NAME)
    {
        gp_object_t *name = GP_TUPLE_GET(co->names, ARG);
        gp_object_t *v = NULL;
        if (frame->locals) {
            if (gp_dict_check_exact(frame->locals)) {
                v = gp_dict_getitem_hash(frame->locals, name, co->name_hashes[ARG]);
                if (v)
                    GP_INCREF(v);
            } else {
                v = mapping_lookup(frame->locals, name);
            }
            if (!v && gp_err_occurred())
                goto error;
        }
        if (!v && frame->locals != frame->globals) {
            v = gp_dict_getitem_hash(frame->globals, name, co->name_hashes[ARG]);
            if (v)
                GP_INCREF(v);
            else if (gp_err_occurred())
                goto error;
        }
        if (!v) {
            v = gp_dict_getitem_hash(frame->builtins, name, co->name_hashes[ARG]);
            if (!v) {
                if (!gp_err_occurred())
                    format_name_error(name);
                goto error;
            }
            GP_INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME)
    {
        gp_object_t *name = GP_TUPLE_GET(co->names, ARG);
        gp_object_t *v = TOP();
        int err;
        if (!frame->locals) {
            gp_err_format(&gp_exc_SystemError, "no locals found when storing %R", name);
            goto error;
        }
        frame->ip = ip; /* the old value's finalizer may ask for the line */
        if (gp_dict_check_exact(frame->locals))
            err = gp_dict_setitem(frame->locals, name, v);
        else
            err = gp_object_setitem(frame->locals, name, v);
        if (err < 0)
            goto error;
        sp--;
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_NAME)
    {
        gp_object_t *name = GP_TUPLE_GET(co->names, ARG);
        if (!frame->locals) {
            gp_err_format(&gp_exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        frame->ip = ip; /* the old value's finalizer may ask for the line */
        if (gp_object_delitem(frame->locals, name) < 0) {
            if (gp_err_matches(&gp_exc_KeyError)) {
                gp_err_clear();
                format_name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL)
    {
        gp_code_cache_t *cache = &co->caches[ARG];
        gp_object_t *v;
        gp_dict_t *g = (gp_dict_t *)frame->globals;
        /* An entry index is valid while the key is still there: the key at
           that position identifies it (see obj/dict.h). */
        if (cache->kind == GP_CACHE_GLOBAL_INDEX) {
            intptr_t ix = (intptr_t)cache->globals_version;
            if (ix < g->nentries && g->entries[ix].key == cache->name) {
                v = g->entries[ix].value;
                PUSH(GP_INCREF(v));
                DISPATCH();
            }
        } else if (cache->kind == GP_CACHE_GLOBAL_BUILTIN && cache->type == (gp_type_t *)g &&
                   cache->type_version == (uint32_t)g->version) {
            gp_dict_t *b = (gp_dict_t *)frame->builtins;
            intptr_t ix = (intptr_t)cache->builtins_version;
            if (ix < b->nentries && b->entries[ix].key == cache->name) {
                v = b->entries[ix].value;
                PUSH(GP_INCREF(v));
                DISPATCH();
            }
        }
        v = load_global_slow(frame, cache);
        if (GP_UNLIKELY(!v))
            goto error;
        PUSH(GP_INCREF(v));
        DISPATCH();
    }

    TARGET(STORE_GLOBAL)
    {
        gp_object_t *name = GP_TUPLE_GET(co->names, ARG);
        gp_object_t *v = TOP();
        frame->ip = ip; /* the old value's finalizer may ask for the line */
        if (gp_dict_setitem(frame->globals, name, v) < 0)
            goto error;
        sp--;
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL)
    {
        gp_object_t *name = GP_TUPLE_GET(co->names, ARG);
        frame->ip = ip; /* the old value's finalizer may ask for the line */
        if (gp_dict_delitem(frame->globals, name) < 0) {
            if (gp_err_matches(&gp_exc_KeyError)) {
                gp_err_clear();
                format_name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR)
    {
        gp_object_t *owner = TOP();
        gp_code_cache_t *cache = &co->caches[ARG];
        gp_object_t *res;
        /* Cached: a __slots__ member that is set. */
        gp_object_t **field = slot_cache_field(cache, owner, GP_CACHE_ATTR_SLOT);
        if (field != NULL && *field != NULL) {
            SET_TOP(GP_INCREF(*field));
            GP_DECREF(owner);
            DISPATCH();
        }
        /* Cached: the type has no data descriptor for the name, so an
           instance dict hit is the answer. */
        if (cache->kind == GP_CACHE_ATTR_INSTANCE && GP_IS_PTR(owner) &&
            owner->type == cache->type && cache->type_version == owner->type->version) {
            gp_dict_t *d = managed_dict(owner);
            if (d && GP_TYPE((gp_object_t *)d) == &gp_dict_type) {
                intptr_t ix = cache->hint;
                if (GP_LIKELY(ix < d->nentries && d->entries[ix].key == cache->name) ||
                    (ix = dict_index_hinted(d, cache)) >= 0) {
                    res = GP_INCREF(d->entries[ix].value);
                    SET_TOP(res);
                    GP_DECREF(owner);
                    DISPATCH();
                }
                if (ix < -1)
                    goto error;
            }
        }
        res = gp_object_getattr(owner, cache->name);
        if (!res)
            goto error;
        /* An instance-dict cache that still holds for the type missed
           because the name lives on the class: refilling would not help. */
        if (GP_IS_PTR(owner) &&
            (cache->kind != GP_CACHE_ATTR_INSTANCE || owner->type != cache->type ||
             cache->type_version != owner->type->version))
            load_attr_fill(cache, owner);
        SET_TOP(res);
        GP_DECREF(owner);
        DISPATCH();
    }

    TARGET(STORE_ATTR)
    {
        gp_object_t *owner = TOP();
        gp_object_t *v = SECOND();
        gp_code_cache_t *cache = &co->caches[ARG];
        /* Cached: a __slots__ member; the instance's reference to [v] moves
           from the stack into the field. */
        gp_object_t **field = slot_cache_field(cache, owner, GP_CACHE_STORE_SLOT);
        if (field != NULL) {
            gp_object_t *old = *field;
            *field = v;
            sp -= 2;
            GP_XDECREF(old);
            GP_DECREF(owner);
            DISPATCH();
        }
        /* Cached: the generic setattr would store into the instance dict,
           where the name already has an entry; replace its value in place
           (the dict's version rule allows it). A GC object stored into an
           untracked dict must go through the dict, which starts tracking. */
        if (cache->kind == GP_CACHE_STORE_INSTANCE && GP_IS_PTR(owner) &&
            owner->type == cache->type && cache->type_version == owner->type->version) {
            gp_dict_t *d = managed_dict(owner);
            intptr_t ix = cache->hint;
            if (d && GP_TYPE((gp_object_t *)d) == &gp_dict_type && ix < d->nentries &&
                d->entries[ix].key == cache->name &&
                (!gp_object_is_gc(v) || gp_gc_is_tracked((gp_object_t *)d))) {
                gp_object_t *old = d->entries[ix].value;
                d->entries[ix].value = v;
                sp -= 2;
                GP_DECREF(old);
                GP_DECREF(owner);
                DISPATCH();
            }
        }
        if (gp_object_setattr(owner, cache->name, v) < 0)
            goto error;
        if (GP_IS_PTR(owner))
            store_attr_fill(cache, owner);
        sp -= 2;
        GP_DECREF(owner);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_ATTR)
    {
        gp_object_t *owner = TOP();
        if (gp_object_delattr(owner, GP_TUPLE_GET(co->names, ARG)) < 0)
            goto error;
        sp--;
        GP_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_METHOD)
    {
        gp_object_t *owner = TOP();
        gp_object_t *meth = NULL;
        gp_code_cache_t *cache = &co->caches[ARG];
        /* Cached: the type's MRO yields a plain method for the name; it is
           the answer unless the instance dict shadows it. */
        if ((cache->kind == GP_CACHE_METHOD || cache->kind == GP_CACHE_METHOD_NODICT) &&
            GP_IS_PTR(owner) && owner->type == cache->type &&
            cache->type_version == owner->type->version) {
            bool unshadowed = true;
            if (cache->kind == GP_CACHE_METHOD) {
                gp_dict_t *d = managed_dict(owner);
                if (d && d->used != 0) {
                    if (GP_TYPE((gp_object_t *)d) != &gp_dict_type)
                        unshadowed = false;
                    else {
                        intptr_t ix = gp_dict_lookup_index((gp_object_t *)d, cache->name,
                                                           gp_str_hash(cache->name));
                        if (ix < -1)
                            goto error;
                        unshadowed = ix == -1;
                    }
                }
            }
            if (unshadowed) {
                SET_TOP(GP_INCREF(cache->value));
                PUSH(owner);
                DISPATCH();
            }
        }
        int r = gp_object_get_method(owner, cache->name, &meth);
        if (r < 0)
            goto error;
        if (r == 1) {
            SET_TOP(meth);
            PUSH(owner);
            if (GP_IS_PTR(owner))
                load_method_fill(cache, owner);
        } else {
            SET_TOP(meth);
            PUSH(NULL);
            GP_DECREF(owner);
        }
        DISPATCH();
    }

    TARGET(BINARY_OP)
    {
        gp_object_t *b = TOP();
        gp_object_t *a = SECOND();
        gp_object_t *res;
        if (((uintptr_t)a & (uintptr_t)b & 1u)) {
#if GP_COMPUTED_GOTO
            /* + and - on tagged words, inline: the commonest operations of
               loops and recursion (see small_binop for the tag trick). */
            uint32_t op = ARG & ~(uint32_t)GP_BINOP_INPLACE;
            intptr_t r;
            if (op == GP_BINOP_ADD) {
                if (GP_LIKELY(!__builtin_add_overflow((intptr_t)a, (intptr_t)b - 1, &r))) {
                    sp--;
                    SET_TOP((gp_object_t *)r);
                    DISPATCH();
                }
            } else if (op == GP_BINOP_SUB) {
                if (GP_LIKELY(!__builtin_sub_overflow((intptr_t)a, (intptr_t)b - 1, &r))) {
                    sp--;
                    SET_TOP((gp_object_t *)r);
                    DISPATCH();
                }
            }
#endif
            res = small_binop(a, b, (int)ARG);
            if (GP_LIKELY(res != NULL)) {
                sp--;
                SET_TOP(res);
                DISPATCH();
            }
        } else if (GP_IS_PTR(a) && GP_IS_PTR(b) && a->type == &gp_float_type &&
                   b->type == &gp_float_type) {
            double x = gp_float_value(a), y = gp_float_value(b), z;
            switch (ARG & ~(uint32_t)GP_BINOP_INPLACE) {
            case GP_BINOP_ADD:
                z = x + y;
                goto float_result;
            case GP_BINOP_SUB:
                z = x - y;
                goto float_result;
            case GP_BINOP_MUL:
                z = x * y;
                goto float_result;
            case GP_BINOP_TRUEDIV:
                if (y == 0.0)
                    break;
                z = x / y;
            float_result:
                res = gp_float_new(z);
                if (!res)
                    goto error;
                sp--;
                SET_TOP(res);
                GP_DECREF(a);
                GP_DECREF(b);
                DISPATCH();
            default:
                break;
            }
        }
        res = gp_number_binop(a, b, (int)ARG);
        if (!res)
            goto error;
        sp--;
        SET_TOP(res);
        GP_DECREF(a);
        GP_DECREF(b);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE)
    {
        gp_object_t *v = TOP();
        gp_object_t *res;
        if (GP_IS_SMALL(v) && GP_SMALL_VALUE(v) != GP_SMALL_MIN) {
            SET_TOP(GP_SMALL_NEW(-GP_SMALL_VALUE(v)));
            DISPATCH();
        }
        res = gp_number_unop(v, GP_UNOP_NEG);
        if (!res)
            goto error;
        SET_TOP(res);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE)
    {
        gp_object_t *v = TOP();
        gp_object_t *res = gp_number_unop(v, GP_UNOP_POS);
        if (!res)
            goto error;
        SET_TOP(res);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT)
    {
        gp_object_t *v = TOP();
        gp_object_t *res = gp_number_unop(v, GP_UNOP_INVERT);
        if (!res)
            goto error;
        SET_TOP(res);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT)
    {
        gp_object_t *v = TOP();
        int t;
        if (v == gp_True)
            t = 1;
        else if (v == gp_False || v == gp_None)
            t = 0;
        else {
            t = gp_object_is_true(v);
            if (t < 0)
                goto error;
        }
        SET_TOP(gp_bool_from(!t));
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(COMPARE_OP)
    {
        gp_object_t *b = TOP();
        gp_object_t *a = SECOND();
        gp_object_t *res;
        if ((uintptr_t)a & (uintptr_t)b & 1u) {
            sp--;
            SET_TOP(gp_bool_from(small_compare(a, b, (int)ARG)));
            DISPATCH();
        }
        res = gp_object_richcompare(a, b, (gp_cmpop_t)ARG);
        if (!res)
            goto error;
        sp--;
        SET_TOP(res);
        GP_DECREF(a);
        GP_DECREF(b);
        DISPATCH();
    }

    TARGET(COMPARE_JUMP_IF_FALSE)
    {
        gp_object_t *b = TOP();
        gp_object_t *a = SECOND();
        int t;
        if ((uintptr_t)a & (uintptr_t)b & 1u) {
            sp -= 2;
            if (!small_compare(a, b, (int)(ARG & 7)))
                JUMPTO(ARG >> 3);
            DISPATCH();
        }
        if (GP_IS_PTR(a) && GP_IS_PTR(b) && a->type == &gp_float_type &&
            b->type == &gp_float_type) {
            t = float_compare(gp_float_value(a), gp_float_value(b), (int)(ARG & 7));
        } else {
            gp_object_t *res = gp_object_richcompare(a, b, (gp_cmpop_t)(ARG & 7));
            if (!res)
                goto error;
            if (res == gp_True)
                t = 1;
            else if (res == gp_False)
                t = 0;
            else {
                t = gp_object_is_true(res);
                if (t < 0) {
                    GP_DECREF(res);
                    goto error;
                }
            }
            GP_DECREF(res);
        }
        sp -= 2;
        GP_DECREF(a);
        GP_DECREF(b);
        if (!t)
            JUMPTO(ARG >> 3);
        DISPATCH();
    }

    TARGET(COMPARE_JUMP_IF_TRUE)
    {
        gp_object_t *b = TOP();
        gp_object_t *a = SECOND();
        int t;
        if ((uintptr_t)a & (uintptr_t)b & 1u) {
            sp -= 2;
            if (small_compare(a, b, (int)(ARG & 7)))
                JUMPTO(ARG >> 3);
            DISPATCH();
        }
        if (GP_IS_PTR(a) && GP_IS_PTR(b) && a->type == &gp_float_type &&
            b->type == &gp_float_type) {
            t = float_compare(gp_float_value(a), gp_float_value(b), (int)(ARG & 7));
        } else {
            gp_object_t *res = gp_object_richcompare(a, b, (gp_cmpop_t)(ARG & 7));
            if (!res)
                goto error;
            t = res == gp_True ? 1 : res == gp_False ? 0 : gp_object_is_true(res);
            GP_DECREF(res);
            if (t < 0)
                goto error;
        }
        sp -= 2;
        GP_DECREF(a);
        GP_DECREF(b);
        if (t)
            JUMPTO(ARG >> 3);
        DISPATCH();
    }

    TARGET(IS_OP)
    {
        gp_object_t *b = POP();
        gp_object_t *a = TOP();
        int r = (a == b) ^ (int)ARG;
        SET_TOP(gp_bool_from(r));
        GP_DECREF(a);
        GP_DECREF(b);
        DISPATCH();
    }

    TARGET(CONTAINS_OP)
    {
        gp_object_t *b = TOP();
        gp_object_t *a = SECOND();
        int r = gp_object_contains(b, a);
        if (r < 0)
            goto error;
        sp--;
        SET_TOP(gp_bool_from(r ^ (int)ARG));
        GP_DECREF(a);
        GP_DECREF(b);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR)
    {
        gp_object_t *key = TOP();
        gp_object_t *container = SECOND();
        gp_object_t *res;
        if (GP_IS_SMALL(key) && GP_IS_PTR(container)) {
            intptr_t i = GP_SMALL_VALUE(key);
            if (container->type == &gp_list_type) {
                intptr_t n = GP_LIST_SIZE(container);
                if (i < 0)
                    i += n;
                if ((uintptr_t)i < (uintptr_t)n) {
                    res = GP_INCREF(GP_LIST_GET(container, i));
                    sp--;
                    SET_TOP(res);
                    GP_DECREF(container);
                    DISPATCH();
                }
            } else if (container->type == &gp_tuple_type) {
                intptr_t n = GP_TUPLE_SIZE(container);
                if (i < 0)
                    i += n;
                if ((uintptr_t)i < (uintptr_t)n) {
                    res = GP_INCREF(GP_TUPLE_GET(container, i));
                    sp--;
                    SET_TOP(res);
                    GP_DECREF(container);
                    DISPATCH();
                }
            }
        }
        if (gp_dict_check_exact(container)) {
            res = gp_dict_getitem(container, key);
            if (res) {
                GP_INCREF(res);
                sp--;
                SET_TOP(res);
                GP_DECREF(container);
                GP_DECREF(key);
                DISPATCH();
            }
            if (gp_err_occurred())
                goto error;
        }
        res = gp_object_getitem(container, key);
        if (!res)
            goto error;
        sp--;
        SET_TOP(res);
        GP_DECREF(container);
        GP_DECREF(key);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR)
    {
        gp_object_t *key = TOP();
        gp_object_t *container = SECOND();
        gp_object_t *v = THIRD();
        if (GP_IS_SMALL(key) && gp_list_check_exact(container)) {
            intptr_t i = GP_SMALL_VALUE(key), n = GP_LIST_SIZE(container);
            if (i < 0)
                i += n;
            if ((uintptr_t)i < (uintptr_t)n) {
                gp_object_t *old = GP_LIST_GET(container, i);
                GP_LIST_SET(container, i, v);
                sp -= 3;
                GP_DECREF(old);
                GP_DECREF(container);
                DISPATCH();
            }
        }
        int err = gp_dict_check_exact(container) ? gp_dict_setitem(container, key, v)
                                                 : gp_object_setitem(container, key, v);
        if (err < 0)
            goto error;
        sp -= 3;
        GP_DECREF(key);
        GP_DECREF(container);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR)
    {
        gp_object_t *key = TOP();
        gp_object_t *container = SECOND();
        if (gp_object_delitem(container, key) < 0)
            goto error;
        sp -= 2;
        GP_DECREF(key);
        GP_DECREF(container);
        DISPATCH();
    }

    TARGET(BUILD_SLICE)
    {
        gp_object_t *step = ARG == 3 ? POP() : NULL;
        gp_object_t *stop = POP();
        gp_object_t *start = TOP();
        gp_object_t *s = gp_slice_new(start, stop, step ? step : gp_None);
        GP_XDECREF(step);
        GP_DECREF(stop);
        if (!s)
            goto error;
        SET_TOP(s);
        GP_DECREF(start);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE)
    {
        uint32_t n = ARG;
        gp_object_t *t = gp_tuple_new(n);
        if (!t)
            goto error;
        sp -= n;
        for (uint32_t i = 0; i < n; i++)
            GP_TUPLE_SET(t, i, sp[i]);
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST)
    {
        uint32_t n = ARG;
        gp_object_t *l = gp_list_new(n);
        if (!l)
            goto error;
        sp -= n;
        for (uint32_t i = 0; i < n; i++)
            GP_LIST_SET(l, i, sp[i]);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET)
    {
        uint32_t n = ARG;
        gp_object_t *s = gp_set_new(NULL);
        if (!s)
            goto error;
        for (uint32_t i = 0; i < n; i++) {
            if (gp_set_add(s, sp[(intptr_t)i - (intptr_t)n]) < 0) {
                GP_DECREF(s);
                goto error;
            }
        }
        for (uint32_t i = 0; i < n; i++)
            GP_DECREF(POP());
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP)
    {
        uint32_t n = ARG;
        gp_object_t *d = gp_dict_new();
        if (!d)
            goto error;
        for (uint32_t i = 0; i < n; i++) {
            gp_object_t *k = sp[2 * ((intptr_t)i - (intptr_t)n)];
            gp_object_t *v = sp[2 * ((intptr_t)i - (intptr_t)n) + 1];
            if (gp_dict_setitem(d, k, v) < 0) {
                GP_DECREF(d);
                goto error;
            }
        }
        for (uint32_t i = 0; i < 2 * n; i++)
            GP_DECREF(POP());
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING)
    {
        uint32_t n = ARG;
        gp_object_t *s = build_string(sp - n, n);
        if (!s)
            goto error;
        for (uint32_t i = 0; i < n; i++)
            GP_DECREF(POP());
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND)
    {
        gp_object_t *v = TOP();
        if (gp_list_append(PEEK(ARG + 1), v) < 0)
            goto error;
        sp--;
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(SET_ADD)
    {
        gp_object_t *v = TOP();
        if (gp_set_add(PEEK(ARG + 1), v) < 0)
            goto error;
        sp--;
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(MAP_ADD)
    {
        gp_object_t *v = TOP();
        gp_object_t *k = SECOND();
        if (gp_dict_setitem(PEEK(ARG + 2), k, v) < 0)
            goto error;
        sp -= 2;
        GP_DECREF(k);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(LIST_EXTEND)
    {
        gp_object_t *it = TOP();
        if (gp_list_extend(PEEK(ARG + 1), it) < 0) {
            if (gp_err_matches(&gp_exc_TypeError) &&
                !gp_type_lookup_cstr(GP_TYPE(it), "__iter__") &&
                !gp_type_lookup_cstr(GP_TYPE(it), "__getitem__")) {
                gp_err_clear();
                gp_err_format(&gp_exc_TypeError, "Value after * must be an iterable, not %T", it);
            }
            goto error;
        }
        sp--;
        GP_DECREF(it);
        DISPATCH();
    }

    TARGET(SET_UPDATE)
    {
        gp_object_t *it = TOP();
        gp_object_t *set = PEEK(ARG + 1);
        gp_object_t *iter = gp_object_iter(it);
        if (!iter)
            goto error;
        gp_object_t *item;
        while ((item = gp_iter_next(iter))) {
            int r = gp_set_add(set, item);
            GP_DECREF(item);
            if (r < 0)
                break;
        }
        GP_DECREF(iter);
        if (gp_err_occurred())
            goto error;
        sp--;
        GP_DECREF(it);
        DISPATCH();
    }

    TARGET(DICT_UPDATE)
    {
        gp_object_t *m = TOP();
        /* {**m} takes mappings only: unlike dict.update, a sequence of
           pairs (or a str) is refused before anything is merged. */
        if (!gp_dict_check(m) && !gp_type_lookup_cstr(GP_TYPE(m), "keys")) {
            gp_err_format(&gp_exc_TypeError, "'%T' object is not a mapping", m);
            goto error;
        }
        if (gp_dict_update(PEEK(ARG + 1), m) < 0)
            goto error;
        sp--;
        GP_DECREF(m);
        DISPATCH();
    }

    TARGET(DICT_MERGE)
    {
        gp_object_t *m = TOP();
        if (gp_dict_merge_kwargs(PEEK(ARG + 1), m, PEEK(ARG + 3)) < 0)
            goto error;
        sp--;
        GP_DECREF(m);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE)
    {
        gp_object_t *l = TOP();
        gp_object_t *t = gp_list_as_tuple(l);
        if (!t)
            goto error;
        SET_TOP(t);
        GP_DECREF(l);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE)
    {
        gp_object_t *seq = TOP();
        uint32_t n = ARG;
        gp_object_t **items = NULL;
        intptr_t size = -1;
        if (gp_tuple_check_exact(seq)) {
            items = GP_TUPLE_ITEMS(seq);
            size = GP_TUPLE_SIZE(seq);
        } else if (gp_list_check_exact(seq)) {
            items = GP_LIST_ITEMS(seq);
            size = GP_LIST_SIZE(seq);
        }
        if (items && size == (intptr_t)n) {
            sp--;
            for (intptr_t i = (intptr_t)n - 1; i >= 0; i--)
                PUSH(GP_INCREF(items[i]));
            GP_DECREF(seq);
            DISPATCH();
        }
        if (items) {
            if (size < (intptr_t)n)
                gp_err_format(&gp_exc_ValueError,
                              "not enough values to unpack (expected %u, got %zd)", (unsigned)n,
                              size);
            else
                gp_err_format(&gp_exc_ValueError, "too many values to unpack (expected %u)",
                              (unsigned)n);
            goto error;
        }
        /* General iterable: unpack into the slots above the stack top,
           then reverse into place. */
        gp_object_t **out = sp; /* the frame has room: stacksize counts the n results */
        if (unpack_iterable(seq, n, -1, out) < 0)
            goto error;
        gp_object_t *tmp;
        sp--;
        /* out[] starts at the old sp, which is now sp+1: shift down one. */
        for (uint32_t i = 0; i < n; i++)
            sp[i] = out[i];
        for (uint32_t i = 0; i < n / 2; i++) {
            tmp = sp[i];
            sp[i] = sp[n - 1 - i];
            sp[n - 1 - i] = tmp;
        }
        sp += n;
        GP_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX)
    {
        gp_object_t *seq = TOP();
        uint32_t before = ARG & 0xff, after = ARG >> 8;
        uint32_t total = before + 1 + after;
        gp_object_t **out = sp;
        if (unpack_iterable(seq, before, (intptr_t)after, out) < 0)
            goto error;
        sp--;
        for (uint32_t i = 0; i < total; i++)
            sp[i] = out[i];
        for (uint32_t i = 0; i < total / 2; i++) {
            gp_object_t *tmp = sp[i];
            sp[i] = sp[total - 1 - i];
            sp[total - 1 - i] = tmp;
        }
        sp += total;
        GP_DECREF(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE)
    {
        gp_object_t *spec = (ARG & 4) ? POP() : NULL;
        gp_object_t *v = TOP();
        gp_object_t *res = format_value(v, (int)ARG, spec);
        GP_XDECREF(spec);
        if (!res)
            goto error;
        SET_TOP(res);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP)
    {
        JUMPTO(ARG);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD)
    {
        JUMPTO(ARG);
        if (GP_UNLIKELY(atomic_load_explicit(&rt->eval_breaker, memory_order_relaxed))) {
            if (gp_runtime_handle_breaker() < 0)
                goto error;
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE)
    {
        gp_object_t *v = POP();
        if (v == gp_False) {
            JUMPTO(ARG);
            DISPATCH();
        }
        if (v == gp_True)
            DISPATCH();
        int t = gp_object_is_true(v);
        GP_DECREF(v);
        if (t < 0)
            goto error;
        if (!t)
            JUMPTO(ARG);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE)
    {
        gp_object_t *v = POP();
        if (v == gp_True) {
            JUMPTO(ARG);
            DISPATCH();
        }
        if (v == gp_False)
            DISPATCH();
        int t = gp_object_is_true(v);
        GP_DECREF(v);
        if (t < 0)
            goto error;
        if (t)
            JUMPTO(ARG);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP)
    {
        gp_object_t *v = TOP();
        int t = v == gp_True ? 1 : v == gp_False ? 0 : gp_object_is_true(v);
        if (t < 0)
            goto error;
        if (!t) {
            JUMPTO(ARG);
        } else {
            sp--;
            GP_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP)
    {
        gp_object_t *v = TOP();
        int t = v == gp_True ? 1 : v == gp_False ? 0 : gp_object_is_true(v);
        if (t < 0)
            goto error;
        if (t) {
            JUMPTO(ARG);
        } else {
            sp--;
            GP_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(GET_ITER)
    {
        gp_object_t *v = TOP();
        gp_object_t *it = gp_object_iter(v);
        if (!it)
            goto error;
        SET_TOP(it);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(FOR_ITER)
    {
        gp_object_t *it = TOP();
        gp_object_t *(*next)(gp_object_t *) = GP_TYPE(it)->iternext;
        gp_object_t *v = next ? next(it) : gp_iter_next(it);
        if (GP_LIKELY(v != NULL)) {
            PUSH(v);
            DISPATCH();
        }
        if (for_iter_error() < 0)
            goto error;
        sp--;
        GP_DECREF(it);
        JUMPTO(ARG);
        DISPATCH();
    }

    {
        /* The calls share one tail: [callable] with [nargs] arguments at
           [args] and [kwnames]; [nstack] stack slots to release after. */
        gp_object_t *callable;
        gp_object_t **args;
        size_t nargs;
        gp_object_t *kwnames;
        size_t nstack;

    TARGET(CALL)
        nargs = ARG;
        args = sp - nargs;
        callable = args[-1];
        kwnames = NULL;
        nstack = nargs + 1;
        goto do_call;

    TARGET(CALL_KW)
        kwnames = TOP();
        nargs = ARG - (size_t)GP_TUPLE_SIZE(kwnames);
        args = sp - 1 - ARG;
        callable = args[-1];
        nstack = ARG + 2;
        goto do_call;

    TARGET(CALL_METHOD)
        nargs = ARG;
        kwnames = NULL;
        nstack = nargs + 2;
        args = sp - nargs;
        callable = args[-2];
        if (args[-1]) {
            args--;
            nargs++;
        }
        goto do_call;

    TARGET(CALL_METHOD_KW)
        kwnames = TOP();
        nargs = ARG - (size_t)GP_TUPLE_SIZE(kwnames);
        nstack = ARG + 3;
        args = sp - 1 - ARG;
        callable = args[-2];
        if (args[-1]) {
            args--;
            nargs++;
        }
        goto do_call;

    do_call:
        if (GP_IS_PTR(callable) && callable->type == &gp_function_type) {
            gp_function_t *func = (gp_function_t *)callable;
            gp_code_t *fco = (gp_code_t *)func->code;
            if ((fco->flags & GP_CODE_FAST_ARGS) && !kwnames && nargs == (size_t)fco->argcount &&
                ts->recursion_depth < limit) {
                /* The fastest call: move the arguments and the stack's
                   reference to the function straight into the new frame. */
                gp_frame_t *nf = frame_alloc(fco);
                if (!nf)
                    goto error;
                nf->code = (gp_code_t *)GP_INCREF((gp_object_t *)fco);
                nf->func = callable;
                nf->globals = GP_INCREF(func->globals);
                nf->builtins = func->globals == frame->globals
                                   ? frame->builtins
                                   : gp_frame_builtins_of(func->globals);
                nf->locals = NULL;
                nf->ip = fco->instrs;
                nf->nblocks = 0;
                nf->owner = GP_FRAME_OWNED_BY_THREAD;
                nf->is_entry = 0;
                nf->yielded = 0;
                nf->cleared = 0;
                gp_object_t **dst = nf->localsplus;
                for (size_t i = 0; i < nargs; i++)
                    dst[i] = args[i];
                for (int i = (int)nargs; i < fco->nlocalsplus; i++)
                    dst[i] = NULL;
                nf->sp = dst + fco->nlocalsplus;
                /* The slots below the arguments: the callable, and for
                   CALL_METHOD the self slot (moved if non-NULL, else NULL). */
                sp -= nstack;
                SAVE_REGISTERS();
                nf->back = frame;
                frame = nf;
                ts->frame = frame;
                ts->recursion_depth++;
                LOAD_REGISTERS();
                if (GP_UNLIKELY(ts->profiling) &&
                    gp_profile_event(ts, frame, GP_PROFILE_CALL, NULL) < 0)
                    goto error;
                if (GP_UNLIKELY(atomic_load_explicit(&rt->eval_breaker, memory_order_relaxed))) {
                    if (gp_runtime_handle_breaker() < 0)
                        goto error;
                }
                DISPATCH();
            }
            if (!(fco->flags & GP_CODE_GENERATOR_FLAGS)) {
                /* Python-to-Python call: push a frame and continue here. */
                if (GP_UNLIKELY(ts->recursion_depth >=
                                limit + (ts->recursion_headroom ? 50 : 0))) {
                    recursion_error(ts);
                    goto error;
                }
                gp_frame_t *nf = frame_alloc(fco);
                if (!nf)
                    goto error;
                gp_frame_init_call(nf, fco, callable, func->globals,
                                   func->globals == frame->globals ? frame->builtins : NULL);
                if (gp_frame_bind(nf, func, args, nargs, kwnames) < 0) {
                    gp_frame_clear(nf);
                    frame_free(nf);
                    goto error;
                }
                /* Release the caller's stack slots (arguments were copied). */
                for (size_t i = 0; i < nstack; i++) {
                    gp_object_t *o = POP();
                    GP_XDECREF(o);
                }
                SAVE_REGISTERS();
                nf->back = frame;
                frame = nf;
                ts->frame = frame;
                ts->recursion_depth++;
                LOAD_REGISTERS();
                if (GP_UNLIKELY(ts->profiling) &&
                    gp_profile_event(ts, frame, GP_PROFILE_CALL, NULL) < 0)
                    goto error;
                if (GP_UNLIKELY(atomic_load_explicit(&rt->eval_breaker, memory_order_relaxed))) {
                    if (gp_runtime_handle_breaker() < 0)
                        goto error;
                }
                DISPATCH();
            }
        }
        {
            SAVE_REGISTERS();
            gp_object_t *res;
            if (GP_UNLIKELY(ts->profiling)) {
                res = gp_profile_c_call(ts, frame, callable, args, nargs, kwnames);
            } else {
                gp_vectorcall_fn fn = GP_TYPE(callable)->call;
                res = fn ? fn(callable, args, nargs, kwnames)
                         : gp_object_call(callable, args, nargs, kwnames);
            }
            for (size_t i = 0; i < nstack; i++) {
                gp_object_t *o = POP();
                GP_XDECREF(o);
            }
            if (!res)
                goto error;
            PUSH(res);
            DISPATCH();
        }
    }

    TARGET(CALL_EX)
    {
        gp_object_t *kwargs = (ARG & 1) ? POP() : NULL;
        gp_object_t *cargs = POP();
        gp_object_t *func = TOP();
        if (call_ex_fixup(func, &cargs, &kwargs) < 0) {
            GP_DECREF(cargs);
            GP_XDECREF(kwargs);
            goto error;
        }
        SAVE_REGISTERS();
        gp_object_t *res =
            GP_UNLIKELY(ts->profiling)
                ? gp_profile_c_call_tuple(ts, frame, func, cargs,
                                          kwargs && gp_dict_size(kwargs) ? kwargs : NULL)
                : gp_object_call_tuple_dict(func, cargs,
                                            kwargs && gp_dict_size(kwargs) ? kwargs : NULL);
        GP_DECREF(cargs);
        GP_XDECREF(kwargs);
        if (!res)
            goto error;
        SET_TOP(res);
        GP_DECREF(func);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION)
    {
        gp_object_t *qualname = POP();
        gp_object_t *code = POP();
        gp_object_t *func = gp_function_new(code, frame->globals, qualname);
        GP_DECREF(qualname);
        GP_DECREF(code);
        if (!func)
            goto error;
        gp_function_t *fn = (gp_function_t *)func;
        if (ARG & GP_MAKE_FUNCTION_CLOSURE)
            fn->closure = POP();
        if (ARG & GP_MAKE_FUNCTION_ANNOTATIONS)
            fn->annotations = POP();
        if (ARG & GP_MAKE_FUNCTION_KWDEFAULTS)
            fn->kwdefaults = POP();
        if (ARG & GP_MAKE_FUNCTION_DEFAULTS)
            fn->defaults = POP();
        PUSH(func);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS)
    {
        gp_object_t *bc = gp_dict_getitem_cstr(frame->builtins, "__build_class__");
        if (!bc) {
            if (!gp_err_occurred())
                gp_err_set_string(&gp_exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(GP_INCREF(bc));
        DISPATCH();
    }

    TARGET(RETURN_VALUE)
    {
        retval = POP();
        frame->yielded = 0;
        SAVE_REGISTERS();
        goto exit_frame;
    }

    TARGET(YIELD_VALUE)
    {
        retval = POP();
        SAVE_REGISTERS();
        frame->yielded = 1;
        frame->yielded_value = 1;
        goto exit_yield;
    }

    TARGET(YIELD_FROM)
    {
        gp_object_t *v = POP();
        gp_object_t *receiver = TOP();
        gp_object_t *result = NULL;
        SAVE_REGISTERS();
        gp_send_result_t r = yield_from_step(receiver, v, &result);
        GP_DECREF(v);
        if (r == GP_SEND_ERROR)
            goto error;
        if (r == GP_SEND_YIELD) {
            /* Resume at this instruction again with the next sent value. */
            ip--;
            retval = result;
            SAVE_REGISTERS();
            frame->yielded = 1;
            frame->yielded_value = 0;
            goto exit_yield;
        }
        SET_TOP(result);
        GP_DECREF(receiver);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER)
    {
        gp_object_t *v = TOP();
        if (GP_IS_TYPE(v, gp_coroutine_type)) {
            if (!(co->flags & (GP_CODE_COROUTINE | GP_CODE_ITERABLE_COROUTINE))) {
                gp_err_set_string(&gp_exc_TypeError,
                                  "cannot 'yield from' a coroutine object in a non-coroutine "
                                  "generator");
                goto error;
            }
            DISPATCH();
        }
        if (GP_IS_TYPE(v, gp_generator_type))
            DISPATCH();
        gp_object_t *it = gp_object_iter(v);
        if (!it)
            goto error;
        SET_TOP(it);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE)
    {
        gp_object_t *v = TOP();
        gp_object_t *it = get_awaitable(v, ARG);
        if (!it)
            goto error;
        SET_TOP(it);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(GET_AITER)
    {
        gp_object_t *v = TOP();
        gp_object_t *m = special_lookup(v, "__aiter__");
        if (!m) {
            if (!gp_err_occurred())
                gp_err_format(&gp_exc_TypeError,
                              "'async for' requires an object with __aiter__ method, got %T", v);
            goto error;
        }
        gp_object_t *it = gp_object_call0(m);
        GP_DECREF(m);
        if (!it)
            goto error;
        SET_TOP(it);
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(GET_ANEXT)
    {
        gp_object_t *aiter = TOP();
        gp_object_t *m = special_lookup(aiter, "__anext__");
        if (!m) {
            if (!gp_err_occurred())
                gp_err_format(&gp_exc_TypeError,
                              "'async for' received an object from __aiter__ that does not "
                              "implement __anext__: %s",
                              gp_type_name(GP_TYPE(aiter)));
            goto error;
        }
        gp_object_t *aw = gp_object_call0(m);
        GP_DECREF(m);
        if (!aw)
            goto error;
        gp_object_t *it = get_awaitable(aw, 0);
        if (!it) {
            /* Reworded for async for, with the original as the cause. */
            gp_object_t *cause = gp_err_fetch();
            gp_err_format(&gp_exc_TypeError,
                          "'async for' received an invalid object from __anext__: %s",
                          gp_type_name(GP_TYPE(aw)));
            GP_DECREF(aw);
            gp_object_t *exc = ts->curexc;
            if (cause && exc && gp_exc_check(exc) && gp_exc_check(cause)) {
                GP_SETREF(((gp_exception_t *)exc)->context, GP_INCREF(cause));
                GP_SETREF(((gp_exception_t *)exc)->cause, cause);
                ((gp_exception_t *)exc)->suppress_context = true;
            } else {
                GP_XDECREF(cause);
            }
            goto error;
        }
        GP_DECREF(aw);
        PUSH(it);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR)
    {
        gp_object_t *exc = TOP();
        if (gp_exception_matches(exc, (gp_object_t *)&gp_exc_StopAsyncIteration)) {
            sp--;
            GP_DECREF(exc);
            frame->nblocks--;
            gp_object_t *prev = POP();
            gp_object_t *old = ts->exc_info;
            ts->exc_info = prev == gp_None ? NULL : prev;
            if (prev == gp_None)
                GP_DECREF(prev);
            GP_XDECREF(old);
            gp_object_t *aiter = POP();
            GP_DECREF(aiter);
            DISPATCH();
        }
        sp--;
        gp_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(SETUP_FINALLY)
    {
        gp_block_t *b = &gp_frame_blocks(frame)[frame->nblocks++];
        b->type = GP_BLOCK_FINALLY;
        b->handler = ARG;
        b->level = (uint32_t)(sp - gp_frame_stack_base(frame));
        DISPATCH();
    }

    TARGET(POP_BLOCK)
    {
        frame->nblocks--;
        DISPATCH();
    }

    TARGET(POP_EXCEPT)
    {
        frame->nblocks--;
        gp_object_t *prev = POP();
        gp_object_t *old = ts->exc_info;
        if (prev == gp_None) {
            ts->exc_info = NULL;
            GP_DECREF(prev);
        } else {
            ts->exc_info = prev;
        }
        GP_XDECREF(old);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS)
    {
        if (ARG == 0) {
            gp_object_t *exc = gp_exc_handled(ts);
            if (!exc) {
                gp_err_set_string(&gp_exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            gp_err_restore(GP_INCREF(exc));
            goto exception_unwind;
        }
        gp_object_t *cause = ARG == 2 ? POP() : NULL;
        gp_object_t *exc = POP();
        do_raise(ts, exc, cause);
        GP_DECREF(exc);
        GP_XDECREF(cause);
        goto error;
    }

    TARGET(RERAISE)
    {
        gp_object_t *exc = POP();
        gp_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(JUMP_IF_NOT_EXC_MATCH)
    {
        gp_object_t *type = TOP();
        gp_object_t *exc = SECOND();
        if (!exc_match_checked(type))
            goto error;
        bool m = gp_exception_matches(exc, type);
        sp -= 2;
        GP_DECREF(type);
        GP_DECREF(exc);
        if (!m)
            JUMPTO(ARG);
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO)
    {
        /* Like entering a handler after an unwind, for a value already on
           the stack: [exc] becomes [previously handled, exc]. */
        gp_object_t *exc = TOP();
        gp_object_t *prev = ts->exc_info;
        SET_TOP(prev ? prev : gp_none_new());
        PUSH(exc);
        ts->exc_info = GP_INCREF(exc);
        gp_block_t *b = &gp_frame_blocks(frame)[frame->nblocks++];
        b->type = GP_BLOCK_EXCEPT_HANDLER;
        b->handler = 0;
        b->level = (uint32_t)(sp - gp_frame_stack_base(frame) - 2);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH)
    {
        gp_object_t *type = TOP();
        gp_object_t *exc = SECOND();
        if (!exc_match_checked(type))
            goto error;
        if (exc_match_names_group(type)) {
            gp_err_set_string(&gp_exc_TypeError,
                              "catching ExceptionGroup with except* is not allowed. Use except "
                              "instead.");
            goto error;
        }
        gp_object_t *match, *rest;
        if (gp_exception_group_match(exc, type, &match, &rest) < 0)
            goto error;
        GP_DECREF(type);
        GP_DECREF(exc);
        SET_SECOND(rest);
        SET_TOP(match);
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR)
    {
        gp_object_t *rest = TOP();
        gp_object_t *raised = SECOND();
        gp_object_t *orig = PEEK(3);
        gp_object_t *result = gp_exception_group_prep_reraise(orig, raised, rest);
        if (result == NULL)
            goto error;
        sp -= 2;
        GP_DECREF(rest);
        GP_DECREF(raised);
        GP_DECREF(orig);
        SET_TOP(result);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR)
    {
        PUSH(GP_INCREF((gp_object_t *)&gp_exc_AssertionError));
        DISPATCH();
    }

    TARGET(BEFORE_WITH)
    TARGET(BEFORE_ASYNC_WITH)
    {
        gp_object_t *mgr = TOP();
        gp_object_t *exit, *res;
        if (before_with(mgr, &exit, &res, GP_INSTR_OP(w) == GP_OP_BEFORE_ASYNC_WITH) < 0)
            goto error;
        SET_TOP(exit);
        GP_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXIT)
    {
        gp_object_t *exit = TOP();
        gp_object_t *args[3] = {gp_None, gp_None, gp_None};
        gp_object_t *res = gp_object_call(exit, args, 3, NULL);
        if (!res)
            goto error;
        SET_TOP(res);
        GP_DECREF(exit);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START)
    {
        gp_object_t *exc = TOP();
        gp_object_t *exit = PEEK(3);
        gp_object_t *tb = gp_exc_check(exc) ? ((gp_exception_t *)exc)->traceback : NULL;
        gp_object_t *args[3] = {(gp_object_t *)GP_TYPE(exc), exc, tb ? tb : gp_None};
        gp_object_t *res = gp_object_call(exit, args, 3, NULL);
        if (!res)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_NAME)
    {
        gp_object_t *fromlist = POP();
        gp_object_t *level = TOP();
        SAVE_REGISTERS();
        gp_object_t *m = import_name(frame, GP_TUPLE_GET(co->names, ARG), fromlist, level);
        GP_DECREF(fromlist);
        if (!m)
            goto error;
        SET_TOP(m);
        GP_DECREF(level);
        DISPATCH();
    }

    TARGET(IMPORT_FROM)
    {
        gp_object_t *v = gp_import_from(TOP(), GP_TUPLE_GET(co->names, ARG));
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR)
    {
        gp_object_t *m = TOP();
        if (import_star(frame, m) < 0)
            goto error;
        sp--;
        GP_DECREF(m);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS)
    {
        if (!frame->locals) {
            gp_err_set_string(&gp_exc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        gp_object_t *name = gp_str_static("__annotations__");
        gp_object_t *have = mapping_lookup(frame->locals, name);
        if (have) {
            GP_DECREF(have);
            DISPATCH();
        }
        if (gp_err_occurred())
            goto error;
        gp_object_t *d = gp_dict_new();
        if (!d || gp_object_setitem(frame->locals, name, d) < 0) {
            GP_XDECREF(d);
            goto error;
        }
        GP_DECREF(d);
        DISPATCH();
    }

    TARGET(PRINT_EXPR)
    {
        gp_object_t *v = TOP();
        if (print_expr(v) < 0)
            goto error;
        sp--;
        GP_DECREF(v);
        DISPATCH();
    }

    TARGET(LOAD_LOCALS)
    {
        if (!frame->locals) {
            gp_err_set_string(&gp_exc_SystemError, "no locals found");
            goto error;
        }
        PUSH(GP_INCREF(frame->locals));
        DISPATCH();
    }

    /* Pattern matching: the work is in vm/match.c. */
    TARGET(GET_LEN)
    {
        intptr_t n = gp_object_len(TOP());
        gp_object_t *len = n < 0 ? NULL : gp_int_from_i64(n);
        if (!len)
            goto error;
        PUSH(len);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING)
    {
        int is_mapping = gp_match_is_mapping(TOP());
        if (is_mapping < 0)
            goto error;
        PUSH(GP_INCREF(is_mapping ? gp_True : gp_False));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE)
    {
        int is_sequence = gp_match_is_sequence(TOP());
        if (is_sequence < 0)
            goto error;
        PUSH(GP_INCREF(is_sequence ? gp_True : gp_False));
        DISPATCH();
    }

    TARGET(MATCH_KEYS)
    {
        gp_object_t *values = gp_match_keys(SECOND(), TOP());
        if (!values)
            goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS)
    {
        gp_object_t *names = POP(), *cls = POP(), *subject = TOP();
        gp_object_t *attrs = gp_match_class(subject, cls, names, ARG);
        GP_DECREF(names);
        GP_DECREF(cls);
        if (!attrs)
            goto error;
        SET_TOP(attrs);
        GP_DECREF(subject);
        DISPATCH();
    }

    default:
        goto bad_opcode;
    }

bad_opcode:
    gp_err_format(&gp_exc_SystemError, "unknown opcode %d", (int)GP_INSTR_OP(ip[-1]));
    goto error;

error:
    /* A new exception: record where, and link it to the handled one. */
    if (!gp_err_occurred())
        gp_err_set_string(&gp_exc_SystemError, "error return without exception set");
    /* A new exception (no traceback yet) gets its implicit __context__
       here; one that comes up from a callee frame keeps what it has, which
       matters for an exception thrown into a generator with throw(): as in
       CPython, it gets no context at all. */
    if (ts->curexc && gp_exc_check(ts->curexc) &&
        ((gp_exception_t *)ts->curexc)->traceback == NULL)
        exception_set_context(ts, false);
error_thrown:
    SAVE_REGISTERS();
    gp_traceback_here(frame, (int)(ip - co->instrs) - 1);

exception_unwind:
    while (frame->nblocks > 0) {
        gp_block_t *b = &gp_frame_blocks(frame)[--frame->nblocks];
        gp_object_t **level = gp_frame_stack_base(frame) + b->level;
        if (b->type == GP_BLOCK_EXCEPT_HANDLER) {
            while (sp > level + 1) {
                gp_object_t *o = POP();
                GP_XDECREF(o);
            }
            gp_object_t *prev = POP();
            gp_object_t *old = ts->exc_info;
            if (prev == gp_None) {
                ts->exc_info = NULL;
                GP_DECREF(prev);
            } else {
                ts->exc_info = prev;
            }
            GP_XDECREF(old);
            continue;
        }
        /* A handler: jump to it with [previously handled, exception] pushed. */
        while (sp > level) {
            gp_object_t *o = POP();
            GP_XDECREF(o);
        }
        gp_object_t *exc = gp_err_fetch();
        gp_object_t *prev = ts->exc_info;
        PUSH(prev ? prev : gp_none_new());
        PUSH(exc);
        ts->exc_info = GP_INCREF(exc);
        b->type = GP_BLOCK_EXCEPT_HANDLER;
        frame->nblocks++;
        JUMPTO(b->handler);
        DISPATCH();
    }
    /* No handler in this frame: it exits with the exception. */
    while (sp > gp_frame_stack_base(frame)) {
        gp_object_t *o = POP();
        GP_XDECREF(o);
    }
    retval = NULL;
    frame->yielded = 0;
    SAVE_REGISTERS();

exit_frame:
    if (GP_UNLIKELY(ts->profiling) &&
        gp_profile_event(ts, frame, GP_PROFILE_RETURN, retval) < 0)
        GP_CLEAR(retval);
    ts->recursion_depth--;
    if (frame != entry) {
        /* Return from an inlined call to its caller in this loop. */
        gp_frame_t *done = frame;
        frame = done->back;
        ts->frame = frame;
        /* An inlined frame's stack is empty here: release its slots. */
        {
            gp_object_t **p = done->localsplus, **end = done->sp;
            for (; p < end; p++)
                GP_XDECREF(*p);
            GP_XDECREF(done->locals);
            GP_DECREF(done->globals);
            GP_XDECREF(done->func);
            GP_DECREF((gp_object_t *)done->code);
        }
        frame_free(done);
        LOAD_REGISTERS();
        if (!retval)
            goto error;
        PUSH(retval);
        DISPATCH();
    }
    ts->frame = frame->back;
    return retval;

exit_yield:
    if (GP_UNLIKELY(ts->profiling) &&
        gp_profile_event(ts, frame, GP_PROFILE_RETURN, retval) < 0) {
        /* The profile function raised: the generator ends with its error
           instead of yielding (its frame is cleared as for any error). */
        GP_CLEAR(retval);
        frame->yielded = 0;
    }
    ts->recursion_depth--;
    ts->frame = frame->back;
    return retval;
#undef limit
}
