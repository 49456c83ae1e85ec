/*
 * sre.c - the _sre module: compiled patterns, match objects and the loops
 * behind the re API.
 *
 * Design notes
 * ------------
 * re.py is a thin layer (the cache, the flag enum, module-level functions);
 * the work happens here, as in CPython: Pattern and Match are C types named
 * re.Pattern and re.Match, and search/findall/finditer/split/sub loop in C
 * over sre_exec (sre_match.c) without creating a Match object per step when
 * the caller does not need one.
 *
 * A subject str that is pure ASCII is matched in place (one byte per code
 * point); any other str is decoded once per call into an array of code
 * points, and finditer keeps that array for the iterator's life. Match
 * objects slice the original string by code-point index.
 *
 * Replacement templates ("\1", "\g<name>") are parsed here into a list of
 * literal pieces and group numbers; errors are re.error with CPython's
 * messages. re.error itself is defined in re.py and looked up in
 * sys.modules['re'] when it must be raised.
 */
#include <string.h>

#include "mod/sre.h"
#include "obj/str.h"
#include "runtime/runtime.h"

typedef struct pattern_object {
    gp_object_t base;
    sre_program_t *prog;
    gp_object_t *pattern;    /* the source: str or bytes */
    gp_object_t *groupindex; /* dict: name -> group number */
    gp_object_t *indexgroup; /* tuple: group number -> name or None */
    int flags;
    bool is_bytes;
} pattern_object_t;

typedef struct match_object {
    gp_varobject_t base; /* size: number of regs (2 per group, group 0 included) */
    gp_object_t *string;
    gp_object_t *pattern; /* the Pattern */
    intptr_t pos, endpos;
    intptr_t lastindex;
    intptr_t regs[];
} match_object_t;

/* A prepared subject: the view the matcher reads. */
typedef struct subject_buf {
    sre_subject_t s;
    uint32_t *owned;  /* decoded code points, or NULL */
    uint8_t *owned8;  /* a private copy of a bytearray's contents, or NULL */
} subject_buf_t;

typedef struct scanner_object {
    gp_object_t base;
    gp_object_t *pattern;
    gp_object_t *string;
    subject_buf_t subject;
    intptr_t pos, endpos;
    bool must_advance;
    bool done;
} scanner_object_t;

static gp_type_t pattern_type, match_type, scanner_type;

#define PATTERN(o) ((pattern_object_t *)(o))
#define MATCH(o) ((match_object_t *)(o))
#define SCANNER(o) ((scanner_object_t *)(o))

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

