/*
 * csv.c - the _csv module: the CSV record parser, the record writer, the
 * Dialect type and the dialect registry behind lib/csv.py.
 *
 * Design notes
 * ------------
 * Why a state machine. A CSV record is not a line: a quoted field may hold
 * delimiters, doubled quotes and whole line breaks, so the reader consumes
 * the input one line at a time and keeps where it is (start of a record,
 * start of a field, inside an unquoted or a quoted field, just after an
 * escape or a closing quote, swallowing a line break) in `state` between
 * lines. The end of every input line is fed to the machine as one extra
 * event, CSV_EOL, so "\r\n", "\n", "\r" and no terminator at all behave
 * alike; a record is complete when a line leaves the machine back at the
 * start of a record. Every transition lives in reader_feed(), one code
 * point at a time, and is the behaviour scripts see (CPython 3.11's).
 *
 * How fields are accumulated. Lines are str objects, which keep UTF-8
 * internally, so the field being built is a plain byte buffer owned by the
 * reader and becomes a str with gp_str_new_trusted() (no validation). Most
 * bytes of a field are ordinary: inside an unquoted or quoted field the line
 * loop scans ahead with a 256-entry class table built from the dialect and
 * copies the whole run of ordinary bytes at once; only the bytes that may be
 * special (a delimiter, quote, escape or line break, or the lead byte of a
 * non-ASCII special) go through reader_feed(). The field-size limit counts
 * code points, so runs are counted in code points too (free for ASCII lines).
 *
 * How the writer decides quoting. A row is joined into one byte buffer the
 * writer keeps between calls. For each field the writer first scans for any
 * byte of interest (delimiter, quote character, escape character, or a
 * character of the line terminator); a field without one is copied as is.
 * Otherwise each interesting character decides: with QUOTE_NONE it is
 * escaped; a quote character is doubled (doublequote) or escaped; the escape
 * character is escaped; anything else makes the field quoted. Whether a field
 * is quoted is only known at its end, so the opening quote is inserted at
 * the field's start afterwards (a memmove of that one field). A row whose
 * only field is empty is written as two quote characters, since an empty
 * line would read back as no fields at all.
 *
 * State. The module keeps its Error class, its registry (the dict exposed
 * as _csv._dialects) and the field-size limit in one csv_state_t object; the
 * module's functions are bound to it, and readers and writers keep a
 * reference, so no C global is needed. Dialect(...) called directly finds
 * the registry through sys.modules['_csv'].
 */
#include <stdio.h>
#include <string.h>

#include "obj/containers.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* No character: an unset quotechar or escapechar (never a code point). */
#define CSV_NO_CHAR 0xFFFFFFFFu
/* The end-of-line event fed to the reader after each input line. */
#define CSV_EOL 0xFFFFFFFEu

enum { CSV_QUOTE_MINIMAL, CSV_QUOTE_ALL, CSV_QUOTE_NONNUMERIC, CSV_QUOTE_NONE };

/* ------------------------------------------------------------------ */
/* Module state                                                         */
/* ------------------------------------------------------------------ */

typedef struct csv_state {
    gp_object_t base;
    gp_object_t *error;    /* the _csv.Error class */
    gp_object_t *dialects; /* name -> Dialect (also _csv._dialects) */
    intptr_t field_limit;  /* longest field the reader accepts, in code points */
} csv_state_t;

static int csv_state_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    csv_state_t *st = (csv_state_t *)self;
    int r;
    if (st->error && (r = visit(st->error, arg)) != 0)
        return r;
    if (st->dialects && (r = visit(st->dialects, arg)) != 0)
        return r;
    return 0;
}

static int csv_state_clear(gp_object_t *self)
{
    csv_state_t *st = (csv_state_t *)self;
    GP_CLEAR(st->error);
    GP_CLEAR(st->dialects);
    return 0;
}

static void csv_state_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    csv_state_clear(self);
    gp_object_free(self);
}

static gp_type_t csv_state_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_csv._state",
    .basicsize = sizeof(csv_state_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = csv_state_dealloc,
    .traverse = csv_state_traverse,
    .clear = csv_state_clear,
};

/* Raises _csv.Error with a printf-style message. */
static void csv_error(csv_state_t *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gp_err_vformat((gp_type_t *)st->error, fmt, ap);
    va_end(ap);
}

/* The state kept in [module]'s namespace (borrowed); NULL with an
   exception if it was removed. */
static csv_state_t *csv_state_of(gp_object_t *module)
{
    gp_object_t *st = gp_dict_getitem_cstr(gp_module_dict(module), "_state");
    if (!st || GP_TYPE(st) != &csv_state_type) {
        if (!gp_err_occurred())
            gp_err_set_string(&gp_exc_RuntimeError, "the _csv module lost its state");
        return NULL;
    }
    return (csv_state_t *)st;
}

/* The state of the _csv module registered in sys.modules, for the paths
   (Dialect called directly) that are not handed one. Borrowed; NULL with
   an exception when the module is gone. */
static csv_state_t *csv_state_lookup(void)
{
    gp_object_t *m = gp_dict_getitem_cstr(gp_tstate()->runtime->modules, "_csv");
    gp_object_t *st = m ? gp_dict_getitem_cstr(gp_module_dict(m), "_state") : NULL;
    if (!st || GP_TYPE(st) != &csv_state_type) {
        if (!gp_err_occurred())
            gp_err_set_string(&gp_exc_RuntimeError, "the _csv module is not loaded");
        return NULL;
    }
    return (csv_state_t *)st;
}

/* ------------------------------------------------------------------ */
/* Dialect                                                              */
/* ------------------------------------------------------------------ */

typedef struct csv_dialect {
    gp_object_t base;
    uint32_t delimiter;
    uint32_t quotechar;  /* CSV_NO_CHAR when None */
    uint32_t escapechar; /* CSV_NO_CHAR when None */
    gp_object_t *lineterminator; /* str */
    int quoting;
    bool doublequote, skipinitialspace, strict;
} csv_dialect_t;

static gp_type_t csv_dialect_type;

/* The Dialect parameters, in the order Dialect() takes them positionally. */
enum { P_DIALECT, P_DELIMITER, P_DOUBLEQUOTE, P_ESCAPECHAR, P_LINETERMINATOR, P_QUOTECHAR,
       P_QUOTING, P_SKIPINITIALSPACE, P_STRICT, P_COUNT };
static const char *const csv_param_names[P_COUNT] = {
    "dialect",   "delimiter", "doublequote",      "escapechar", "lineterminator",
    "quotechar", "quoting",   "skipinitialspace", "strict",
};

/* The single code point of [value], checked: 0 or -1 with TypeError. A
   None is accepted (as CSV_NO_CHAR) only when [none_ok]. */
static int csv_char_param(const char *name, gp_object_t *value, bool none_ok, uint32_t *out)
{
    if (value == gp_None && none_ok) {
        *out = CSV_NO_CHAR;
        return 0;
    }
    if (!gp_str_check(value)) {
        gp_err_format(&gp_exc_TypeError,
                      none_ok ? "\"%s\" must be string or None, not %T" : "\"%s\" must be string, not %T",
                      name, value);
        return -1;
    }
    if (GP_STR_LEN(value) != 1) {
        gp_err_format(&gp_exc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    int n;
    *out = gp_utf8_decode((const unsigned char *)GP_STR_DATA(value), &n);
    return 0;
}

static int csv_bool_param(gp_object_t *value, bool dflt, bool *out)
{
    if (!value) {
        *out = dflt;
        return 0;
    }
    int t = gp_object_is_true(value);
    if (t < 0)
        return -1;
    *out = t != 0;
    return 0;
}

/* Builds a validated dialect from [p] (borrowed values, NULL = not given).
   A str p[P_DIALECT] names a registered dialect; any other object lends the
   attributes the keywords leave out. */
static gp_object_t *csv_dialect_build(gp_type_t *type, gp_object_t **p)
{
    gp_object_t *base = p[P_DIALECT];
    gp_object_t *owned[P_COUNT] = {NULL};
    csv_dialect_t *d = NULL;
    bool keywords = false;
    for (int i = P_DELIMITER; i < P_COUNT; i++)
        keywords = keywords || p[i] != NULL;
    if (base && gp_str_check(base)) {
        csv_state_t *st = csv_state_lookup();
        if (!st)
            return NULL;
        if (gp_object_hash(base) == -1 && gp_err_occurred())
            return NULL;
        gp_object_t *found = gp_dict_getitem(st->dialects, base);
        if (!found) {
            if (!gp_err_occurred())
                csv_error(st, "unknown dialect");
            return NULL;
        }
        base = found;
    }
    /* An existing Dialect with nothing to change is shared: it is immutable. */
    if (base && GP_TYPE(base) == &csv_dialect_type && !keywords)
        return GP_INCREF(base);
    if (base) {
        for (int i = P_DELIMITER; i < P_COUNT; i++) {
            if (p[i])
                continue;
            owned[i] = gp_object_getattr_cstr(base, csv_param_names[i]);
            if (!owned[i])
                gp_err_clear();
            p[i] = owned[i];
        }
    }
    d = (csv_dialect_t *)gp_object_alloc(type, 0);
    if (!d)
        goto fail;
    d->delimiter = ',';
    d->quotechar = '"';
    d->escapechar = CSV_NO_CHAR;
    if (p[P_DELIMITER] && csv_char_param("delimiter", p[P_DELIMITER], false, &d->delimiter) < 0)
        goto fail;
    if (csv_bool_param(p[P_DOUBLEQUOTE], true, &d->doublequote) < 0)
        goto fail;
    if (p[P_ESCAPECHAR] && csv_char_param("escapechar", p[P_ESCAPECHAR], true, &d->escapechar) < 0)
        goto fail;
    gp_object_t *lt = p[P_LINETERMINATOR];
    if (!lt) {
        d->lineterminator = gp_str_from_cstr("\r\n");
        if (!d->lineterminator)
            goto fail;
    } else if (lt != gp_None) {
        if (!gp_str_check(lt)) {
            gp_err_set_string(&gp_exc_TypeError, "\"lineterminator\" must be a string");
            goto fail;
        }
        d->lineterminator = GP_INCREF(lt);
    }
    if (p[P_QUOTECHAR] && csv_char_param("quotechar", p[P_QUOTECHAR], true, &d->quotechar) < 0)
        goto fail;
    d->quoting = CSV_QUOTE_MINIMAL;
    if (p[P_QUOTING]) {
        if (!GP_IS_SMALL(p[P_QUOTING]) && !GP_IS_TYPE(p[P_QUOTING], gp_int_type)) {
            gp_err_set_string(&gp_exc_TypeError, "\"quoting\" must be an integer");
            goto fail;
        }
        int overflow;
        int64_t q = gp_int_as_i64_overflow(p[P_QUOTING], &overflow);
        if (overflow || q > INT32_MAX || q < INT32_MIN) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            goto fail;
        }
        d->quoting = (int)q;
    }
    if (csv_bool_param(p[P_SKIPINITIALSPACE], false, &d->skipinitialspace) < 0 ||
        csv_bool_param(p[P_STRICT], false, &d->strict) < 0)
        goto fail;
    if (d->quoting < CSV_QUOTE_MINIMAL || d->quoting > CSV_QUOTE_NONE) {
        gp_err_set_string(&gp_exc_TypeError, "bad \"quoting\" value");
        goto fail;
    }
    /* quotechar=None alone means "no quoting at all". */
    if (p[P_QUOTECHAR] == gp_None && !p[P_QUOTING])
        d->quoting = CSV_QUOTE_NONE;
    if (d->quoting != CSV_QUOTE_NONE && d->quotechar == CSV_NO_CHAR) {
        gp_err_set_string(&gp_exc_TypeError, "quotechar must be set if quoting enabled");
        goto fail;
    }
    if (!d->lineterminator) {
        gp_err_set_string(&gp_exc_TypeError, "lineterminator must be set");
        goto fail;
    }
    for (int i = 0; i < P_COUNT; i++)
        GP_XDECREF(owned[i]);
    return (gp_object_t *)d;
fail:
    for (int i = 0; i < P_COUNT; i++)
        GP_XDECREF(owned[i]);
    GP_XDECREF((gp_object_t *)d);
    return NULL;
}

/* Sorts [nargs] positional values and the keywords of a call into the
   Dialect parameters, with CPython's messages for the mistakes. Positional
   values start at parameter [first] (1 for reader/writer/register_dialect,
   whose own positional "dialect" is passed in p[0] already). */
static int csv_params_collect(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                              size_t first, gp_object_t **p)
{
    if (first + nargs > P_COUNT) {
        gp_err_format(&gp_exc_TypeError, "function takes at most %d arguments (%zu given)",
                      P_COUNT, first + nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        p[first + i] = args[i];
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        gp_object_t *name = GP_TUPLE_GET(kwnames, k);
        int slot = -1;
        for (int i = 0; i < P_COUNT && slot < 0; i++)
            if (gp_str_eq_cstr(name, csv_param_names[i]))
                slot = i;
        if (slot < 0) {
            gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword argument for this function",
                          name);
            return -1;
        }
        if (p[slot]) {
            gp_err_format(&gp_exc_TypeError,
                          "argument for function given by name ('%s') and position (%d)",
                          csv_param_names[slot], slot + 1);
            return -1;
        }
        p[slot] = args[nargs + k];
    }
    return 0;
}

static gp_object_t *csv_dialect_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_object_t *p[P_COUNT] = {NULL};
    if (csv_params_collect(args, nargs, kwnames, 0, p) < 0)
        return NULL;
    return csv_dialect_build(type, p);
}