/* Raises re.error(msg, pattern, pos). */
static void raise_re_error(gp_object_t *pattern, intptr_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gp_object_t *msg = gp_str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return;
    gp_object_t *re_mod = gp_dict_getitem_cstr(gp_runtime()->modules, "re");
    gp_object_t *error = re_mod ? gp_object_getattr_cstr(re_mod, "error") : NULL;
    if (!error) {
        gp_err_clear();
        gp_err_set_object(&gp_exc_ValueError, msg);
        GP_DECREF(msg);
        return;
    }
    gp_object_t *posobj = gp_int_from_i64(pos);
    gp_object_t *args[3] = {msg, pattern, posobj};
    gp_object_t *exc = gp_object_call(error, args, 3, NULL);
    GP_DECREF(posobj);
    GP_DECREF(msg);
    GP_DECREF(error);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

/* Checks [string] against the pattern's kind and builds the matcher's view. */
static int subject_prepare(pattern_object_t *p, gp_object_t *string, subject_buf_t *out)
{
    out->owned = NULL;
    out->owned8 = NULL;
    if (!p->is_bytes) {
        if (!gp_str_check(string)) {
            const char *d;
            size_t n;
            if (gp_bytes_like(string, &d, &n))
                gp_err_set_string(&gp_exc_TypeError,
                                  "cannot use a string pattern on a bytes-like object");
            else
                gp_err_format(&gp_exc_TypeError, "expected string or bytes-like object, got '%s'",
                              gp_type_name(GP_TYPE(string)));
            return -1;
        }
        out->s.len = gp_str_length(string);
        if (gp_str_is_ascii(string)) {
            out->s.s8 = (const uint8_t *)gp_str_utf8(string);
            out->s.s32 = NULL;
            return 0;
        }
        uint32_t *cps = gp_mem_alloc(((size_t)out->s.len + 1) * sizeof(uint32_t));
        if (!cps) {
            gp_err_no_memory();
            return -1;
        }
        const unsigned char *s = (const unsigned char *)gp_str_utf8(string);
        for (intptr_t i = 0; i < out->s.len; i++) {
            int k;
            cps[i] = gp_utf8_decode(s, &k);
            s += k;
        }
        out->owned = cps;
        out->s.s8 = NULL;
        out->s.s32 = cps;
        return 0;
    }
    const char *data;
    size_t n;
    if (!gp_bytes_like(string, &data, &n)) {
        if (gp_str_check(string))
            gp_err_set_string(&gp_exc_TypeError,
                              "cannot use a bytes pattern on a string-like object");
        else
            gp_err_format(&gp_exc_TypeError, "expected string or bytes-like object, got '%s'",
                          gp_type_name(GP_TYPE(string)));
        return -1;
    }
    if (!gp_bytes_check(string)) {
        /* A bytearray can be resized by Python code run during the call
           (a sub() callback, another thread while the matcher yields the
           GIL): match against a private copy. */
        out->owned8 = gp_mem_alloc(n + 1);
        if (!out->owned8) {
            gp_err_no_memory();
            return -1;
        }
        memcpy(out->owned8, data, n);
        data = (const char *)out->owned8;
    }
    out->s.s8 = (const uint8_t *)data;
    out->s.s32 = NULL;
    out->s.len = (intptr_t)n;
    return 0;
}

static void subject_release(subject_buf_t *b)
{
    gp_mem_free(b->owned);
    gp_mem_free(b->owned8);
    b->owned = NULL;
    b->owned8 = NULL;
}

/* string[start:end] by code point (or byte) index. */
static gp_object_t *subject_slice(gp_object_t *string, bool is_bytes, intptr_t start, intptr_t end)
{
    if (is_bytes) {
        /* A bytearray may have shrunk since the match: clamp like a slice. */
        const char *d = gp_bytes_data(string);
        intptr_t len = (intptr_t)gp_bytes_len(string);
        if (end > len)
            end = len;
        if (start > end)
            start = end;
        if (GP_IS_TYPE(string, gp_bytes_type) && start == 0 && end == len)
            return GP_INCREF(string);
        return gp_bytes_new(d + start, (size_t)(end - start));
    }
    if (gp_str_check_exact(string) && start == 0 && end == gp_str_length(string))
        return GP_INCREF(string);
    if (gp_str_is_ascii(string))
        return gp_str_new_trusted(gp_str_utf8(string) + start, (size_t)(end - start), end - start,
                                  true);
    const char *a = gp_str_at(string, start);
    const char *b = gp_str_at(string, end);
    return gp_str_new_trusted(a, (size_t)(b - a), end - start, false);
}

/* Reads an optional pos/endpos argument and clamps it to [0, length]. */
static int index_arg(gp_object_t *o, intptr_t dflt, intptr_t length, intptr_t *out)
{
    intptr_t v = dflt;
    if (o) {
        v = gp_number_as_ssize(o, NULL);
        if (v == -1 && gp_err_occurred())
            return -1;
    }
    if (v < 0)
        v = 0;
    if (v > length)
        v = length;
    *out = v;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Match objects                                                        */
/* ------------------------------------------------------------------ */

static gp_object_t *match_new(pattern_object_t *p, gp_object_t *string, intptr_t pos,
                              intptr_t endpos, const intptr_t *regs, intptr_t lastindex)
{
    size_t nregs = 2 * ((size_t)p->prog->ngroups + 1);
    match_object_t *m = (match_object_t *)gp_object_alloc(&match_type, nregs);
    if (!m)
        return NULL;
    m->string = GP_INCREF(string);
    m->pattern = GP_INCREF((gp_object_t *)p);
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = lastindex;
    memcpy(m->regs, regs, nregs * sizeof(intptr_t));
    return (gp_object_t *)m;
}

static void match_dealloc(gp_object_t *self)
{
    GP_XDECREF(MATCH(self)->string);
    GP_XDECREF(MATCH(self)->pattern);
    gp_object_free(self);
}

static intptr_t match_ngroups(match_object_t *m) { return m->base.size / 2; }

static bool match_is_bytes(match_object_t *m) { return PATTERN(m->pattern)->is_bytes; }

/* The group number [index] names: an int or a group name. */
static intptr_t match_group_index(match_object_t *m, gp_object_t *index)
{
    intptr_t i = -1;
    if (gp_int_check(index)) {
        int overflow;
        i = gp_int_as_i64_overflow(index, &overflow);
        if (overflow)
            i = -1;
    } else if (gp_str_check(index)) {
        gp_object_t *g = gp_dict_getitem(PATTERN(m->pattern)->groupindex, index);
        if (g)
            i = gp_int_as_i64(g);
        else if (gp_err_occurred())
            return -1;
    } else {
        gp_type_t *t = GP_TYPE(index);
        if (t->to_index) {
            i = gp_number_as_ssize(index, NULL);
            if (i == -1 && gp_err_occurred())
                return -1;
        }
    }
    if (i < 0 || i >= match_ngroups(m)) {
        gp_err_set_string(&gp_exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static gp_object_t *match_group_value(match_object_t *m, intptr_t g, gp_object_t *dflt)
{
    intptr_t s = m->regs[2 * g], e = m->regs[2 * g + 1];
    if (s < 0 || e < 0)
        return GP_INCREF(dflt);
    return subject_slice(m->string, match_is_bytes(m), s, e);
}

static gp_object_t *match_group(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    match_object_t *m = MATCH(self);
    if (kwnames && GP_TUPLE_SIZE(kwnames)) {
        gp_err_set_string(&gp_exc_TypeError, "group() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 0)
        return match_group_value(m, 0, gp_None);
    if (nargs == 1) {
        intptr_t g = match_group_index(m, args[0]);
        return g < 0 ? NULL : match_group_value(m, g, gp_None);
    }
    gp_object_t *t = gp_tuple_new(nargs);
    if (!t)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        intptr_t g = match_group_index(m, args[i]);
        gp_object_t *v = g < 0 ? NULL : match_group_value(m, g, gp_None);
        if (!v) {
            for (size_t k = i; k < nargs; k++)
                GP_TUPLE_SET(t, k, gp_none_new());
            GP_DECREF(t);
            return NULL;
        }
        GP_TUPLE_SET(t, i, v);
    }
    return t;
}

static gp_object_t *match_getitem(gp_object_t *self, gp_object_t *key)
{
    intptr_t g = match_group_index(MATCH(self), key);
    return g < 0 ? NULL : match_group_value(MATCH(self), g, gp_None);
}

static gp_object_t *match_groups(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"default", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("groups", args, nargs, kwnames, names, 0, v) < 0)
        return NULL;
    gp_object_t *dflt = v[0] ? v[0] : gp_None;
    match_object_t *m = MATCH(self);
    intptr_t n = match_ngroups(m) - 1;
    gp_object_t *t = gp_tuple_new((size_t)n);
    if (!t)
        return NULL;
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *item = match_group_value(m, i + 1, dflt);
        if (!item) {
            for (intptr_t k = i; k < n; k++)
                GP_TUPLE_SET(t, k, gp_none_new());
            GP_DECREF(t);
            return NULL;
        }
        GP_TUPLE_SET(t, i, item);
    }
    return t;
}

static gp_object_t *match_groupdict(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    static const char *const names[] = {"default", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("groupdict", args, nargs, kwnames, names, 0, v) < 0)
        return NULL;
    gp_object_t *dflt = v[0] ? v[0] : gp_None;
    match_object_t *m = MATCH(self);
    gp_object_t *d = gp_dict_new();
    if (!d)
        return NULL;
    intptr_t pos = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(PATTERN(m->pattern)->groupindex, &pos, &key, &value)) {
        gp_object_t *item = match_group_value(m, gp_int_as_i64(value), dflt);
        if (!item || gp_dict_setitem(d, key, item) < 0) {
            GP_XDECREF(item);
            GP_DECREF(d);
            return NULL;
        }
        GP_DECREF(item);
    }
    return d;
}

/* start/end/span take an optional group. */
static intptr_t match_group_arg(match_object_t *m, const char *fname, gp_object_t *const *args,
                                size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check(fname, nargs, kwnames, 0, 1) < 0)
        return -1;
    return nargs ? match_group_index(m, args[0]) : 0;
}

static gp_object_t *match_start(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    intptr_t g = match_group_arg(MATCH(self), "start", args, nargs, kwnames);
    return g < 0 ? NULL : gp_int_from_i64(MATCH(self)->regs[2 * g]);
}

static gp_object_t *match_end(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    intptr_t g = match_group_arg(MATCH(self), "end", args, nargs, kwnames);
    return g < 0 ? NULL : gp_int_from_i64(MATCH(self)->regs[2 * g + 1]);
}

static gp_object_t *span_tuple(intptr_t a, intptr_t b)
{
    gp_object_t *x = gp_int_from_i64(a), *y = gp_int_from_i64(b);
    gp_object_t *t = (x && y) ? gp_tuple_pack(2, x, y) : NULL;
    GP_XDECREF(x);
    GP_XDECREF(y);
    return t;
}

static gp_object_t *match_span(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    intptr_t g = match_group_arg(MATCH(self), "span", args, nargs, kwnames);
    return g < 0 ? NULL : span_tuple(MATCH(self)->regs[2 * g], MATCH(self)->regs[2 * g + 1]);
}

static gp_object_t *template_expand(pattern_object_t *p, gp_object_t *tmpl, match_object_t *m);

static gp_object_t *match_expand(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"template", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("expand", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    match_object_t *m = MATCH(self);
    return template_expand(PATTERN(m->pattern), v[0], m);
}

static gp_object_t *return_self(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return GP_INCREF(self);
}

static gp_object_t *class_getitem(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return GP_INCREF(cls);
}

static gp_object_t *match_repr(gp_object_t *self)
{
    match_object_t *m = MATCH(self);
    gp_object_t *g = match_group_value(m, 0, gp_None);
    if (!g)
        return NULL;
    gp_object_t *r = gp_object_repr(g);
    GP_DECREF(g);
    if (!r)
        return NULL;
    /* CPython prints the repr truncated to 50 characters (%.50R). */
    gp_object_t *cut = r;
    if (gp_str_length(r) > 50) {
        const char *a = gp_str_utf8(r);
        const char *b = gp_str_at(r, 50);
        cut = gp_str_from_utf8(a, (size_t)(b - a));
        GP_DECREF(r);
        if (!cut)
            return NULL;
    }
    gp_object_t *res = gp_str_from_format("<re.Match object; span=(%zd, %zd), match=%U>",
                                          m->regs[0], m->regs[1], cut);
    GP_DECREF(cut);
    return res;
}

static gp_object_t *match_get_string(gp_object_t *self, void *c) { return GP_INCREF(MATCH(self)->string); }
static gp_object_t *match_get_re(gp_object_t *self, void *c) { return GP_INCREF(MATCH(self)->pattern); }
static gp_object_t *match_get_pos(gp_object_t *self, void *c) { return gp_int_from_i64(MATCH(self)->pos); }
static gp_object_t *match_get_endpos(gp_object_t *self, void *c) { return gp_int_from_i64(MATCH(self)->endpos); }

static gp_object_t *match_get_lastindex(gp_object_t *self, void *c)
{
    intptr_t i = MATCH(self)->lastindex;
    return i < 0 ? gp_none_new() : gp_int_from_i64(i);
}

static gp_object_t *match_get_lastgroup(gp_object_t *self, void *c)
{
    match_object_t *m = MATCH(self);
    if (m->lastindex < 0)
        return gp_none_new();
    gp_object_t *names = PATTERN(m->pattern)->indexgroup;
    if (m->lastindex >= GP_TUPLE_SIZE(names))
        return gp_none_new();
    return GP_INCREF(GP_TUPLE_GET(names, m->lastindex));
}

static gp_object_t *match_get_regs(gp_object_t *self, void *c)
{
    match_object_t *m = MATCH(self);
    intptr_t n = match_ngroups(m);
    gp_object_t *t = gp_tuple_new((size_t)n);
    if (!t)
        return NULL;
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *s = span_tuple(m->regs[2 * i], m->regs[2 * i + 1]);
        if (!s) {
            for (intptr_t k = i; k < n; k++)
                GP_TUPLE_SET(t, k, gp_none_new());
            GP_DECREF(t);
            return NULL;
        }
        GP_TUPLE_SET(t, i, s);
    }
    return t;
}

static const gp_method_def_t match_methods[] = {
    {"group", match_group, GP_METH_KEYWORDS, NULL},
    {"groups", match_groups, GP_METH_KEYWORDS, NULL},
    {"groupdict", match_groupdict, GP_METH_KEYWORDS, NULL},
    {"start", match_start, 0, NULL},
    {"end", match_end, 0, NULL},
    {"span", match_span, 0, NULL},
    {"expand", match_expand, GP_METH_KEYWORDS, NULL},
    {"__copy__", return_self, 0, NULL},
    {"__deepcopy__", return_self, 0, NULL},
    {"__class_getitem__", class_getitem, GP_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t match_getsets[] = {
    {"string", match_get_string, NULL, NULL, NULL},
    {"re", match_get_re, NULL, NULL, NULL},
    {"pos", match_get_pos, NULL, NULL, NULL},
    {"endpos", match_get_endpos, NULL, NULL, NULL},
    {"lastindex", match_get_lastindex, NULL, NULL, NULL},
    {"lastgroup", match_get_lastgroup, NULL, NULL, NULL},
    {"regs", match_get_regs, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t match_type = {
    GP_TYPE_HEAD_INIT,
    .name = "re.Match",
    .basicsize = sizeof(match_object_t),
    .itemsize = sizeof(intptr_t),
    .dealloc = match_dealloc,
    .repr = match_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .getitem = match_getitem,
    .methods = match_methods,
    .getsets = match_getsets,
};

/* ------------------------------------------------------------------ */
/* Running a pattern                                                    */
/* ------------------------------------------------------------------ */

/* One match attempt with a fresh register buffer. Returns the Match, None,
   or NULL on error. */
static gp_object_t *pattern_run(pattern_object_t *p, gp_object_t *string, const subject_buf_t *sb,
                                sre_request_t *req, intptr_t pos, intptr_t endpos)
{
    size_t nregs = 2 * ((size_t)p->prog->ngroups + 1);
    intptr_t small[32];
    intptr_t *regs = nregs <= 32 ? small : gp_mem_alloc(nregs * sizeof(intptr_t));
    if (!regs) {
        gp_err_no_memory();
        return NULL;
    }
    intptr_t lastindex;
    int rc = sre_exec(p->prog, &sb->s, req, regs, &lastindex);
    gp_object_t *res = NULL;
    if (rc > 0)
        res = match_new(p, string, pos, endpos, regs, lastindex);
    else if (rc == 0)
        res = gp_none_new();
    if (regs != small)
        gp_mem_free(regs);
    return res;
}

/* match / fullmatch / search: (string, pos=0, endpos=maxsize). */
static gp_object_t *pattern_match_common(gp_object_t *self, const char *fname,
                                         gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames, bool search, bool full)
{
    static const char *const names[] = {"string", "pos", "endpos", NULL};
    gp_object_t *v[3];
    if (gp_args_parse(fname, args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    pattern_object_t *p = PATTERN(self);
    subject_buf_t sb;
    if (subject_prepare(p, v[0], &sb) < 0)
        return NULL;
    intptr_t pos, endpos;
    if (index_arg(v[1], 0, sb.s.len, &pos) < 0 || index_arg(v[2], sb.s.len, sb.s.len, &endpos) < 0) {
        subject_release(&sb);
        return NULL;
    }
    gp_object_t *res;
    if (pos > endpos) {
        res = gp_none_new();
    } else {
        sre_request_t req = {pos, endpos, search, full, false};
        res = pattern_run(p, v[0], &sb, &req, pos, endpos);
    }
    subject_release(&sb);
    return res;
}

static gp_object_t *pattern_match(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return pattern_match_common(self, "match", args, nargs, kwnames, false, false);
}

static gp_object_t *pattern_fullmatch(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    return pattern_match_common(self, "fullmatch", args, nargs, kwnames, false, true);
}

static gp_object_t *pattern_search(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    return pattern_match_common(self, "search", args, nargs, kwnames, true, false);
}

/* Iterates over successive non-overlapping matches, calling [each] with
   the registers; [limit] 0 means unlimited. Returns the number of matches
   or -1. */
typedef int (*match_visit_fn)(void *ctx, const intptr_t *regs, intptr_t lastindex);

static intptr_t pattern_each(pattern_object_t *p, const subject_buf_t *sb, intptr_t pos,
                             intptr_t endpos, intptr_t limit, match_visit_fn each, void *ctx)
{
    size_t nregs = 2 * ((size_t)p->prog->ngroups + 1);
    intptr_t small[32];
    intptr_t *regs = nregs <= 32 ? small : gp_mem_alloc(nregs * sizeof(intptr_t));
    if (!regs) {
        gp_err_no_memory();
        return -1;
    }
    intptr_t count = 0;
    bool must_advance = false;
    while (pos <= endpos && (limit == 0 || count < limit)) {
        sre_request_t req = {pos, endpos, true, false, must_advance};
        intptr_t lastindex;
        int rc = sre_exec(p->prog, &sb->s, &req, regs, &lastindex);
        if (rc < 0) {
            count = -1;
            break;
        }
        if (rc == 0)
            break;
        count++;
        if (each(ctx, regs, lastindex) < 0) {
            count = -1;
            break;
        }
        must_advance = regs[1] == regs[0];
        pos = regs[1];
    }
    if (regs != small)
        gp_mem_free(regs);
    return count;
}

/* findall */
typedef struct findall_ctx {
    pattern_object_t *p;
    gp_object_t *string;
    gp_object_t *list;
} findall_ctx_t;

static gp_object_t *regs_group(pattern_object_t *p, gp_object_t *string, const intptr_t *regs,
                               intptr_t g, gp_object_t *dflt)
{
    if (regs[2 * g] < 0 || regs[2 * g + 1] < 0)
        return GP_INCREF(dflt);
    return subject_slice(string, p->is_bytes, regs[2 * g], regs[2 * g + 1]);
}

static gp_object_t *empty_like(pattern_object_t *p)
{
    return p->is_bytes ? gp_bytes_new("", 0) : gp_str_empty();
}

static int findall_visit(void *vctx, const intptr_t *regs, intptr_t lastindex)
{
    findall_ctx_t *c = vctx;
    pattern_object_t *p = c->p;
    uint32_t ng = p->prog->ngroups;
    gp_object_t *item;
    gp_object_t *empty = empty_like(p);
    if (!empty)
        return -1;
    if (ng == 0) {
        item = regs_group(p, c->string, regs, 0, empty);
    } else if (ng == 1) {
        item = regs_group(p, c->string, regs, 1, empty);
    } else {
        item = gp_tuple_new(ng);
        if (item) {
            for (uint32_t g = 0; g < ng; g++) {
                gp_object_t *v = regs_group(p, c->string, regs, g + 1, empty);
                if (!v) {
                    for (uint32_t k = g; k < ng; k++)
                        GP_TUPLE_SET(item, k, gp_none_new());
                    GP_DECREF(item);
                    item = NULL;
                    break;
                }
                GP_TUPLE_SET(item, g, v);
            }
        }
    }
    GP_DECREF(empty);
    if (!item)
        return -1;
    int rc = gp_list_append(c->list, item);
    GP_DECREF(item);
    return rc;
}

static gp_object_t *pattern_findall(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    static const char *const names[] = {"string", "pos", "endpos", NULL};
    gp_object_t *v[3];
    if (gp_args_parse("findall", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    pattern_object_t *p = PATTERN(self);
    subject_buf_t sb;
    if (subject_prepare(p, v[0], &sb) < 0)
        return NULL;
    intptr_t pos, endpos;
    gp_object_t *list = NULL;
    if (index_arg(v[1], 0, sb.s.len, &pos) < 0 || index_arg(v[2], sb.s.len, sb.s.len, &endpos) < 0)
        goto done;
    list = gp_list_new(0);
    if (!list)
        goto done;
    findall_ctx_t ctx = {p, v[0], list};
    if (pattern_each(p, &sb, pos, endpos, 0, findall_visit, &ctx) < 0)
        GP_CLEAR(list);
done:
    subject_release(&sb);
    return list;
}

/* split */
typedef struct split_ctx {
    pattern_object_t *p;
    gp_object_t *string;
    gp_object_t *list;
    intptr_t last;
} split_ctx_t;

static int split_visit(void *vctx, const intptr_t *regs, intptr_t lastindex)
{
    split_ctx_t *c = vctx;
    gp_object_t *piece = subject_slice(c->string, c->p->is_bytes, c->last, regs[0]);
    if (!piece || gp_list_append(c->list, piece) < 0) {
        GP_XDECREF(piece);
        return -1;
    }
    GP_DECREF(piece);
    for (uint32_t g = 1; g <= c->p->prog->ngroups; g++) {
        gp_object_t *v = regs_group(c->p, c->string, regs, g, gp_None);
        if (!v || gp_list_append(c->list, v) < 0) {
            GP_XDECREF(v);
            return -1;
        }
        GP_DECREF(v);
    }
    c->last = regs[1];
    return 0;
}

static gp_object_t *pattern_split(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    static const char *const names[] = {"string", "maxsplit", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("split", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    pattern_object_t *p = PATTERN(self);
    intptr_t maxsplit = 0;
    if (v[1]) {
        maxsplit = gp_number_as_ssize(v[1], NULL);
        if (maxsplit == -1 && gp_err_occurred())
            return NULL;
    }
    subject_buf_t sb;
    if (subject_prepare(p, v[0], &sb) < 0)
        return NULL;
    gp_object_t *list = gp_list_new(0);
    if (!list)
        goto done;
    if (maxsplit < 0) {
        /* CPython: a negative maxsplit means no split at all. */
        gp_object_t *whole = subject_slice(v[0], p->is_bytes, 0, sb.s.len);
        if (!whole || gp_list_append(list, whole) < 0)
            GP_CLEAR(list);
        GP_XDECREF(whole);
        goto done;
    }
    split_ctx_t ctx = {p, v[0], list, 0};
    if (pattern_each(p, &sb, 0, sb.s.len, maxsplit, split_visit, &ctx) < 0) {
        GP_CLEAR(list);
        goto done;
    }
    gp_object_t *rest = subject_slice(v[0], p->is_bytes, ctx.last, sb.s.len);
    if (!rest || gp_list_append(list, rest) < 0)
        GP_CLEAR(list);
    GP_XDECREF(rest);
done:
    subject_release(&sb);
    return list;
}

/* ------------------------------------------------------------------ */
/* Replacement templates                                                */
/* ------------------------------------------------------------------ */

/* A parsed template: literal pieces and group references in order. */
typedef struct template_item {
    intptr_t group;       /* -1: a literal */
    gp_object_t *literal; /* str or bytes */
} template_item_t;

typedef struct template {
    template_item_t *items;
    size_t n, cap;
} template_t;

static void template_free(template_t *t)
{
    for (size_t i = 0; i < t->n; i++)
        GP_XDECREF(t->items[i].literal);
    gp_mem_free(t->items);
    t->items = NULL;
    t->n = t->cap = 0;
}

static int template_add(template_t *t, intptr_t group, gp_object_t *literal)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        template_item_t *items = gp_mem_realloc(t->items, cap * sizeof(template_item_t));
        if (!items) {
            GP_XDECREF(literal);
            gp_err_no_memory();
            return -1;
        }
        t->items = items;
        t->cap = cap;
    }
    t->items[t->n].group = group;
    t->items[t->n].literal = literal; /* stolen */
    t->n++;
    return 0;
}

/* A literal accumulator: code points in a growable array. */
typedef struct lit_buf {
    uint32_t *cps;
    size_t n, cap;
} lit_buf_t;

static int lit_push(lit_buf_t *b, uint32_t c)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        uint32_t *cps = gp_mem_realloc(b->cps, cap * sizeof(uint32_t));
        if (!cps) {
            gp_err_no_memory();
            return -1;
        }
        b->cps = cps;
        b->cap = cap;
    }
    b->cps[b->n++] = c;
    return 0;
}

static gp_object_t *lit_object(const uint32_t *cps, size_t n, bool is_bytes)
{
    if (is_bytes) {
        char *tmp = gp_mem_alloc(n + 1);
        if (!tmp) {
            gp_err_no_memory();
            return NULL;
        }
        for (size_t i = 0; i < n; i++)
            tmp[i] = (char)cps[i];
        gp_object_t *r = gp_bytes_new(tmp, n);
        gp_mem_free(tmp);
        return r;
    }
    gp_strbuf_t sb;
    gp_strbuf_init(&sb);
    for (size_t i = 0; i < n; i++)
        gp_strbuf_append_codepoint(&sb, cps[i]);
    return gp_strbuf_finish(&sb);
}

/* Flushes the pending literal into the template. */
static int lit_flush(template_t *t, lit_buf_t *b, bool is_bytes)
{
    if (b->n == 0)
        return 0;
    gp_object_t *lit = lit_object(b->cps, b->n, is_bytes);
    b->n = 0;
    if (!lit)
        return -1;
    return template_add(t, -1, lit);
}

static bool tmpl_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool tmpl_is_octal(uint32_t c) { return c >= '0' && c <= '7'; }

static bool tmpl_name_ok(const uint32_t *s, size_t n, bool is_bytes)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        bool ok = c == '_' || (c < 128 ? ((c | 32) >= 'a' && (c | 32) <= 'z') ||
                                            (i > 0 && c >= '0' && c <= '9')
                                      : !is_bytes && (i == 0 ? gp_unicode_isxid_start(c)
                                                              : gp_unicode_isxid_continue(c)));
        if (!ok)
            return false;
    }
    return true;
}

static gp_object_t *cps_to_str(const uint32_t *s, size_t n)
{
    gp_strbuf_t sb;
    gp_strbuf_init(&sb);
    for (size_t i = 0; i < n; i++)
        gp_strbuf_append_codepoint(&sb, s[i]);
    return gp_strbuf_finish(&sb);
}

/* Parses [tmpl] (already type-checked) for pattern [p]. */
static int template_parse(pattern_object_t *p, gp_object_t *tmpl, template_t *t)
{
    subject_buf_t sb;
    if (subject_prepare(p, tmpl, &sb) < 0)
        return -1;
    const sre_subject_t *s = &sb.s;
    intptr_t n = s->len;
    lit_buf_t lit = {NULL, 0, 0};
    intptr_t ngroups = p->prog->ngroups;
    intptr_t i = 0;
    int rc = -1;
    while (i < n) {
        uint32_t c = sre_subject_at(s, i);
        if (c != '\\') {
            if (lit_push(&lit, c) < 0)
                goto done;
            i++;
            continue;
        }
        intptr_t start = i;
        i++;
        if (i >= n) {
            raise_re_error(tmpl, start, "bad escape (end of pattern)");
            goto done;
        }
        c = sre_subject_at(s, i++);
        if (c == 'g') {
            if (i >= n || sre_subject_at(s, i) != '<') {
                raise_re_error(tmpl, i, "missing <");
                goto done;
            }
            i++;
            intptr_t name_start = i;
            while (i < n && sre_subject_at(s, i) != '>')
                i++;
            if (i >= n) {
                if (name_start == n)
                    raise_re_error(tmpl, name_start, "missing group name");
                else
                    raise_re_error(tmpl, name_start, "missing >, unterminated name");
                goto done;
            }
            intptr_t name_end = i++;
            if (name_end == name_start) {
                raise_re_error(tmpl, name_start, "missing group name");
                goto done;
            }
            size_t nlen = (size_t)(name_end - name_start);
            uint32_t *name = gp_mem_alloc(nlen * sizeof(uint32_t));
            if (!name) {
                gp_err_no_memory();
                goto done;
            }
            bool digits = true;
            for (size_t k = 0; k < nlen; k++) {
                name[k] = sre_subject_at(s, name_start + (intptr_t)k);
                digits = digits && tmpl_is_digit(name[k]);
            }
            intptr_t g;
            if (digits) {
                g = 0;
                for (size_t k = 0; k < nlen && g <= ngroups; k++)
                    g = g * 10 + (name[k] - '0');
                if (g > ngroups) {
                    gp_object_t *text = cps_to_str(name, nlen);
                    if (text) {
                        raise_re_error(tmpl, name_start, "invalid group reference %U", text);
                        GP_DECREF(text);
                    }
                    gp_mem_free(name);
                    goto done;
                }
            } else {
                gp_object_t *text = cps_to_str(name, nlen);
                bool ok = tmpl_name_ok(name, nlen, p->is_bytes);
                gp_mem_free(name);
                if (!text)
                    goto done;
                if (!ok) {
                    raise_re_error(tmpl, name_start, "bad character in group name %R", text);
                    GP_DECREF(text);
                    goto done;
                }
                gp_object_t *gv = gp_dict_getitem(p->groupindex, text);
                if (!gv) {
                    if (!gp_err_occurred())
                        gp_err_format(&gp_exc_IndexError, "unknown group name %R", text);
                    GP_DECREF(text);
                    goto done;
                }
                GP_DECREF(text);
                g = gp_int_as_i64(gv);
                name = NULL;
            }
            gp_mem_free(name);
            if (lit_flush(t, &lit, p->is_bytes) < 0 || template_add(t, g, NULL) < 0)
                goto done;
            continue;
        }
        if (c == '0') {
            uint32_t v = 0;
            for (int k = 0; k < 2 && i < n && tmpl_is_octal(sre_subject_at(s, i)); k++)
                v = v * 8 + (sre_subject_at(s, i++) - '0');
            if (lit_push(&lit, v) < 0)
                goto done;
            continue;
        }
        if (tmpl_is_digit(c)) {
            intptr_t g = c - '0';
            if (i < n && tmpl_is_digit(sre_subject_at(s, i))) {
                uint32_t d = sre_subject_at(s, i);
                if (tmpl_is_octal(c) && tmpl_is_octal(d) && i + 1 < n &&
                    tmpl_is_octal(sre_subject_at(s, i + 1))) {
                    uint32_t v = (c - '0') * 64 + (d - '0') * 8 + (sre_subject_at(s, i + 1) - '0');
                    i += 2;
                    if (v > 0377) {
                        gp_object_t *text = NULL;
                        if (!p->is_bytes)
                            text = subject_slice(tmpl, false, start, i);
                        else
                            text = gp_str_from_format("\\%c%c%c", (int)c, (int)d,
                                                      (int)sre_subject_at(s, i - 1));
                        if (text) {
                            raise_re_error(tmpl, start,
                                           "octal escape value %U outside of range 0-0o377", text);
                            GP_DECREF(text);
                        }
                        goto done;
                    }
                    if (lit_push(&lit, v) < 0)
                        goto done;
                    continue;
                }
                g = g * 10 + (d - '0');
                i++;
            }
            if (g > ngroups) {
                raise_re_error(tmpl, start + 1, "invalid group reference %zd", g);
                goto done;
            }
            if (lit_flush(t, &lit, p->is_bytes) < 0 || template_add(t, g, NULL) < 0)
                goto done;
            continue;
        }
        uint32_t e;
        switch (c) {
        case 'a': e = 7; break;
        case 'b': e = 8; break;
        case 'f': e = 12; break;
        case 'n': e = 10; break;
        case 'r': e = 13; break;
        case 't': e = 9; break;
        case 'v': e = 11; break;
        case '\\': e = '\\'; break;
        default:
            if (c < 128 && (((c | 32) >= 'a' && (c | 32) <= 'z'))) {
                raise_re_error(tmpl, start, "bad escape \\%c", (int)c);
                goto done;
            }
            /* Unknown non-letter escapes stay as they are. */
            if (lit_push(&lit, '\\') < 0)
                goto done;
            e = c;
            break;
        }
        if (lit_push(&lit, e) < 0)
            goto done;
    }
    if (lit_flush(t, &lit, p->is_bytes) < 0)
        goto done;
    rc = 0;
done:
    gp_mem_free(lit.cps);
    subject_release(&sb);
    if (rc < 0)
        template_free(t);
    return rc;
}

/* Appends the template's expansion for a match to [out]. */
static int template_apply(pattern_object_t *p, const template_t *t, gp_object_t *string,
                          const intptr_t *regs, gp_strbuf_t *out)
{
    for (size_t i = 0; i < t->n; i++) {
        const template_item_t *it = &t->items[i];
        if (it->group < 0) {
            if (p->is_bytes)
                gp_strbuf_append(out, gp_bytes_data(it->literal), gp_bytes_len(it->literal));
            else
                gp_strbuf_append_str(out, it->literal);
            continue;
        }
        intptr_t s = regs[2 * it->group], e = regs[2 * it->group + 1];
        if (s < 0 || e < 0)
            continue;
        if (p->is_bytes) {
            intptr_t len = (intptr_t)gp_bytes_len(string); /* a bytearray may have shrunk */
            if (e > len)
                e = len;
            if (s < e)
                gp_strbuf_append(out, gp_bytes_data(string) + s, (size_t)(e - s));
        } else if (gp_str_is_ascii(string)) {
            gp_strbuf_append(out, gp_str_utf8(string) + s, (size_t)(e - s));
        } else {
            const char *a = gp_str_at(string, s), *b = gp_str_at(string, e);
            gp_strbuf_append(out, a, (size_t)(b - a));
        }
    }
    return out->failed ? -1 : 0;
}

/* The buffer as the result type: str, or bytes for bytes patterns. */
static gp_object_t *buffer_finish(gp_strbuf_t *b, bool is_bytes)
{
    if (!is_bytes)
        return gp_strbuf_finish(b);
    if (b->failed) {
        gp_strbuf_discard(b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r = gp_bytes_new(b->data ? b->data : "", b->len);
    gp_strbuf_discard(b);
    return r;
}

static int check_template_type(pattern_object_t *p, gp_object_t *tmpl)
{
    const char *d;
    size_t n;
    if (p->is_bytes ? gp_bytes_like(tmpl, &d, &n) : gp_str_check(tmpl))
        return 0;
    if (p->is_bytes)
        gp_err_format(&gp_exc_TypeError, "expected a bytes-like object, %s found",
                      gp_type_name(GP_TYPE(tmpl)));
    else
        gp_err_format(&gp_exc_TypeError, "expected str instance, %s found",
                      gp_type_name(GP_TYPE(tmpl)));
    return -1;
}

static gp_object_t *template_expand(pattern_object_t *p, gp_object_t *tmpl, match_object_t *m)
{
    if (check_template_type(p, tmpl) < 0)
        return NULL;
    template_t t = {NULL, 0, 0};
    if (template_parse(p, tmpl, &t) < 0)
        return NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    template_apply(p, &t, m->string, m->regs, &b);
    template_free(&t);
    return buffer_finish(&b, p->is_bytes);
}

/* sub / subn */
typedef struct sub_ctx {
    pattern_object_t *p;
    gp_object_t *string;
    const subject_buf_t *sb;
    gp_object_t *callable; /* or NULL */
    template_t *tmpl;      /* or NULL (then [literal]) */
    gp_object_t *literal;
    intptr_t pos, endpos;
    intptr_t last;
    gp_strbuf_t out;
} sub_ctx_t;

static void append_subject(sub_ctx_t *c, intptr_t s, intptr_t e)
{
    if (e <= s)
        return;
    if (c->sb->s.s8) {
        gp_strbuf_append(&c->out, (const char *)c->sb->s.s8 + s, (size_t)(e - s));
    } else {
        const char *a = gp_str_at(c->string, s), *b = gp_str_at(c->string, e);
        gp_strbuf_append(&c->out, a, (size_t)(b - a));
    }
}

static int sub_visit(void *vctx, const intptr_t *regs, intptr_t lastindex)
{
    sub_ctx_t *c = vctx;
    append_subject(c, c->last, regs[0]);
    c->last = regs[1];
    if (c->callable) {
        gp_object_t *m = match_new(c->p, c->string, c->pos, c->endpos, regs, lastindex);
        if (!m)
            return -1;
        gp_object_t *r = gp_object_call1(c->callable, m);
        GP_DECREF(m);
        if (!r)
            return -1;
        int rc = 0;
        if (r != gp_None) {
            const char *d;
            size_t n;
            if (!c->p->is_bytes && gp_str_check(r)) {
                gp_strbuf_append_str(&c->out, r);
            } else if (c->p->is_bytes && gp_bytes_like(r, &d, &n)) {
                gp_strbuf_append(&c->out, d, n);
            } else {
                gp_err_format(&gp_exc_TypeError, "expected %s instance, %s found",
                              c->p->is_bytes ? "a bytes-like object" : "str",
                              gp_type_name(GP_TYPE(r)));
                rc = -1;
            }
        }
        GP_DECREF(r);
        return rc;
    }
    if (c->tmpl)
        return template_apply(c->p, c->tmpl, c->string, regs, &c->out);
    if (c->p->is_bytes)
        gp_strbuf_append(&c->out, gp_bytes_data(c->literal), gp_bytes_len(c->literal));
    else
        gp_strbuf_append_str(&c->out, c->literal);
    return 0;
}

static gp_object_t *pattern_sub_common(gp_object_t *self, const char *fname,
                                       gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames, bool with_count)
{
    static const char *const names[] = {"repl", "string", "count", NULL};
    gp_object_t *v[3];
    if (gp_args_parse(fname, args, nargs, kwnames, names, 2, v) < 0)
        return NULL;
    pattern_object_t *p = PATTERN(self);
    intptr_t count = 0;
    if (v[2]) {
        count = gp_number_as_ssize(v[2], NULL);
        if (count == -1 && gp_err_occurred())
            return NULL;
    }
    gp_object_t *repl = v[0], *string = v[1];
    subject_buf_t sb;
    if (subject_prepare(p, string, &sb) < 0)
        return NULL;
    sub_ctx_t c;
    memset(&c, 0, sizeof(c));
    c.p = p;
    c.string = string;
    c.sb = &sb;
    c.endpos = sb.s.len;
    template_t t = {NULL, 0, 0};
    gp_object_t *result = NULL;
    intptr_t n = 0;
    gp_strbuf_init(&c.out);
    if (gp_object_is_callable(repl)) {
        c.callable = repl;
    } else {
        if (check_template_type(p, repl) < 0)
            goto fail;
        const char *d;
        size_t len;
        if (p->is_bytes) {
            gp_bytes_like(repl, &d, &len);
        } else {
            d = gp_str_utf8(repl);
            len = gp_str_utf8_len(repl);
        }
        if (memchr(d, '\\', len)) {
            if (template_parse(p, repl, &t) < 0)
                goto fail;
            c.tmpl = &t;
        } else {
            c.literal = repl;
        }
    }
    if (count < 0)
        count = 0; /* CPython treats a negative count like no limit... */
    n = pattern_each(p, &sb, 0, sb.s.len, count, sub_visit, &c);
    if (n < 0)
        goto fail;
    if (n == 0 && gp_str_check_exact(string) && !p->is_bytes) {
        result = GP_INCREF(string);
        gp_strbuf_discard(&c.out);
    } else {
        append_subject(&c, c.last, sb.s.len);
        result = buffer_finish(&c.out, p->is_bytes);
    }
    template_free(&t);
    subject_release(&sb);
    if (!result || !with_count)
        return result;
    gp_object_t *num = gp_int_from_i64(n);
    gp_object_t *pair = num ? gp_tuple_pack(2, result, num) : NULL;
    GP_XDECREF(num);
    GP_DECREF(result);
    return pair;
fail:
    gp_strbuf_discard(&c.out);
    template_free(&t);
    subject_release(&sb);
    return NULL;
}

static gp_object_t *pattern_sub(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return pattern_sub_common(self, "sub", args, nargs, kwnames, false);
}

static gp_object_t *pattern_subn(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return pattern_sub_common(self, "subn", args, nargs, kwnames, true);
}

/* ------------------------------------------------------------------ */
/* finditer: the scanner iterator                                       */
/* ------------------------------------------------------------------ */

static gp_object_t *scanner_next_match(gp_object_t *self, bool search)
{
    scanner_object_t *s = SCANNER(self);
    if (s->done || s->pos > s->endpos)
        return gp_none_new();
    pattern_object_t *p = PATTERN(s->pattern);
    sre_request_t req = {s->pos, s->endpos, search, false, s->must_advance};
    gp_object_t *m = pattern_run(p, s->string, &s->subject, &req, s->pos, s->endpos);
    if (!m)
        return NULL;
    if (m == gp_None) {
        s->done = true;
        return m;
    }
    /* CPython's Match.pos for finditer matches is the scanner's pos then. */
    match_object_t *mo = MATCH(m);
    s->must_advance = mo->regs[1] == mo->regs[0];
    s->pos = mo->regs[1];
    return m;
}

static gp_object_t *scanner_iternext(gp_object_t *self)
{
    gp_object_t *m = scanner_next_match(self, true);
    if (m == gp_None) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}

static gp_object_t *scanner_iter(gp_object_t *self) { return GP_INCREF(self); }

static gp_object_t *scanner_match(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return scanner_next_match(self, false);
}

static gp_object_t *scanner_search(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    return scanner_next_match(self, true);
}

static gp_object_t *scanner_get_pattern(gp_object_t *self, void *c)
{
    return GP_INCREF(SCANNER(self)->pattern);
}

static void scanner_dealloc(gp_object_t *self)
{
    scanner_object_t *s = SCANNER(self);
    subject_release(&s->subject);
    GP_XDECREF(s->pattern);
    GP_XDECREF(s->string);
    gp_object_free(self);
}

static const gp_method_def_t scanner_methods[] = {
    {"match", scanner_match, 0, NULL},
    {"search", scanner_search, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t scanner_getsets[] = {
    {"pattern", scanner_get_pattern, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t scanner_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_sre.SRE_Scanner",
    .basicsize = sizeof(scanner_object_t),
    .dealloc = scanner_dealloc,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .iter = scanner_iter,
    .iternext = scanner_iternext,
    .methods = scanner_methods,
    .getsets = scanner_getsets,
};

static gp_object_t *pattern_scanner_common(gp_object_t *self, const char *fname,
                                           gp_object_t *const *args, size_t nargs,
                                           gp_object_t *kwnames)
{
    static const char *const names[] = {"string", "pos", "endpos", NULL};
    gp_object_t *v[3];
    if (gp_args_parse(fname, args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    pattern_object_t *p = PATTERN(self);
    scanner_object_t *s = (scanner_object_t *)gp_object_alloc(&scanner_type, 0);
    if (!s)
        return NULL;
    s->pattern = GP_INCREF(self);
    s->string = GP_INCREF(v[0]);
    if (subject_prepare(p, v[0], &s->subject) < 0 ||
        index_arg(v[1], 0, s->subject.s.len, &s->pos) < 0 ||
        index_arg(v[2], s->subject.s.len, s->subject.s.len, &s->endpos) < 0) {
        GP_DECREF((gp_object_t *)s);
        return NULL;
    }
    return (gp_object_t *)s;
}

static gp_object_t *pattern_finditer(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return pattern_scanner_common(self, "finditer", args, nargs, kwnames);
}

static gp_object_t *pattern_scanner(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return pattern_scanner_common(self, "scanner", args, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* Pattern objects                                                      */
/* ------------------------------------------------------------------ */

static void pattern_dealloc(gp_object_t *self)
{
    pattern_object_t *p = PATTERN(self);
    sre_program_free(p->prog);
    GP_XDECREF(p->pattern);
    GP_XDECREF(p->groupindex);
    GP_XDECREF(p->indexgroup);
    gp_object_free(self);
}

static gp_object_t *pattern_repr(gp_object_t *self)
{
    pattern_object_t *p = PATTERN(self);
    static const struct {
        const char *name;
        int value;
    } flag_names[] = {
        {"re.TEMPLATE", SRE_FLAG_TEMPLATE}, {"re.IGNORECASE", SRE_FLAG_IGNORECASE},
        {"re.LOCALE", SRE_FLAG_LOCALE},     {"re.MULTILINE", SRE_FLAG_MULTILINE},
        {"re.DOTALL", SRE_FLAG_DOTALL},     {"re.UNICODE", SRE_FLAG_UNICODE},
        {"re.VERBOSE", SRE_FLAG_VERBOSE},   {"re.DEBUG", SRE_FLAG_DEBUG},
        {"re.ASCII", SRE_FLAG_ASCII},
    };
    gp_object_t *r = gp_object_repr(p->pattern);
    if (!r)
        return NULL;
    if (gp_str_length(r) > 200) {
        const char *a = gp_str_utf8(r);
        const char *b = gp_str_at(r, 200);
        gp_object_t *cut = gp_str_from_utf8(a, (size_t)(b - a));
        GP_DECREF(r);
        if (!cut)
            return NULL;
        r = cut;
    }
    int flags = p->flags;
    if (!p->is_bytes &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_append_cstr(&b, "re.compile(");
    gp_strbuf_append_str(&b, r);
    GP_DECREF(r);
    bool first = true;
    for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
        if (flags & flag_names[i].value) {
            gp_strbuf_append_cstr(&b, first ? ", " : "|");
            gp_strbuf_append_cstr(&b, flag_names[i].name);
            flags &= ~flag_names[i].value;
            first = false;
        }
    }
    if (flags) {
        gp_strbuf_append_cstr(&b, first ? ", " : "|");
        gp_strbuf_printf(&b, "0x%x", flags);
    }
    gp_strbuf_append_char(&b, ')');
    return gp_strbuf_finish(&b);
}

static gp_object_t *pattern_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if ((op != GP_CMP_EQ && op != GP_CMP_NE) || !GP_IS_TYPE(b, pattern_type))
        return GP_INCREF(gp_NotImplemented);
    pattern_object_t *x = PATTERN(a), *y = PATTERN(b);
    int eq = 1;
    if (a != b) {
        eq = x->flags == y->flags && x->is_bytes == y->is_bytes;
        if (eq) {
            eq = gp_object_eq(x->pattern, y->pattern);
            if (eq < 0)
                return NULL;
        }
    }
    return gp_bool_from(op == GP_CMP_EQ ? eq : !eq);
}

static intptr_t pattern_hash(gp_object_t *self)
{
    pattern_object_t *p = PATTERN(self);
    intptr_t h = gp_object_hash(p->pattern);
    if (h == -1)
        return -1;
    h ^= (intptr_t)p->flags * 1000003;
    return h == -1 ? -2 : h;
}

static gp_object_t *pattern_get_pattern(gp_object_t *self, void *c) { return GP_INCREF(PATTERN(self)->pattern); }
static gp_object_t *pattern_get_flags(gp_object_t *self, void *c) { return gp_int_from_i64(PATTERN(self)->flags); }
static gp_object_t *pattern_get_groups(gp_object_t *self, void *c) { return gp_int_from_i64(PATTERN(self)->prog->ngroups); }

static gp_object_t *pattern_get_groupindex(gp_object_t *self, void *c)
{
    /* A copy stands in for CPython's read-only mappingproxy. */
    return gp_dict_copy(PATTERN(self)->groupindex);
}

static const gp_method_def_t pattern_methods[] = {
    {"match", pattern_match, GP_METH_KEYWORDS, NULL},
    {"fullmatch", pattern_fullmatch, GP_METH_KEYWORDS, NULL},
    {"search", pattern_search, GP_METH_KEYWORDS, NULL},
    {"findall", pattern_findall, GP_METH_KEYWORDS, NULL},
    {"finditer", pattern_finditer, GP_METH_KEYWORDS, NULL},
    {"scanner", pattern_scanner, GP_METH_KEYWORDS, NULL},
    {"split", pattern_split, GP_METH_KEYWORDS, NULL},
    {"sub", pattern_sub, GP_METH_KEYWORDS, NULL},
    {"subn", pattern_subn, GP_METH_KEYWORDS, NULL},
    {"__copy__", return_self, 0, NULL},
    {"__deepcopy__", return_self, 0, NULL},
    {"__class_getitem__", class_getitem, GP_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t pattern_getsets[] = {
    {"pattern", pattern_get_pattern, NULL, NULL, NULL},
    {"flags", pattern_get_flags, NULL, NULL, NULL},
    {"groups", pattern_get_groups, NULL, NULL, NULL},
    {"groupindex", pattern_get_groupindex, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t pattern_type = {
    GP_TYPE_HEAD_INIT,
    .name = "re.Pattern",
    .basicsize = sizeof(pattern_object_t),
    .dealloc = pattern_dealloc,
    .repr = pattern_repr,
    .hash = pattern_hash,
    .richcompare = pattern_richcompare,
    .getattr = gp_object_generic_getattr,
    .methods = pattern_methods,
    .getsets = pattern_getsets,
};

/* _sre.compile(pattern, flags): a new Pattern. */
static gp_object_t *sre_compile_fn(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    static const char *const names[] = {"pattern", "flags", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("compile", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    gp_object_t *source = v[0];
    int64_t flags = 0;
    if (v[1]) {
        flags = gp_int_as_i64(v[1]);
        if (flags == -1 && gp_err_occurred())
            return NULL;
    }
    const char *d;
    size_t n;
    bool is_bytes;
    if (gp_str_check(source)) {
        is_bytes = false;
    } else if (gp_bytes_like(source, &d, &n)) {
        is_bytes = true;
    } else {
        gp_err_set_string(&gp_exc_TypeError, "first argument must be string or compiled pattern");
        return NULL;
    }
    if (!is_bytes) {
        if (flags & SRE_FLAG_LOCALE) {
            gp_err_set_string(&gp_exc_ValueError, "cannot use LOCALE flag with a str pattern");
            return NULL;
        }
        if ((flags & SRE_FLAG_ASCII) && (flags & SRE_FLAG_UNICODE)) {
            gp_err_set_string(&gp_exc_ValueError, "ASCII and UNICODE flags are incompatible");
            return NULL;
        }
    } else {
        if (flags & SRE_FLAG_UNICODE) {
            gp_err_set_string(&gp_exc_ValueError, "cannot use UNICODE flag with a bytes pattern");
            return NULL;
        }
        if ((flags & SRE_FLAG_LOCALE) && (flags & SRE_FLAG_ASCII)) {
            gp_err_set_string(&gp_exc_ValueError, "ASCII and LOCALE flags are incompatible");
            return NULL;
        }
    }
    sre_program_t *prog = sre_compile(source, (int)flags);
    if (!prog)
        return NULL;
    pattern_object_t *p = (pattern_object_t *)gp_object_alloc(&pattern_type, 0);
    if (!p) {
        sre_program_free(prog);
        return NULL;
    }
    p->prog = prog;
    p->pattern = GP_INCREF(source);
    p->flags = prog->flags;
    p->is_bytes = is_bytes;
    p->groupindex = gp_dict_new();
    p->indexgroup = gp_tuple_new(prog->ngroups + 1);
    if (!p->groupindex || !p->indexgroup)
        goto fail;
    for (uint32_t i = 0; i <= prog->ngroups; i++)
        GP_TUPLE_SET(p->indexgroup, i, gp_none_new());
    for (uint32_t i = 0; i < prog->nnames; i++) {
        gp_object_t *num = gp_int_from_i64(prog->name_groups[i]);
        if (!num || gp_dict_setitem(p->groupindex, prog->names[i], num) < 0) {
            GP_XDECREF(num);
            goto fail;
        }
        GP_DECREF(num);
        uint32_t g = prog->name_groups[i];
        GP_SETREF(GP_TUPLE_ITEMS(p->indexgroup)[g], GP_INCREF(prog->names[i]));
    }
    return (gp_object_t *)p;
fail:
    GP_DECREF((gp_object_t *)p);
    return NULL;
}

static const gp_method_def_t sre_functions[] = {
    {"compile", sre_compile_fn, GP_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_sre_module_create(void)
{
    gp_type_t *types[] = {&pattern_type, &match_type, &scanner_type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (!(types[i]->flags & GP_TYPE_FLAG_READY) && gp_type_ready(types[i]) < 0)
            return NULL;
    gp_object_t *m = gp_module_new("_sre");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, sre_functions) < 0 ||
        gp_module_add_object(m, "Pattern", (gp_object_t *)&pattern_type) < 0 ||
        gp_module_add_object(m, "Match", (gp_object_t *)&match_type) < 0 ||
        gp_module_add_int(m, "MAXREPEAT", (int64_t)SRE_MAXREPEAT) < 0 ||
        gp_module_add_int(m, "MAXGROUPS", (int64_t)(INT32_MAX / 2)) < 0 ||
        gp_module_add_int(m, "CODESIZE", 4) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