/* The dialect a reader, writer or register_dialect call asks for:
   [dialect] (may be NULL) plus the keyword arguments of the call. */
static csv_dialect_t *csv_dialect_for_call(gp_object_t *dialect, gp_object_t *const *kwvalues,
                                           gp_object_t *kwnames)
{
    gp_object_t *p[P_COUNT] = {NULL};
    p[P_DIALECT] = dialect;
    /* The keyword values follow the positional ones; only they are read. */
    if (csv_params_collect(kwvalues, 0, kwnames, 1, p) < 0)
        return NULL;
    return (csv_dialect_t *)csv_dialect_build(&csv_dialect_type, p);
}

static void csv_dialect_dealloc(gp_object_t *self)
{
    GP_XDECREF(((csv_dialect_t *)self)->lineterminator);
    gp_object_free(self);
}

static gp_object_t *csv_char_or_none(uint32_t c)
{
    return c == CSV_NO_CHAR ? gp_none_new() : gp_str_from_codepoint(c);
}

static gp_object_t *dialect_get_delimiter(gp_object_t *self, void *closure)
{
    return csv_char_or_none(((csv_dialect_t *)self)->delimiter);
}

static gp_object_t *dialect_get_quotechar(gp_object_t *self, void *closure)
{
    return csv_char_or_none(((csv_dialect_t *)self)->quotechar);
}

static gp_object_t *dialect_get_escapechar(gp_object_t *self, void *closure)
{
    return csv_char_or_none(((csv_dialect_t *)self)->escapechar);
}

static gp_object_t *dialect_get_lineterminator(gp_object_t *self, void *closure)
{
    return GP_INCREF(((csv_dialect_t *)self)->lineterminator);
}

static gp_object_t *dialect_get_quoting(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(((csv_dialect_t *)self)->quoting);
}

/* The three flags live in one getter: [closure] says which. */
static gp_object_t *dialect_get_flag(gp_object_t *self, void *closure)
{
    csv_dialect_t *d = (csv_dialect_t *)self;
    const char *which = closure;
    bool v = which[0] == 'd' ? d->doublequote : which[0] == 's' ? d->skipinitialspace : d->strict;
    return gp_bool_from(v);
}

/* CPython stores some attributes as plain read-only members, whose refusal
   to be set reads differently from a property's. */
static int csv_readonly_member(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_err_set_string(&gp_exc_AttributeError, "readonly attribute");
    return -1;
}

/* The properties' refusal names the type with its module, as CPython's does. */
static int csv_dialect_not_writable(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_err_format(&gp_exc_AttributeError, "attribute '%s' of '_csv.Dialect' objects is not writable",
                  (const char *)closure);
    return -1;
}

static const gp_getset_def_t csv_dialect_getsets[] = {
    {"delimiter", dialect_get_delimiter, csv_dialect_not_writable, "delimiter", NULL},
    {"doublequote", dialect_get_flag, csv_readonly_member, "doublequote", NULL},
    {"escapechar", dialect_get_escapechar, csv_dialect_not_writable, "escapechar", NULL},
    {"lineterminator", dialect_get_lineterminator, csv_dialect_not_writable, "lineterminator",
     NULL},
    {"quotechar", dialect_get_quotechar, csv_dialect_not_writable, "quotechar", NULL},
    {"quoting", dialect_get_quoting, csv_dialect_not_writable, "quoting", NULL},
    {"skipinitialspace", dialect_get_flag, csv_readonly_member, "skipinitialspace", NULL},
    {"strict", dialect_get_flag, csv_readonly_member, "strict", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t csv_dialect_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_csv.Dialect",
    .basicsize = sizeof(csv_dialect_t),
    .dealloc = csv_dialect_dealloc,
    .new_ = csv_dialect_new,
    .getsets = csv_dialect_getsets,
    .doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
};

/* ------------------------------------------------------------------ */
/* Character classes shared by the reader and the writer                */
/* ------------------------------------------------------------------ */

enum {
    CSV_STOP_UNQUOTED = 1, /* ends a run inside an unquoted field */
    CSV_STOP_QUOTED = 2,   /* ends a run inside a quoted field */
    CSV_WRITE_SPECIAL = 4, /* the writer must look at this character */
};

/* Marks the byte that starts [c]'s UTF-8 form in [table] with [flag]. For
   a non-ASCII character only its lead byte is marked, so every character
   sharing that lead byte stops the scan and is compared in full. */
static void csv_mark(uint8_t *table, uint32_t c, uint8_t flag)
{
    if (c == CSV_NO_CHAR)
        return;
    char buf[4];
    gp_utf8_encode(buf, c);
    table[(unsigned char)buf[0]] |= flag;
}

/* ------------------------------------------------------------------ */
/* Reader                                                               */
/* ------------------------------------------------------------------ */

/* Where the reader is within a record. */
typedef enum csv_parse_state {
    AT_RECORD_START,   /* nothing of the record read yet */
    AT_FIELD_START,    /* just after a delimiter */
    AFTER_ESCAPE,      /* an escape character outside quotes: the next char is literal */
    IN_PLAIN_FIELD,    /* inside an unquoted field */
    IN_QUOTES,         /* inside a quoted field */
    AFTER_QUOTED_ESCAPE, /* an escape character inside quotes */
    AFTER_INNER_QUOTE, /* a quote inside a quoted field: doubled, or the end of quoting */
    SKIPPING_NEWLINE,  /* the record ended on \r or \n: only more of them may follow */
    AFTER_ESCAPED_NEWLINE, /* after an escaped \r or \n: line ends stay in the field */
} csv_parse_state_t;

typedef struct csv_reader {
    gp_object_t base;
    gp_object_t *input;       /* the iterator of lines */
    csv_dialect_t *dialect;
    csv_state_t *state;
    gp_object_t *fields;      /* the record's list, NULL until its first field */
    char *field;              /* UTF-8 of the field being read */
    size_t field_len, field_cap;
    intptr_t field_chars;     /* code points in field */
    csv_parse_state_t where;
    bool numeric;             /* QUOTE_NONNUMERIC: this unquoted field becomes a float */
    intptr_t line_num;
    uint8_t stops[256];       /* CSV_STOP_* for each byte */
} csv_reader_t;

static gp_type_t csv_reader_type;

/* Appends [n] bytes holding [chars] code points to the field, refusing to
   grow it past the field-size limit. */
static int reader_append(csv_reader_t *r, const char *s, size_t n, intptr_t chars)
{
    if (r->field_chars + chars > r->state->field_limit) {
        csv_error(r->state, "field larger than field limit (%zd)", r->state->field_limit);
        return -1;
    }
    if (r->field_len + n > r->field_cap) {
        size_t cap = r->field_cap ? r->field_cap * 2 : 64;
        while (cap < r->field_len + n)
            cap *= 2;
        char *grown = gp_mem_realloc(r->field, cap);
        if (!grown) {
            gp_err_no_memory();
            return -1;
        }
        r->field = grown;
        r->field_cap = cap;
    }
    memcpy(r->field + r->field_len, s, n);
    r->field_len += n;
    r->field_chars += chars;
    return 0;
}

static int reader_add_char(csv_reader_t *r, uint32_t c)
{
    char buf[4];
    int n = gp_utf8_encode(buf, c);
    return reader_append(r, buf, (size_t)n, 1);
}

/* Ends the current field: it becomes a str (or a float) in the record. */
static int reader_save_field(csv_reader_t *r)
{
    gp_object_t *field = gp_str_new_trusted(r->field, r->field_len, r->field_chars,
                                            (intptr_t)r->field_len == r->field_chars);
    r->field_len = 0;
    r->field_chars = 0;
    if (!field)
        return -1;
    if (r->numeric) {
        r->numeric = false;
        gp_object_t *number = gp_number_float(field);
        GP_DECREF(field);
        if (!number)
            return -1;
        field = number;
    }
    if (!r->fields && !(r->fields = gp_list_new(0))) {
        GP_DECREF(field);
        return -1;
    }
    int rc = gp_list_append(r->fields, field);
    GP_DECREF(field);
    return rc;
}

static inline bool csv_is_newline(uint32_t c)
{
    return c == '\n' || c == '\r';
}

/* Ends the record's last field on a line break or the line's end. */
static int reader_end_line(csv_reader_t *r, uint32_t c)
{
    if (reader_save_field(r) < 0)
        return -1;
    r->where = c == CSV_EOL ? AT_RECORD_START : SKIPPING_NEWLINE;
    return 0;
}

/* The whole transition table: one code point (or CSV_EOL) moves the
   reader from one state to the next. */
static int reader_feed(csv_reader_t *r, uint32_t c)
{
    const csv_dialect_t *d = r->dialect;
    bool quoting = d->quoting != CSV_QUOTE_NONE;
    switch (r->where) {
    case AT_RECORD_START:
        if (c == CSV_EOL)
            return 0; /* an empty line is an empty record */
        if (csv_is_newline(c)) {
            r->where = SKIPPING_NEWLINE;
            return 0;
        }
        r->where = AT_FIELD_START;
        return reader_feed(r, c);
    case AT_FIELD_START:
        if (csv_is_newline(c) || c == CSV_EOL)
            return reader_end_line(r, c);
        if (c == d->quotechar && quoting) {
            r->where = IN_QUOTES;
        } else if (c == d->escapechar) {
            r->where = AFTER_ESCAPE;
        } else if (c == ' ' && d->skipinitialspace) {
            /* leading blanks are dropped */
        } else if (c == d->delimiter) {
            return reader_save_field(r);
        } else {
            r->numeric = d->quoting == CSV_QUOTE_NONNUMERIC;
            r->where = IN_PLAIN_FIELD;
            return reader_add_char(r, c);
        }
        return 0;
    case AFTER_ESCAPE:
        /* An escaped line break stays in the field; so does the line's own
           end, which an escape before it turns into "\n". */
        if (csv_is_newline(c)) {
            r->where = AFTER_ESCAPED_NEWLINE;
            return reader_add_char(r, c);
        }
        r->where = IN_PLAIN_FIELD;
        return reader_add_char(r, c == CSV_EOL ? '\n' : c);
    case AFTER_ESCAPED_NEWLINE:
        /* Ordinary characters leave the reader in this state (as CPython
           3.11 does), so the ends of following lines stay inside the field
           until a delimiter, a line break or an escape comes. */
        if (c == CSV_EOL)
            return 0;
        /* fall through */
    case IN_PLAIN_FIELD:
        if (csv_is_newline(c) || c == CSV_EOL)
            return reader_end_line(r, c);
        if (c == d->escapechar) {
            r->where = AFTER_ESCAPE;
            return 0;
        }
        if (c == d->delimiter) {
            r->where = AT_FIELD_START;
            return reader_save_field(r);
        }
        return reader_add_char(r, c);
    case IN_QUOTES:
        if (c == CSV_EOL)
            return 0; /* the line break itself was already added */
        if (c == d->escapechar) {
            r->where = AFTER_QUOTED_ESCAPE;
            return 0;
        }
        if (c == d->quotechar && quoting) {
            r->where = d->doublequote ? AFTER_INNER_QUOTE : IN_PLAIN_FIELD;
            return 0;
        }
        return reader_add_char(r, c);
    case AFTER_QUOTED_ESCAPE:
        r->where = IN_QUOTES;
        return reader_add_char(r, c == CSV_EOL ? '\n' : c);
    case AFTER_INNER_QUOTE:
        if (quoting && c == d->quotechar) {
            r->where = IN_QUOTES; /* "" stands for one quote */
            return reader_add_char(r, c);
        }
        if (c == d->delimiter) {
            r->where = AT_FIELD_START;
            return reader_save_field(r);
        }
        if (csv_is_newline(c) || c == CSV_EOL)
            return reader_end_line(r, c);
        if (d->strict) {
            csv_error(r->state, "'%c' expected after '%c'", (int)d->delimiter, (int)d->quotechar);
            return -1;
        }
        r->where = IN_PLAIN_FIELD;
        return reader_add_char(r, c);
    case SKIPPING_NEWLINE:
        if (csv_is_newline(c))
            return 0;
        if (c == CSV_EOL) {
            r->where = AT_RECORD_START;
            return 0;
        }
        /* CPython 3.11's wording (3.12 asks about newline='' instead). */
        csv_error(r->state, "new-line character seen in unquoted field - do you need to open "
                            "the file in universal-newline mode?");
        return -1;
    }
    return 0;
}

/* Runs one input line through the machine, copying runs of ordinary
   characters inside fields in one step. */
static int reader_feed_line(csv_reader_t *r, gp_object_t *line)
{
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(line);
    const unsigned char *end = p + GP_STR_BYTES(line);
    bool ascii = GP_STR_ASCII(line);
    while (p < end) {
        if (r->where == IN_PLAIN_FIELD || r->where == IN_QUOTES) {
            uint8_t stop = r->where == IN_PLAIN_FIELD ? CSV_STOP_UNQUOTED : CSV_STOP_QUOTED;
            const unsigned char *run = p;
            while (p < end && !(r->stops[*p] & stop))
                p++;
            if (p > run) {
                size_t n = (size_t)(p - run);
                intptr_t chars = ascii ? (intptr_t)n : gp_utf8_count((const char *)run, n);
                if (reader_append(r, (const char *)run, n, chars) < 0)
                    return -1;
                continue;
            }
        }
        int n;
        uint32_t c = gp_utf8_decode(p, &n);
        p += n;
        if (reader_feed(r, c) < 0)
            return -1;
    }
    return reader_feed(r, CSV_EOL);
}

static gp_object_t *csv_reader_iternext(gp_object_t *self)
{
    csv_reader_t *r = (csv_reader_t *)self;
    GP_CLEAR(r->fields);
    r->field_len = 0;
    r->field_chars = 0;
    r->numeric = false;
    r->where = AT_RECORD_START;
    do {
        gp_object_t *line = gp_iter_next(r->input);
        if (!line) {
            if (gp_err_occurred())
                return NULL;
            /* The input ended inside a record: a lenient reader keeps
               what it has, a strict one refuses. */
            if (r->field_len == 0 && r->where != IN_QUOTES)
                return NULL;
            if (r->dialect->strict) {
                csv_error(r->state, "unexpected end of data");
                return NULL;
            }
            if (reader_save_field(r) < 0)
                return NULL;
            break;
        }
        if (!gp_str_check(line)) {
            csv_error(r->state,
                      "iterator should return strings, not %T (the file should be opened in "
                      "text mode)",
                      line);
            GP_DECREF(line);
            return NULL;
        }
        r->line_num++;
        int rc = reader_feed_line(r, line);
        GP_DECREF(line);
        if (rc < 0)
            return NULL;
    } while (r->where != AT_RECORD_START);
    gp_object_t *fields = r->fields;
    r->fields = NULL;
    return fields ? fields : gp_list_new(0);
}

/* Readers and writers come only from reader() and writer(). */
static gp_object_t *csv_no_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gp_err_format(&gp_exc_TypeError, "cannot create '%s' instances", type->name);
    return NULL;
}

static gp_object_t *csv_reader_iter(gp_object_t *self)
{
    return GP_INCREF(self);
}

static int csv_reader_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    csv_reader_t *r = (csv_reader_t *)self;
    gp_object_t *refs[] = {r->input, (gp_object_t *)r->dialect, (gp_object_t *)r->state,
                           r->fields};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int rc;
        if (refs[i] && (rc = visit(refs[i], arg)) != 0)
            return rc;
    }
    return 0;
}

static int csv_reader_clear(gp_object_t *self)
{
    csv_reader_t *r = (csv_reader_t *)self;
    GP_CLEAR(r->input);
    GP_CLEAR(r->dialect);
    GP_CLEAR(r->state);
    GP_CLEAR(r->fields);
    return 0;
}

static void csv_reader_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    csv_reader_clear(self);
    gp_mem_free(((csv_reader_t *)self)->field);
    gp_object_free(self);
}

static gp_object_t *reader_get_dialect(gp_object_t *self, void *closure)
{
    return GP_INCREF((gp_object_t *)((csv_reader_t *)self)->dialect);
}

static gp_object_t *reader_get_line_num(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(((csv_reader_t *)self)->line_num);
}

static const gp_getset_def_t csv_reader_getsets[] = {
    {"dialect", reader_get_dialect, csv_readonly_member, NULL, NULL},
    {"line_num", reader_get_line_num, csv_readonly_member, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t csv_reader_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_csv.reader",
    .basicsize = sizeof(csv_reader_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = csv_reader_dealloc,
    .new_ = csv_no_new,
    .iter = csv_reader_iter,
    .iternext = csv_reader_iternext,
    .traverse = csv_reader_traverse,
    .clear = csv_reader_clear,
    .getsets = csv_reader_getsets,
    .doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\n"
           "in CSV format.\n",
};

/* reader and writer take one or two positional arguments, checked with the
   wording of CPython's unnamed argument unpacking. */
static int csv_check_two(size_t nargs)
{
    if (nargs < 1) {
        gp_err_set_string(&gp_exc_TypeError, " expected at least 1 argument, got 0");
        return -1;
    }
    if (nargs > 2) {
        gp_err_format(&gp_exc_TypeError, " expected at most 2 arguments, got %zu", nargs);
        return -1;
    }
    return 0;
}

static gp_object_t *csv_reader_new(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    csv_state_t *st = csv_state_of(self);
    if (!st)
        return NULL;
    if (csv_check_two(nargs) < 0)
        return NULL;
    gp_object_t *input = gp_object_iter(args[0]);
    if (!input)
        return NULL;
    csv_dialect_t *d = csv_dialect_for_call(nargs > 1 ? args[1] : NULL, args + nargs, kwnames);
    if (!d) {
        GP_DECREF(input);
        return NULL;
    }
    csv_reader_t *r = (csv_reader_t *)gp_object_alloc(&csv_reader_type, 0);
    if (!r) {
        GP_DECREF(input);
        GP_DECREF((gp_object_t *)d);
        return NULL;
    }
    r->input = input;
    r->dialect = d;
    r->state = (csv_state_t *)GP_INCREF((gp_object_t *)st);
    r->where = AT_RECORD_START;
    csv_mark(r->stops, d->delimiter, CSV_STOP_UNQUOTED);
    csv_mark(r->stops, d->escapechar, CSV_STOP_UNQUOTED | CSV_STOP_QUOTED);
    csv_mark(r->stops, '\n', CSV_STOP_UNQUOTED);
    csv_mark(r->stops, '\r', CSV_STOP_UNQUOTED);
    if (d->quoting != CSV_QUOTE_NONE)
        csv_mark(r->stops, d->quotechar, CSV_STOP_QUOTED);
    gp_gc_track((gp_object_t *)r);
    return (gp_object_t *)r;
}

/* ------------------------------------------------------------------ */
/* Writer                                                               */
/* ------------------------------------------------------------------ */

typedef struct csv_writer {
    gp_object_t base;
    gp_object_t *write; /* the file's bound write method */
    csv_dialect_t *dialect;
    csv_state_t *state;
    char *rec;          /* the row being joined, UTF-8; kept between rows */
    size_t rec_len, rec_cap;
    bool rec_ascii;
    size_t nfields;
    uint8_t special[256]; /* CSV_WRITE_SPECIAL for each byte */
} csv_writer_t;

static gp_type_t csv_writer_type;

/* Makes room for [n] more bytes of record. */
static int writer_reserve(csv_writer_t *w, size_t n)
{
    if (w->rec_len + n <= w->rec_cap)
        return 0;
    size_t cap = w->rec_cap ? w->rec_cap * 2 : 256;
    while (cap < w->rec_len + n)
        cap *= 2;
    char *grown = gp_mem_realloc(w->rec, cap);
    if (!grown) {
        gp_err_no_memory();
        return -1;
    }
    w->rec = grown;
    w->rec_cap = cap;
    return 0;
}

static int writer_put(csv_writer_t *w, const char *s, size_t n)
{
    /* A None field has no text at all (s is NULL), and memcpy may not be
       handed a NULL pointer even for zero bytes. */
    if (n == 0)
        return 0;
    if (writer_reserve(w, n) < 0)
        return -1;
    memcpy(w->rec + w->rec_len, s, n);
    w->rec_len += n;
    return 0;
}

static int writer_put_char(csv_writer_t *w, uint32_t c)
{
    char buf[4];
    int n = gp_utf8_encode(buf, c);
    if (c >= 0x80)
        w->rec_ascii = false;
    return writer_put(w, buf, (size_t)n);
}

/* Is [c] one of the characters that make the writer quote or escape? */
static bool writer_is_special(const csv_writer_t *w, uint32_t c)
{
    const csv_dialect_t *d = w->dialect;
    if (c == d->delimiter || c == d->quotechar || c == d->escapechar)
        return true;
    gp_object_t *lt = d->lineterminator;
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(lt);
    const unsigned char *end = p + GP_STR_BYTES(lt);
    while (p < end) {
        int n;
        if (gp_utf8_decode(p, &n) == c)
            return true;
        p += n;
    }
    return false;
}

/* Copies the interesting part of a field (from its first byte of interest
   on), escaping and doubling; sets *quoted when the field needs quotes. */
static int writer_put_slow(csv_writer_t *w, const unsigned char *p, const unsigned char *end,
                           bool *quoted)
{
    const csv_dialect_t *d = w->dialect;
    while (p < end) {
        int n;
        uint32_t c = gp_utf8_decode(p, &n);
        if ((w->special[*p] & CSV_WRITE_SPECIAL) && writer_is_special(w, c)) {
            bool escape;
            if (d->quoting == CSV_QUOTE_NONE) {
                escape = true;
            } else if (c == d->quotechar) {
                escape = !d->doublequote;
                if (d->doublequote && writer_put_char(w, d->quotechar) < 0)
                    return -1;
            } else {
                escape = c == d->escapechar;
            }
            if (!escape && d->quoting != CSV_QUOTE_NONE)
                *quoted = true;
            if (escape) {
                if (d->escapechar == CSV_NO_CHAR) {
                    csv_error(w->state, "need to escape, but no escapechar set");
                    return -1;
                }
                if (writer_put_char(w, d->escapechar) < 0)
                    return -1;
            }
        }
        if (writer_put(w, (const char *)p, (size_t)n) < 0)
            return -1;
        p += n;
    }
    return 0;
}

/* Adds one field's text ([s], [n] bytes; NULL for None) to the record. */
static int writer_put_field(csv_writer_t *w, const char *s, size_t n, bool ascii, bool quoted)
{
    const csv_dialect_t *d = w->dialect;
    if (w->nfields++ > 0 && writer_put_char(w, d->delimiter) < 0)
        return -1;
    if (!ascii)
        w->rec_ascii = false;
    size_t start = w->rec_len;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    const unsigned char *q = p;
    while (q < end && !(w->special[*q] & CSV_WRITE_SPECIAL))
        q++;
    if (writer_put(w, s, (size_t)(q - p)) < 0)
        return -1;
    if (q < end && writer_put_slow(w, q, end, &quoted) < 0)
        return -1;
    if (!quoted)
        return 0;
    /* The opening quote goes in front of what was just copied. */
    char qbuf[4];
    size_t qn = (size_t)gp_utf8_encode(qbuf, d->quotechar);
    if (writer_reserve(w, 2 * qn) < 0)
        return -1;
    memmove(w->rec + start + qn, w->rec + start, w->rec_len - start);
    memcpy(w->rec + start, qbuf, qn);
    w->rec_len += qn;
    return writer_put_char(w, d->quotechar);
}

/* CPython's idea of a number (PyNumber_Check), for QUOTE_NONNUMERIC. */
static bool csv_is_number(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    return gp_int_check(o) || gp_float_check(o) ||
           gp_object_isinstance_type(o, &gp_complex_type) || t->to_index || t->to_int ||
           t->to_float;
}

/* Converts and adds one value of a row. */
static int writer_put_value(csv_writer_t *w, gp_object_t *field)
{
    int quoting = w->dialect->quoting;
    bool quoted = quoting == CSV_QUOTE_ALL ||
                  (quoting == CSV_QUOTE_NONNUMERIC && !csv_is_number(field));
    if (field == gp_None)
        return writer_put_field(w, NULL, 0, true, quoted);
    if (GP_IS_SMALL(field)) {
        char digits[24];
        int n = snprintf(digits, sizeof digits, "%lld", (long long)GP_SMALL_VALUE(field));
        return writer_put_field(w, digits, (size_t)n, true, quoted);
    }
    gp_object_t *text = gp_str_check(field) ? GP_INCREF(field) : gp_object_str(field);
    if (!text)
        return -1;
    int rc = writer_put_field(w, GP_STR_DATA(text), (size_t)GP_STR_BYTES(text),
                              GP_STR_ASCII(text), quoted);
    GP_DECREF(text);
    return rc;
}

/* Joins the fields of [row] into w->rec, terminator included. */
static int writer_join_row(csv_writer_t *w, gp_object_t *row)
{
    w->rec_len = 0;
    w->nfields = 0;
    w->rec_ascii = GP_STR_ASCII(w->dialect->lineterminator);
    if (gp_list_check_exact(row) || gp_tuple_check_exact(row)) {
        /* Lists are read by index each time, as their iterator would. */
        for (intptr_t i = 0;; i++) {
            intptr_t size = gp_list_check_exact(row) ? GP_LIST_SIZE(row) : GP_TUPLE_SIZE(row);
            if (i >= size)
                break;
            gp_object_t *item =
                gp_list_check_exact(row) ? GP_LIST_GET(row, i) : GP_TUPLE_GET(row, i);
            GP_INCREF(item);
            int rc = writer_put_value(w, item);
            GP_DECREF(item);
            if (rc < 0)
                return -1;
        }
    } else {
        gp_object_t *it = gp_object_iter(row);
        if (!it) {
            if (gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                csv_error(w->state, "iterable expected, not %T", row);
            }
            return -1;
        }
        gp_object_t *item;
        while ((item = gp_iter_next(it))) {
            int rc = writer_put_value(w, item);
            GP_DECREF(item);
            if (rc < 0) {
                GP_DECREF(it);
                return -1;
            }
        }
        GP_DECREF(it);
        if (gp_err_occurred())
            return -1;
    }
    if (w->nfields == 1 && w->rec_len == 0) {
        /* A lone empty field must show: an empty line reads back as []. */
        if (w->dialect->quoting == CSV_QUOTE_NONE) {
            csv_error(w->state, "single empty field record must be quoted");
            return -1;
        }
        if (writer_put_char(w, w->dialect->quotechar) < 0 ||
            writer_put_char(w, w->dialect->quotechar) < 0)
            return -1;
    }
    gp_object_t *lt = w->dialect->lineterminator;
    return writer_put(w, GP_STR_DATA(lt), (size_t)GP_STR_BYTES(lt));
}

static gp_object_t *writer_write_row(csv_writer_t *w, gp_object_t *row)
{
    if (writer_join_row(w, row) < 0)
        return NULL;
    gp_object_t *line =
        gp_str_new_trusted(w->rec, w->rec_len, w->rec_ascii ? (intptr_t)w->rec_len : -1,
                           w->rec_ascii);
    if (!line)
        return NULL;
    gp_object_t *result = gp_object_call1(w->write, line);
    GP_DECREF(line);
    return result;
}

static gp_object_t *csv_writer_writerow(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_check_onearg("writer.writerow", nargs) < 0)
        return NULL;
    return writer_write_row((csv_writer_t *)self, args[0]);
}

static gp_object_t *csv_writer_writerows(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg("writer.writerows", nargs) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    gp_object_t *row;
    while ((row = gp_iter_next(it))) {
        gp_object_t *result = writer_write_row((csv_writer_t *)self, row);
        GP_DECREF(row);
        if (!result) {
            GP_DECREF(it);
            return NULL;
        }
        GP_DECREF(result);
    }
    GP_DECREF(it);
    return gp_err_occurred() ? NULL : gp_none_new();
}

static int csv_writer_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    csv_writer_t *w = (csv_writer_t *)self;
    gp_object_t *refs[] = {w->write, (gp_object_t *)w->dialect, (gp_object_t *)w->state};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int rc;
        if (refs[i] && (rc = visit(refs[i], arg)) != 0)
            return rc;
    }
    return 0;
}

static int csv_writer_clear(gp_object_t *self)
{
    csv_writer_t *w = (csv_writer_t *)self;
    GP_CLEAR(w->write);
    GP_CLEAR(w->dialect);
    GP_CLEAR(w->state);
    return 0;
}

static void csv_writer_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    csv_writer_clear(self);
    gp_mem_free(((csv_writer_t *)self)->rec);
    gp_object_free(self);
}

static gp_object_t *writer_get_dialect(gp_object_t *self, void *closure)
{
    return GP_INCREF((gp_object_t *)((csv_writer_t *)self)->dialect);
}

static const gp_method_def_t csv_writer_methods[] = {
    {"writerow", csv_writer_writerow, 0,
     "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields."},
    {"writerows", csv_writer_writerows, 0,
     "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv "
     "file."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t csv_writer_getsets[] = {
    {"dialect", writer_get_dialect, csv_readonly_member, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t csv_writer_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_csv.writer",
    .basicsize = sizeof(csv_writer_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = csv_writer_dealloc,
    .new_ = csv_no_new,
    .traverse = csv_writer_traverse,
    .clear = csv_writer_clear,
    .methods = csv_writer_methods,
    .getsets = csv_writer_getsets,
    .doc = "CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV "
           "format from sequence input.\n",
};

static gp_object_t *csv_writer_new(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    csv_state_t *st = csv_state_of(self);
    if (!st || csv_check_two(nargs) < 0)
        return NULL;
    gp_object_t *write = gp_object_getattr_opt(args[0], gp_str_static("write"));
    if (!write && gp_err_occurred())
        return NULL;
    if (!write || !gp_object_is_callable(write)) {
        GP_XDECREF(write);
        gp_err_set_string(&gp_exc_TypeError, "argument 1 must have a \"write\" method");
        return NULL;
    }
    csv_dialect_t *d = csv_dialect_for_call(nargs > 1 ? args[1] : NULL, args + nargs, kwnames);
    if (!d) {
        GP_DECREF(write);
        return NULL;
    }
    csv_writer_t *w = (csv_writer_t *)gp_object_alloc(&csv_writer_type, 0);
    if (!w) {
        GP_DECREF(write);
        GP_DECREF((gp_object_t *)d);
        return NULL;
    }
    w->write = write;
    w->dialect = d;
    w->state = (csv_state_t *)GP_INCREF((gp_object_t *)st);
    csv_mark(w->special, d->delimiter, CSV_WRITE_SPECIAL);
    csv_mark(w->special, d->quotechar, CSV_WRITE_SPECIAL);
    csv_mark(w->special, d->escapechar, CSV_WRITE_SPECIAL);
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(d->lineterminator);
    const unsigned char *end = p + GP_STR_BYTES(d->lineterminator);
    while (p < end) {
        w->special[*p] |= CSV_WRITE_SPECIAL;
        p += gp_utf8_lead_len(*p);
    }
    gp_gc_track((gp_object_t *)w);
    return (gp_object_t *)w;
}

/* ------------------------------------------------------------------ */
/* Registry and field size limit                                        */
/* ------------------------------------------------------------------ */

static gp_object_t *csv_register_dialect(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    csv_state_t *st = csv_state_of(self);
    if (!st)
        return NULL;
    if (csv_check_two(nargs) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "dialect name must be a string");
        return NULL;
    }
    csv_dialect_t *d = csv_dialect_for_call(nargs > 1 ? args[1] : NULL, args + nargs, kwnames);
    if (!d)
        return NULL;
    int rc = gp_dict_setitem(st->dialects, args[0], (gp_object_t *)d);
    GP_DECREF((gp_object_t *)d);
    return rc < 0 ? NULL : gp_none_new();
}

static gp_object_t *csv_unregister_dialect(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    csv_state_t *st = csv_state_of(self);
    if (!st)
        return NULL;
    static const char *const names[] = {"name", NULL};
    gp_object_t *name;
    if (gp_args_parse("unregister_dialect", args, nargs, kwnames, names, 1, &name) < 0)
        return NULL;
    if (gp_dict_delitem(st->dialects, name) < 0) {
        if (gp_err_matches(&gp_exc_KeyError)) {
            gp_err_clear();
            csv_error(st, "unknown dialect");
        }
        return NULL;
    }
    return gp_none_new();
}

static gp_object_t *csv_get_dialect(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    csv_state_t *st = csv_state_of(self);
    if (!st)
        return NULL;
    static const char *const names[] = {"name", NULL};
    gp_object_t *name;
    if (gp_args_parse("get_dialect", args, nargs, kwnames, names, 1, &name) < 0)
        return NULL;
    if (gp_object_hash(name) == -1 && gp_err_occurred())
        return NULL;
    gp_object_t *d = gp_dict_getitem(st->dialects, name);
    if (!d) {
        if (!gp_err_occurred())
            csv_error(st, "unknown dialect");
        return NULL;
    }
    return GP_INCREF(d);
}

static gp_object_t *csv_list_dialects(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (nargs != 0) {
        gp_err_format(&gp_exc_TypeError, "_csv.list_dialects() takes no arguments (%zu given)",
                      nargs);
        return NULL;
    }
    csv_state_t *st = csv_state_of(self);
    return st ? gp_dict_keys_list(st->dialects) : NULL;
}

static gp_object_t *csv_field_size_limit(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    csv_state_t *st = csv_state_of(self);
    if (!st)
        return NULL;
    static const char *const names[] = {"new_limit", NULL};
    gp_object_t *limit = NULL;
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError,
                      "field_size_limit() takes at most 1 argument (%zu given)", nargs);
        return NULL;
    }
    if (gp_args_parse("field_size_limit", args, nargs, kwnames, names, 0, &limit) < 0)
        return NULL;
    intptr_t old = st->field_limit;
    if (limit) {
        if (!GP_IS_SMALL(limit) && !GP_IS_TYPE(limit, gp_int_type)) {
            gp_err_set_string(&gp_exc_TypeError, "limit must be an integer");
            return NULL;
        }
        int64_t v = gp_int_as_i64(limit);
        if (v == -1 && gp_err_occurred())
            return NULL;
        st->field_limit = (intptr_t)v;
    }
    return gp_int_from_i64(old);
}

static const gp_method_def_t csv_functions[] = {
    {"reader", csv_reader_new, GP_METH_KEYWORDS,
     "reader(iterable, dialect='excel', **fmtparams)\n\nReturn a reader object that will "
     "iterate over the lines of [iterable], yielding each record as a list of strings."},
    {"writer", csv_writer_new, GP_METH_KEYWORDS,
     "writer(fileobj, dialect='excel', **fmtparams)\n\nReturn a writer object whose writerow() "
     "turns a sequence of values into one delimited line on [fileobj]."},
    {"register_dialect", csv_register_dialect, GP_METH_KEYWORDS,
     "register_dialect(name, dialect=None, **fmtparams)\n\nRecord a dialect under [name]."},
    {"unregister_dialect", csv_unregister_dialect, GP_METH_KEYWORDS,
     "unregister_dialect(name)\n\nForget the dialect recorded under [name]."},
    {"get_dialect", csv_get_dialect, GP_METH_KEYWORDS,
     "get_dialect(name)\n\nThe dialect recorded under [name]."},
    {"list_dialects", csv_list_dialects, 0, "list_dialects()\n\nThe names of all dialects."},
    {"field_size_limit", csv_field_size_limit, GP_METH_KEYWORDS,
     "field_size_limit([new_limit])\n\nThe longest field a reader accepts; with an argument, "
     "set a new limit and return the old one."},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

/* The _csv.Error class: `class Error(Exception)` in module _csv. */
static gp_object_t *csv_make_error(void)
{
    gp_object_t *bases = gp_tuple_pack(1, (gp_object_t *)&gp_exc_Exception);
    gp_object_t *type = bases ? gp_type_new_simple_class("_csv", "Error", bases) : NULL;
    GP_XDECREF(bases);
    return type;
}

static int csv_module_fill(gp_object_t *m, csv_state_t *st)
{
    if (gp_module_add_functions(m, csv_functions) < 0)
        return -1;
    gp_object_t *version = gp_str_from_cstr("1.0");
    gp_object_t *doc = gp_str_from_cstr(
        "CSV parsing and writing.\n\nThe C half of the csv module: reader, writer, Dialect "
        "and the dialect registry.\n");
    int rc = -1;
    if (version && doc && gp_module_add_object(m, "__version__", version) == 0 &&
        gp_module_add_object(m, "__doc__", doc) == 0 &&
        gp_module_add_object(m, "Error", st->error) == 0 &&
        gp_module_add_object(m, "_dialects", st->dialects) == 0 &&
        gp_module_add_object(m, "_state", (gp_object_t *)st) == 0 &&
        gp_module_add_object(m, "Dialect", (gp_object_t *)&csv_dialect_type) == 0 &&
        gp_module_add_object(m, "Reader", (gp_object_t *)&csv_reader_type) == 0 &&
        gp_module_add_object(m, "Writer", (gp_object_t *)&csv_writer_type) == 0 &&
        gp_module_add_int(m, "QUOTE_MINIMAL", CSV_QUOTE_MINIMAL) == 0 &&
        gp_module_add_int(m, "QUOTE_ALL", CSV_QUOTE_ALL) == 0 &&
        gp_module_add_int(m, "QUOTE_NONNUMERIC", CSV_QUOTE_NONNUMERIC) == 0 &&
        gp_module_add_int(m, "QUOTE_NONE", CSV_QUOTE_NONE) == 0)
        rc = 0;
    GP_XDECREF(version);
    GP_XDECREF(doc);
    return rc;
}

gp_object_t *gp_csv_module_create(void)
{
    if (gp_type_ready(&csv_state_type) < 0 || gp_type_ready(&csv_dialect_type) < 0 ||
        gp_type_ready(&csv_reader_type) < 0 || gp_type_ready(&csv_writer_type) < 0)
        return NULL;
    csv_state_t *st = (csv_state_t *)gp_object_alloc(&csv_state_type, 0);
    if (!st)
        return NULL;
    st->field_limit = 128 * 1024;
    st->error = csv_make_error();
    st->dialects = gp_dict_new();
    gp_gc_track((gp_object_t *)st);
    gp_object_t *m = NULL;
    if (st->error && st->dialects)
        m = gp_module_new("_csv");
    if (m && csv_module_fill(m, st) < 0)
        GP_CLEAR(m);
    GP_DECREF((gp_object_t *)st);
    return m;
}
