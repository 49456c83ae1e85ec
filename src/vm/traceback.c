/*
 * traceback.c - traceback entries, frame snapshots and the printing of
 * uncaught exceptions.
 *
 * Design notes
 * ------------
 * When an exception leaves a frame (or is raised in it), the eval loop
 * prepends one traceback entry: the code object, the line and the frame's
 * globals. Entries do not point at live frames, which are reused the moment
 * the call returns; a Python-visible frame object (tb_frame) is built from
 * the entry only if someone asks for it.
 *
 * gp_exception_print() reproduces CPython 3.11's default excepthook: the
 * __cause__/__context__ chain first, then "Traceback (most recent call
 * last):", one "  File ..., line N, in name" line per entry with the
 * stripped source line, runs of more than three identical entries folded
 * into "[Previous line repeated N more times]", and the final "Type: msg".
 * SyntaxErrors add their file/line, the offending text and a caret line.
 *
 * Under a runtime source line goes CPython 3.11's caret line, from the
 * source range the compiler recorded for the failing instruction: `^`
 * under the range, or, when the range is a binary operation or a
 * subscript, `~` under the operands and `^` under the operator or the
 * brackets (found by parsing the range again, as CPython does). The line is
 * left out when the range spans lines or covers the whole line without
 * such an anchor. lib/traceback.py draws the same line through the
 * _gilpy_traceback module at the end of this file (caret_line()), from the
 * positions code.co_positions() gives it.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/parser.h"
#include "mod/stdio.h"
#include "obj/exception_group.h"
#include "vm/vm.h"

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

/* ------------------------------------------------------------------ */
/* Traceback objects                                                    */
/* ------------------------------------------------------------------ */

int gp_traceback_here(gp_frame_t *frame, int lasti)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_object_t *exc = ts->curexc;
    if (!exc || !gp_exc_check(exc))
        return 0;
    gp_traceback_t *tb = (gp_traceback_t *)gp_object_alloc(&gp_traceback_type, 0);
    if (!tb)
        return -1;
    gp_exception_t *e = (gp_exception_t *)exc;
    tb->next = e->traceback;
    tb->code = GP_INCREF((gp_object_t *)frame->code);
    tb->globals = GP_INCREF(frame->globals);
    tb->lasti = lasti;
    tb->lasti_offset = lasti < 0 ? -1 : lasti * 2;
    tb->lineno = lasti < 0 ? frame->code->firstlineno
                           : gp_code_line_of(frame->code, (uint32_t)lasti);
    e->traceback = (gp_object_t *)tb;
    gp_gc_track((gp_object_t *)tb);
    return 0;
}

/* Frees a chain of entries in a loop rather than by recursion through
   tb_next: a RecursionError's traceback is a thousand entries long, which a
   thread with a small stack could not unwind recursively. */
static void traceback_dealloc(gp_object_t *self)
{
    while (self) {
        gp_traceback_t *tb = (gp_traceback_t *)self;
        gp_gc_untrack(self);
        gp_object_t *next = tb->next;
        tb->next = NULL;
        GP_CLEAR(tb->code);
        GP_CLEAR(tb->globals);
        GP_CLEAR(tb->frame);
        gp_object_free(self);
        self = NULL;
        /* Carry on with the next entry only when this was its last owner. */
        if (next && GP_TYPE(next) == &gp_traceback_type && next->refcnt == 1) {
            next->refcnt = 0;
            self = next;
        } else {
            GP_XDECREF(next);
        }
    }
}

static int traceback_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_traceback_t *tb = (gp_traceback_t *)self;
    gp_object_t *fields[] = {tb->next, tb->code, tb->globals, tb->frame};
    for (int i = 0; i < 4; i++) {
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int traceback_clear(gp_object_t *self)
{
    gp_traceback_t *tb = (gp_traceback_t *)self;
    GP_CLEAR(tb->next);
    GP_CLEAR(tb->globals);
    GP_CLEAR(tb->frame);
    return 0;
}

static gp_object_t *frame_object_make(gp_object_t *code, gp_object_t *globals, gp_object_t *locals,
                                      int lineno)
{
    gp_frame_object_t *fo = (gp_frame_object_t *)gp_object_alloc(&gp_frame_type, 0);
    if (!fo)
        return NULL;
    fo->code = GP_INCREF(code);
    fo->globals = GP_INCREF(globals);
    fo->locals = GP_XINCREF(locals);
    fo->lineno = lineno;
    gp_gc_track((gp_object_t *)fo);
    return (gp_object_t *)fo;
}

static gp_object_t *traceback_get(gp_object_t *self, void *closure)
{
    gp_traceback_t *tb = (gp_traceback_t *)self;
    switch ((int)(intptr_t)closure) {
    case 0:
        return GP_INCREF(tb->next ? tb->next : gp_None);
    case 1:
        if (!tb->frame) {
            tb->frame = frame_object_make(tb->code, tb->globals, NULL, tb->lineno);
            if (!tb->frame)
                return NULL;
        }
        return GP_INCREF(tb->frame);
    case 2:
        return gp_int_from_i64(tb->lineno);
    default:
        return gp_int_from_i64(tb->lasti_offset);
    }
}

static int traceback_set_next(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_traceback_t *tb = (gp_traceback_t *)self;
    if (!value) {
        gp_err_set_string(&gp_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value != gp_None && !GP_IS_TYPE(value, gp_traceback_type)) {
        gp_err_format(&gp_exc_TypeError, "expected traceback object or None, got '%T'", value);
        return -1;
    }
    for (gp_object_t *p = value; p != gp_None && p; p = ((gp_traceback_t *)p)->next) {
        if (p == self) {
            gp_err_set_string(&gp_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    GP_SETREF(tb->next, value == gp_None ? NULL : GP_INCREF(value));
    return 0;
}

/* types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno), for code
   that builds or rewrites tracebacks (template engines, test runners). Such
   an entry shows no carets: its tb_lasti need not name an instruction. */
static gp_object_t *traceback_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    static const char *const names[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    gp_object_t *a[4];
    if (gp_args_parse("TracebackType", args, nargs, kwnames, names, 4, a) < 0)
        return NULL;
    gp_object_t *next = a[0], *frame = a[1];
    if (next != gp_None && !GP_IS_TYPE(next, gp_traceback_type)) {
        gp_err_format(&gp_exc_TypeError, "expected traceback object or None, got '%T'", next);
        return NULL;
    }
    if (!GP_IS_TYPE(frame, gp_frame_type)) {
        gp_err_format(&gp_exc_TypeError,
                      "TracebackType() argument 'tb_frame' must be frame, not %T", frame);
        return NULL;
    }
    int64_t values[2];
    for (int i = 0; i < 2; i++) {
        gp_object_t *n = gp_number_index(a[2 + i]);
        if (!n)
            return NULL;
        values[i] = gp_int_as_i64(n);
        GP_DECREF(n);
        if (values[i] == -1 && gp_err_occurred())
            return NULL;
        if (values[i] < INT_MIN || values[i] > INT_MAX) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
    }
    gp_frame_object_t *fo = (gp_frame_object_t *)frame;
    gp_traceback_t *tb = (gp_traceback_t *)gp_object_alloc(&gp_traceback_type, 0);
    if (!tb)
        return NULL;
    tb->next = next == gp_None ? NULL : GP_INCREF(next);
    tb->code = GP_INCREF(fo->code);
    tb->globals = GP_INCREF(fo->globals);
    tb->frame = GP_INCREF(frame);
    tb->lasti = -1;
    tb->lasti_offset = (int)values[0];
    tb->lineno = (int)values[1];
    gp_gc_track((gp_object_t *)tb);
    return (gp_object_t *)tb;
}

static const gp_getset_def_t traceback_getsets[] = {
    {"tb_next", traceback_get, traceback_set_next, (void *)0, NULL},
    {"tb_frame", traceback_get, NULL, (void *)1, NULL},
    {"tb_lineno", traceback_get, NULL, (void *)2, NULL},
    {"tb_lasti", traceback_get, NULL, (void *)3, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_traceback_type = {
    GP_TYPE_HEAD_INIT,
    .name = "traceback",
    .basicsize = sizeof(gp_traceback_t),
    .flags = GP_TYPE_FLAG_GC,
    .new_ = traceback_new,
    .dealloc = traceback_dealloc,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .traverse = traceback_traverse,
    .clear = traceback_clear,
    .getsets = traceback_getsets,
};

/* ------------------------------------------------------------------ */
/* Frame snapshots                                                      */
/* ------------------------------------------------------------------ */

gp_object_t *gp_frame_object_new(gp_frame_t *f, int lineno)
{
    gp_object_t *locals = f->locals;
    gp_object_t *snapshot = NULL;
    if (!locals) {
        snapshot = gp_dict_new();
        if (!snapshot)
            return NULL;
        gp_code_t *co = f->code;
        for (int i = 0; i < co->nlocalsplus; i++) {
            gp_object_t *v = f->localsplus[i];
            if (v && i >= co->nlocals)
                v = ((gp_cell_t *)v)->ref;
            if (v && gp_dict_setitem(snapshot, gp_code_slot_name(co, i), v) < 0) {
                GP_DECREF(snapshot);
                return NULL;
            }
        }
        locals = snapshot;
    }
    gp_object_t *r = frame_object_make((gp_object_t *)f->code, f->globals, locals, lineno);
    GP_XDECREF(snapshot);
    return r;
}

static void frame_object_dealloc(gp_object_t *self)
{
    gp_frame_object_t *fo = (gp_frame_object_t *)self;
    gp_gc_untrack(self);
    GP_CLEAR(fo->code);
    GP_CLEAR(fo->globals);
    GP_CLEAR(fo->locals);
    gp_object_t *back = fo->back;
    fo->back = NULL;
    gp_object_free(self);
    /* Release the callers one by one rather than through nested deallocs:
       a snapshot of a very deep stack would otherwise recurse once per
       frame on the C stack. */
    while (back && back->refcnt == 1) {
        gp_frame_object_t *next = (gp_frame_object_t *)back;
        gp_object_t *rest = next->back;
        next->back = NULL;
        GP_DECREF(back);
        back = rest;
    }
    GP_XDECREF(back);
}

static int frame_object_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_frame_object_t *fo = (gp_frame_object_t *)self;
    int r = visit(fo->code, arg);
    if (!r)
        r = visit(fo->globals, arg);
    if (!r && fo->locals)
        r = visit(fo->locals, arg);
    if (!r && fo->back)
        r = visit(fo->back, arg);
    return r;
}

static int frame_object_clear(gp_object_t *self)
{
    gp_frame_object_t *fo = (gp_frame_object_t *)self;
    GP_CLEAR(fo->locals);
    GP_CLEAR(fo->back);
    return 0;
}

static gp_object_t *frame_object_get(gp_object_t *self, void *closure)
{
    gp_frame_object_t *fo = (gp_frame_object_t *)self;
    switch ((int)(intptr_t)closure) {
    case 0:
        return GP_INCREF(fo->code);
    case 1:
        return GP_INCREF(fo->globals);
    case 2:
        if (!fo->locals && !(fo->locals = gp_dict_new()))
            return NULL;
        return GP_INCREF(fo->locals);
    case 3:
        return gp_int_from_i64(fo->lineno);
    case 4:
        return GP_INCREF(gp_runtime()->builtins);
    case 5:
        return GP_INCREF(fo->back ? fo->back : gp_None);
    default:
        return gp_none_new();
    }
}

static gp_object_t *frame_object_repr(gp_object_t *self)
{
    gp_frame_object_t *fo = (gp_frame_object_t *)self;
    gp_code_t *co = (gp_code_t *)fo->code;
    return gp_str_from_format("<frame at %p, file '%U', line %d, code %U>", (void *)self,
                              co->filename, fo->lineno, co->name);
}

static const gp_getset_def_t frame_object_getsets[] = {
    {"f_code", frame_object_get, NULL, (void *)0, NULL},
    {"f_globals", frame_object_get, NULL, (void *)1, NULL},
    {"f_locals", frame_object_get, NULL, (void *)2, NULL},
    {"f_lineno", frame_object_get, NULL, (void *)3, NULL},
    {"f_builtins", frame_object_get, NULL, (void *)4, NULL},
    {"f_back", frame_object_get, NULL, (void *)5, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_frame_type = {
    GP_TYPE_HEAD_INIT,
    .name = "frame",
    .basicsize = sizeof(gp_frame_object_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = frame_object_dealloc,
    .repr = frame_object_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .traverse = frame_object_traverse,
    .clear = frame_object_clear,
    .getsets = frame_object_getsets,
};

/* Snapshots the callers of [f] (not [f] itself) as a chain of frame
   objects linked through f_back, outermost last. Only the frame that
   sys._getframe returns gets a copy of its locals: callers keep f_locals
   lazily empty, which keeps warnings.warn and logging (which walk a few
   frames on every call) from copying every local of the whole stack. */
static gp_object_t *frame_chain_snapshot(gp_frame_t *f)
{
    gp_object_t *head = NULL, *tail = NULL;
    for (gp_frame_t *b = f->back; b; b = b->back) {
        gp_object_t *fo = frame_object_make((gp_object_t *)b->code, b->globals, b->locals,
                                            gp_frame_lineno(b));
        if (!fo) {
            GP_XDECREF(head);
            return NULL;
        }
        if (tail)
            ((gp_frame_object_t *)tail)->back = fo; /* the chain owns it */
        else
            head = fo;
        tail = fo;
    }
    return head;
}

gp_object_t *gp_sys_getframe(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("_getframe", nargs, kwnames, 0, 1) < 0)
        return NULL;
    intptr_t depth = 0;
    if (nargs == 1) {
        depth = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
        if (depth == -1 && gp_err_occurred())
            return NULL;
    }
    gp_frame_t *f = gp_tstate()->frame;
    while (f && depth > 0) {
        f = f->back;
        depth--;
    }
    if (!f) {
        gp_err_set_string(&gp_exc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    return gp_frame_snapshot(f);
}

gp_object_t *gp_frame_snapshot(gp_frame_t *f)
{
    gp_object_t *fo = gp_frame_object_new(f, gp_frame_lineno(f));
    if (!fo)
        return NULL;
    gp_object_t *back = frame_chain_snapshot(f);
    if (!back && gp_err_occurred()) {
        GP_DECREF(fo);
        return NULL;
    }
    ((gp_frame_object_t *)fo)->back = back;
    return fo;
}

/* ------------------------------------------------------------------ */
/* Printing                                                             */
/* ------------------------------------------------------------------ */

/* Reads line [lineno] of [filename] into [buf] without its line break.
   False when the file or the line cannot be read. */
static bool read_source_line(const char *filename, int lineno, char *buf, size_t size)
{
    if (!filename || filename[0] == '<' || lineno < 1)
        return false;
    FILE *f = fopen(filename, "r");
    if (!f)
        return false;
    int line = 0;
    bool found = false;
    while (fgets(buf, (int)size, f)) {
        size_t n = strlen(buf);
        bool complete = n > 0 && buf[n - 1] == '\n';
        if (line + 1 == lineno) {
            found = true;
            break;
        }
        if (complete)
            line++;
    }
    fclose(f);
    if (!found)
        return false;
    size_t n = strlen(buf);
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        n--;
    buf[n] = '\0';
    return true;
}

/* Characters (code points) in the first [n] bytes of UTF-8 text [s]. */
static long utf8_chars(const char *s, size_t n)
{
    long count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\f';
}

/* Where the operator of a binary operation, or the brackets of a subscript,
   stand in the source segment [seg] (the failing range alone), as byte
   offsets [*left, *right) into it. False when the segment is not one of
   those expressions (or does not parse on its own). */
static bool caret_anchors(const char *seg, size_t len, size_t *left, size_t *right)
{
    gp_arena_t *arena = gp_arena_new();
    if (!arena)
        return false;
    gp_syntax_error_t err;
    gp_ast_mod_t *mod = gp_parse(seg, len, "<traceback>", GP_PARSE_FILE, arena, &err);
    bool found = false;
    if (mod && mod->body.count == 1 && mod->body.items[0]->kind == GP_AST_Expr) {
        const gp_ast_expr_t *e = mod->body.items[0]->v.Expr.value;
        if (e->kind == GP_AST_BinOp && e->lineno == 1 && e->end_lineno == 1) {
            /* The first non-blank byte after the left operand, one or two
               long; a closing parenthesis there is passed over as CPython
               3.11 does (its anchor stands unless an operator follows). */
            size_t from = (size_t)e->v.BinOp.left->end_col_offset;
            size_t to = (size_t)e->v.BinOp.right->col_offset;
            for (size_t i = from; i < to && i < len; i++) {
                if (is_blank(seg[i]))
                    continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < to && !is_blank(seg[i + 1]))
                    *right = i + 2;
                found = true;
                if (i + 1 < to && seg[i] == ')')
                    continue;
                break;
            }
        } else if (e->kind == GP_AST_Subscript && e->lineno == 1 && e->end_lineno == 1) {
            *left = (size_t)e->v.Subscript.value->end_col_offset;
            *right = (size_t)e->v.Subscript.slice->end_col_offset + 1;
            found = *left <= *right && *right <= len;
        }
    }
    gp_arena_free(arena);
    return found;
}

/* The caret line for the range [pos] under source line [lineno], whose text
   is [buf] ([n] bytes, trailing blanks removed, [ws] bytes of indentation):
   the marks of CPython 3.11, preceded by the spaces that put them under the
   stripped line. False when no caret line is drawn. */
static bool caret_line(const char *buf, size_t n, size_t ws, int lineno, gp_code_pos_t pos,
                       gp_strbuf_t *out)
{
    /* A range that goes on to later lines is marked to the end of this
       one, without anchors. */
    bool multiline = pos.end_lineno > lineno;
    if (pos.lineno != lineno || pos.col < 0 || (size_t)pos.col > n)
        return false;
    if (multiline)
        pos.end_col = (int32_t)n;
    else if (pos.end_lineno != lineno || pos.end_col <= pos.col || (size_t)pos.end_col > n)
        return false;
    size_t start_b = (size_t)pos.col, end_b = (size_t)pos.end_col;
    long start = utf8_chars(buf, start_b), end = utf8_chars(buf, end_b);
    long lead = utf8_chars(buf, ws), stripped = utf8_chars(buf + ws, n - ws);
    size_t left_b = 0, right_b = 0;
    bool anchored = !multiline && caret_anchors(buf + start_b, end_b - start_b, &left_b, &right_b);
    if (end - start == stripped && !anchored)
        return false;
    long left = end, right = end;
    if (anchored) {
        left = start + utf8_chars(buf + start_b, left_b);
        right = start + utf8_chars(buf + start_b, right_b);
    }
    for (long i = lead; i < start; i++)
        gp_strbuf_append_char(out, ' ');
    for (long i = start; i < end; i++)
        gp_strbuf_append_char(out, !anchored || (i >= left && i < right) ? '^' : '~');
    return true;
}

/* The lengths that caret_line() wants of source line [buf]: its
   indentation and its length without trailing blanks. */
static size_t line_trim(const char *buf, size_t n, size_t *ws)
{
    *ws = 0;
    while (*ws < n && is_blank(buf[*ws]))
        (*ws)++;
    while (n > *ws && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\f'))
        n--;
    return n;
}

/* Writes the stripped source line of a traceback entry, indented by four
   spaces, and under it the caret line for the range [pos] when it marks
   part of that line. */
static void print_source_line(FILE *out, const char *filename, int lineno, gp_code_pos_t pos)
{
    char buf[4096];
    if (!read_source_line(filename, lineno, buf, sizeof buf))
        return;
    size_t ws;
    size_t n = line_trim(buf, strlen(buf), &ws);
    if (n == ws)
        return;
    fprintf(out, "    %.*s\n", (int)(n - ws), buf + ws);
    gp_strbuf_t carets;
    gp_strbuf_init(&carets);
    if (caret_line(buf, n, ws, lineno, pos, &carets) && !carets.failed)
        fprintf(out, "    %.*s\n", (int)carets.len, carets.data);
    gp_strbuf_discard(&carets);
}

static void print_traceback(FILE *out, gp_object_t *tb_obj, const char *header)
{
    int depth = 0;
    for (gp_object_t *t = tb_obj; t; t = ((gp_traceback_t *)t)->next)
        depth++;
    gp_object_t *t = tb_obj;
    while (depth > TB_LIMIT) {
        depth--;
        t = ((gp_traceback_t *)t)->next;
    }
    fputs(header, out);
    gp_object_t *last_file = NULL, *last_name = NULL;
    int last_line = -1, cnt = 0;
    for (; t; t = ((gp_traceback_t *)t)->next) {
        gp_traceback_t *tb = (gp_traceback_t *)t;
        gp_code_t *co = (gp_code_t *)tb->code;
        if (!last_file || gp_str_compare(co->filename, last_file) != 0 || last_line == -1 ||
            tb->lineno != last_line || !last_name || gp_str_compare(co->name, last_name) != 0) {
            if (cnt > TB_RECURSIVE_CUTOFF) {
                int more = cnt - TB_RECURSIVE_CUTOFF;
                fprintf(out, "  [Previous line repeated %d more time%s]\n", more,
                        more > 1 ? "s" : "");
            }
            last_file = co->filename;
            last_line = tb->lineno;
            last_name = co->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) {
            fprintf(out, "  File \"%s\", line %d, in %s\n", gp_str_utf8(co->filename), tb->lineno,
                    gp_str_utf8(co->name));
            gp_code_pos_t pos = {0, 0, 0, 0};
            if (tb->lasti >= 0)
                pos = gp_code_pos_of(co, (uint32_t)tb->lasti);
            print_source_line(out, gp_str_utf8(co->filename), tb->lineno, pos);
        }
    }
    if (cnt > TB_RECURSIVE_CUTOFF) {
        int more = cnt - TB_RECURSIVE_CUTOFF;
        fprintf(out, "  [Previous line repeated %d more time%s]\n", more, more > 1 ? "s" : "");
    }
}

/* An attribute of [o] as a C int, or [def]. */
static long attr_long(gp_object_t *o, const char *name, long def)
{
    gp_object_t *v = gp_object_getattr_cstr(o, name);
    if (!v) {
        gp_err_clear();
        return def;
    }
    long r = def;
    if (gp_int_check(v)) {
        r = (long)gp_int_as_i64(v);
        if (gp_err_occurred()) {
            gp_err_clear();
            r = def;
        }
    }
    GP_DECREF(v);
    return r;
}

/* Number of code points in [s]. */
static long utf8_count(const char *s, size_t n)
{
    long c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            c++;
    return c;
}

/* The text and caret of a SyntaxError, as CPython's print_error_text. */
static void print_error_text(FILE *out, long offset, long end_offset, const char *text)
{
    long caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    /* Work in code points: convert the text to an array of byte offsets. */
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    size_t len = strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    long clen = utf8_count(text, len);
    if (offset > clen)
        offset = clen;
    for (;;) {
        const char *nl = memchr(text, '\n', len);
        if (!nl)
            break;
        long inl = utf8_count(text, (size_t)(nl - text));
        if (inl >= offset)
            break;
        size_t skip = (size_t)(nl - text) + 1;
        text += skip;
        len -= skip;
        offset -= inl + 1;
    }
    fprintf(out, "    %.*s\n", (int)len, text);
    if (offset < 0)
        return;
    fputs("    ", out);
    /* The caret column counts characters; tabs and wide characters are not
       expanded, as in CPython. */
    while (--offset >= 0)
        fputc(' ', out);
    for (long i = 0; i < caret_repetitions; i++)
        fputc('^', out);
    fputc('\n', out);
}

static void print_syntax_error_location(FILE *out, gp_object_t *exc)
{
    gp_object_t *filename = gp_object_getattr_cstr(exc, "filename");
    if (!filename)
        gp_err_clear();
    long lineno = attr_long(exc, "lineno", 0);
    const char *fname = "<string>";
    if (filename && gp_str_check(filename))
        fname = gp_str_utf8(filename);
    fprintf(out, "  File \"%s\", line %ld\n", fname, lineno);
    GP_XDECREF(filename);
    gp_object_t *text = gp_object_getattr_cstr(exc, "text");
    if (!text) {
        gp_err_clear();
        return;
    }
    if (gp_str_check(text)) {
        long offset = attr_long(exc, "offset", -1);
        long end_offset = attr_long(exc, "end_offset", -1);
        long end_lineno = attr_long(exc, "end_lineno", lineno);
        const char *t = gp_str_utf8(text);
        long line_size = utf8_count(t, strlen(t));
        if (end_lineno > lineno)
            end_offset = line_size;
        if (end_offset > line_size + 1)
            end_offset = line_size + 1;
        /* CPython marks indentation errors with a single caret. */
        if (gp_object_isinstance_type(exc, &gp_exc_IndentationError))
            end_offset = -1;
        print_error_text(out, offset, end_offset, t);
    }
    GP_DECREF(text);
}

/* "module.Qualname" or "Qualname" for builtins and __main__. */
static void print_type_name(FILE *out, gp_type_t *type)
{
    gp_object_t *qual = gp_object_getattr_cstr((gp_object_t *)type, "__qualname__");
    if (!qual || !gp_str_check(qual)) {
        GP_XDECREF(qual);
        gp_err_clear();
        qual = gp_str_from_cstr(gp_type_name(type));
        if (!qual) {
            gp_err_clear();
            fputs("<unknown>", out);
            return;
        }
    }
    gp_object_t *module = gp_object_getattr_cstr((gp_object_t *)type, "__module__");
    if (!module)
        gp_err_clear();
    if (module && gp_str_check(module) && !gp_str_eq_cstr(module, "builtins") &&
        !gp_str_eq_cstr(module, "__main__"))
        fprintf(out, "%s.%s", gp_str_utf8(module), gp_str_utf8(qual));
    else
        fputs(gp_str_utf8(qual), out);
    GP_XDECREF(module);
    GP_DECREF(qual);
}

/* ------------------------------------------------------------------ */
/* "Did you mean" suggestions                                           */
/* ------------------------------------------------------------------ */

/* CPython 3.11 (Python/suggestions.c) appends ". Did you mean: 'x'?" to the
   last line of a printed NameError or AttributeError when some visible name
   is close to the missing one. Closeness is a Levenshtein distance over the
   UTF-8 bytes where an insertion, deletion or substitution costs 2 and a
   case flip costs 1; a candidate qualifies when at most about a third of
   the characters involved change, and the first closest candidate wins.
   The rule, its limits and its tie-breaking are copied so that the printed
   hint is the same as CPython's. str(exc) is never affected. */
#define SUGGEST_MAX_CANDIDATES 750
#define SUGGEST_MAX_STRING 40
#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1

static size_t suggest_substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return SUGGEST_MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + ('a' - 'A'));
    return a == b ? SUGGEST_CASE_COST : SUGGEST_MOVE_COST;
}

/* The distance between [a] and [b], or max_cost + 1 as soon as it is known
   to exceed [max_cost]. Keeps only one row of the matrix. */
static size_t suggest_distance(const char *a, size_t a_size, const char *b, size_t b_size,
                               size_t max_cost)
{
    size_t row[SUGGEST_MAX_STRING];
    while (a_size && b_size && a[0] == b[0]) {
        a++, b++;
        a_size--, b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
        a_size--, b_size--;
    if (a_size == 0 || b_size == 0)
        return (a_size + b_size) * SUGGEST_MOVE_COST;
    if (a_size > SUGGEST_MAX_STRING || b_size > SUGGEST_MAX_STRING)
        return max_cost + 1;
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t n = a_size;
        a_size = b_size;
        b_size = n;
    }
    if ((b_size - a_size) * SUGGEST_MOVE_COST > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < a_size; i++)
        row[i] = (i + 1) * SUGGEST_MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        size_t distance = result = bi * SUGGEST_MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t ai = 0; ai < a_size; ai++) {
            size_t substitute = distance + suggest_substitution_cost(b[bi], a[ai]);
            distance = row[ai];
            size_t insert_delete = (result < distance ? result : distance) + SUGGEST_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[ai] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The candidate of the list [dir] closest to [name] (borrowed), or NULL. */
static gp_object_t *suggest_from_list(gp_object_t *dir, gp_object_t *name)
{
    size_t count = GP_LIST_SIZE(dir);
    if (count >= SUGGEST_MAX_CANDIDATES)
        return NULL;
    const char *name_str = gp_str_utf8(name);
    size_t name_size = gp_str_utf8_len(name);
    gp_object_t *best = NULL;
    size_t best_distance = SIZE_MAX;
    for (size_t i = 0; i < count; i++) {
        gp_object_t *item = GP_LIST_GET(dir, i);
        if (!gp_str_check(item))
            return NULL;
        const char *item_str = gp_str_utf8(item);
        size_t item_size = gp_str_utf8_len(item);
        if (item_size == name_size && memcmp(item_str, name_str, name_size) == 0)
            continue;
        size_t max_distance = (name_size + item_size + 3) * SUGGEST_MOVE_COST / 6;
        if (best && max_distance > best_distance - 1)
            max_distance = best_distance - 1;
        size_t distance = suggest_distance(name_str, name_size, item_str, item_size, max_distance);
        if (distance > max_distance)
            continue;
        if (!best || distance < best_distance) {
            best = item;
            best_distance = distance;
        }
    }
    return best;
}

/* The closest key of the dict [d], as a new reference, or NULL. */
static gp_object_t *suggest_from_dict(gp_object_t *d, gp_object_t *name)
{
    if (!d || !gp_dict_check(d))
        return NULL;
    gp_object_t *keys = gp_dict_keys_list(d);
    if (!keys)
        return NULL;
    gp_object_t *best = GP_XINCREF(suggest_from_list(keys, name));
    GP_DECREF(keys);
    return best;
}

/* An exception attribute stored by the raiser (borrowed), or NULL. */
static gp_object_t *suggest_exc_attr(gp_object_t *exc, const char *attr)
{
    gp_object_t *dict = ((gp_exception_t *)exc)->dict;
    if (!dict || !gp_dict_check(dict))
        return NULL;
    gp_object_t *v = gp_dict_getitem_cstr(dict, attr);
    return v == gp_None ? NULL : v;
}

/* For a NameError: the local variables of the innermost frame, then its
   globals, then its builtins. */
static gp_object_t *suggest_for_name_error(gp_object_t *exc, gp_object_t *name)
{
    gp_object_t *tb_obj = ((gp_exception_t *)exc)->traceback;
    if (!tb_obj || !GP_IS_TYPE(tb_obj, gp_traceback_type))
        return NULL;
    gp_traceback_t *tb = (gp_traceback_t *)tb_obj;
    while (tb->next && GP_IS_TYPE(tb->next, gp_traceback_type))
        tb = (gp_traceback_t *)tb->next;
    gp_code_t *code = (gp_code_t *)tb->code;
    gp_object_t *locals = gp_list_new((size_t)code->nlocals);
    if (!locals)
        return NULL;
    for (int i = 0; i < code->nlocals; i++)
        GP_LIST_SET(locals, i, GP_INCREF(gp_code_slot_name(code, i)));
    gp_object_t *best = GP_XINCREF(suggest_from_list(locals, name));
    GP_DECREF(locals);
    if (!best)
        best = suggest_from_dict(tb->globals, name);
    if (!best && !gp_err_occurred())
        best = suggest_from_dict(gp_frame_builtins_of(tb->globals), name);
    return best;
}

/* The suggested name for [exc] (new reference), or NULL. Never leaves an
   exception set: a failure only means no hint. */
static gp_object_t *suggest_for(gp_object_t *exc)
{
    if (!gp_exc_check(exc))
        return NULL;
    gp_object_t *best = NULL;
    bool is_attr = gp_object_isinstance_type(exc, &gp_exc_AttributeError);
    bool is_name = !is_attr && gp_object_isinstance_type(exc, &gp_exc_NameError);
    if (!is_attr && !is_name)
        return NULL;
    gp_object_t *name = suggest_exc_attr(exc, "name");
    if (!name || !gp_str_check_exact(name))
        return NULL;
    if (is_attr) {
        gp_object_t *obj = suggest_exc_attr(exc, "obj");
        gp_object_t *dir = obj ? gp_object_dir(obj) : NULL;
        if (dir && GP_IS_TYPE(dir, gp_list_type))
            best = GP_XINCREF(suggest_from_list(dir, name));
        GP_XDECREF(dir);
    } else {
        best = suggest_for_name_error(exc, name);
    }
    gp_err_clear();
    return best;
}

/* Each note of [exc] on its own line(s) after the message, as 3.11 does. */
static void print_notes(FILE *out, gp_object_t *exc)
{
    gp_object_t *notes = gp_exc_check(exc) ? ((gp_exception_t *)exc)->notes : NULL;
    if (notes == NULL)
        return;
    if (!gp_list_check(notes) && !gp_tuple_check(notes)) {
        gp_object_t *r = gp_object_repr(notes);
        if (r == NULL) {
            gp_err_clear();
            fputs("<__notes__ repr() failed>\n", out);
            return;
        }
        fprintf(out, "%s\n", gp_str_utf8(r));
        GP_DECREF(r);
        return;
    }
    gp_object_t *items = gp_tuple_from_iterable(notes);
    if (items == NULL) {
        gp_err_clear();
        return;
    }
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(items); i++) {
        gp_object_t *note = gp_object_str(GP_TUPLE_GET(items, i));
        if (note == NULL) {
            gp_err_clear();
            fputs("<note str() failed>\n", out);
            continue;
        }
        fwrite(gp_str_utf8(note), 1, gp_str_utf8_len(note), out);
        fputc('\n', out);
        GP_DECREF(note);
    }
    GP_DECREF(items);
}

/* The traceback (under [header]), the message line and the notes of one
   exception, without its chain. */
static void print_one(FILE *out, gp_object_t *exc, const char *header)
{
    gp_exception_t *e = gp_exc_check(exc) ? (gp_exception_t *)exc : NULL;
    if (e && e->traceback)
        print_traceback(out, e->traceback, header);
    bool is_syntax = gp_object_isinstance_type(exc, &gp_exc_SyntaxError);
    gp_object_t *msg = NULL;
    if (is_syntax) {
        print_syntax_error_location(out, exc);
        msg = gp_object_getattr_cstr(exc, "msg");
        if (!msg)
            gp_err_clear();
    }
    print_type_name(out, GP_TYPE(exc));
    if (!msg || msg == gp_None) {
        GP_XDECREF(msg);
        msg = gp_object_str(exc);
    }
    /* A message that cannot be made still leaves room for the suggestion
       and the notes, as in CPython. */
    if (!msg) {
        gp_err_clear();
        fputs(": <exception str() failed>", out);
    } else if (gp_str_check(msg) && gp_str_utf8_len(msg) > 0) {
        fputs(": ", out);
        fwrite(gp_str_utf8(msg), 1, gp_str_utf8_len(msg), out);
    }
    GP_XDECREF(msg);
    gp_object_t *suggestion = suggest_for(exc);
    if (suggestion) {
        fputs(". Did you mean: '", out);
        fwrite(gp_str_utf8(suggestion), 1, gp_str_utf8_len(suggestion), out);
        fputs("'?", out);
        GP_DECREF(suggestion);
    }
    fputc('\n', out);
    print_notes(out, exc);
}

/* ------------------------------------------------------------------ */
/* Chains and exception groups                                          */
/* ------------------------------------------------------------------ */

/* CPython 3.11 prints an exception group as a tree of boxes: each level
   of nesting indents by two columns and prefixes its lines with "| ", the
   members are introduced by numbered separator lines, the last one is
   closed by a dashed line, and a group's traceback header carries a "+"
   in the margin at the outermost level. Rather than teach every printing
   helper about margins, each piece (a traceback with its message, a chain
   message) is first written into a memory buffer by the plain helpers and
   then copied out line by line behind the margin of the current depth.

   The exceptions already printed are remembered across the whole tree,
   as CPython does, so a context shared by several members appears once. */
#define TB_GROUP_MAX_WIDTH 15
#define TB_GROUP_MAX_DEPTH 10

typedef struct tb_print {
    FILE *out;
    int group_depth; /* 0 outside any group */
    bool need_close; /* the innermost open group still owes its closing line */
    int nesting;     /* print_recursive() calls in progress: bounds the C stack */
    gp_object_t **seen;
    size_t nseen, cap;
} tb_print_t;

static bool print_seen(tb_print_t *p, gp_object_t *exc)
{
    for (size_t i = 0; i < p->nseen; i++)
        if (p->seen[i] == exc)
            return true;
    return false;
}

static void print_mark_seen(tb_print_t *p, gp_object_t *exc)
{
    if (p->nseen == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        gp_object_t **grown = gp_mem_realloc(p->seen, cap * sizeof(*grown));
        if (grown == NULL)
            return; /* only risks printing an exception twice */
        p->seen = grown;
        p->cap = cap;
    }
    p->seen[p->nseen++] = exc;
}

static void print_indent(tb_print_t *p)
{
    for (int i = 0; i < 2 * p->group_depth; i++)
        fputc(' ', p->out);
}

/* Copies [len] bytes of [text] out, each line behind the margin: the
   first line's margin character is [first_margin], the others' '|'. */
static void print_margined(tb_print_t *p, const char *text, size_t len, char first_margin)
{
    size_t pos = 0;
    bool first = true;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t line_end = nl ? (size_t)(nl - text) + 1 : len;
        print_indent(p);
        if (p->group_depth > 0) {
            fputc(first ? first_margin : '|', p->out);
            fputc(' ', p->out);
        }
        fwrite(text + pos, 1, line_end - pos, p->out);
        pos = line_end;
        first = false;
    }
}

/* Runs [render] into a memory buffer and copies the result out margined. */
static void print_rendered(tb_print_t *p, void (*render)(FILE *, gp_object_t *, const char *),
                           gp_object_t *exc, const char *header, char first_margin)
{
    if (p->group_depth == 0) {
        render(p->out, exc, header);
        return;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem == NULL) {
        render(p->out, exc, header);
        return;
    }
    render(mem, exc, header);
    fclose(mem);
    print_margined(p, buf, len, first_margin);
    free(buf);
}

static void print_text(tb_print_t *p, const char *text)
{
    print_margined(p, text, strlen(text), '|');
}

static void print_recursive(tb_print_t *p, gp_object_t *exc);

/* [chained] first, then the sentence linking it to what follows. The
   chained exception may open and close groups of its own: whether the
   enclosing group still owes its closing line must survive that. */
static void print_chained(tb_print_t *p, gp_object_t *chained, const char *message)
{
    bool need_close = p->need_close;
    print_recursive(p, chained);
    p->need_close = need_close;
    print_text(p, "\n");
    print_text(p, message);
    print_text(p, "\n");
}

static void print_group(tb_print_t *p, gp_object_t *exc)
{
    if (p->group_depth > TB_GROUP_MAX_DEPTH) {
        char line[64];
        snprintf(line, sizeof(line), "... (max_group_depth is %d)\n", TB_GROUP_MAX_DEPTH);
        print_text(p, line);
        return;
    }
    bool outermost = p->group_depth == 0;
    if (outermost)
        p->group_depth = 1;
    /* The "+" belongs to the header line, which only a raised group has. */
    bool has_tb = ((gp_exception_t *)exc)->traceback != NULL;
    print_rendered(p, print_one, exc, "Exception Group Traceback (most recent call last):\n",
                   p->group_depth == 1 && has_tb ? '+' : '|');
    gp_object_t *members = ((gp_exception_group_t *)exc)->exceptions;
    intptr_t count = members ? GP_TUPLE_SIZE(members) : 0;
    intptr_t shown = count <= TB_GROUP_MAX_WIDTH ? count : TB_GROUP_MAX_WIDTH + 1;
    p->need_close = false;
    for (intptr_t i = 0; i < shown; i++) {
        bool last = i == shown - 1, truncated = i >= TB_GROUP_MAX_WIDTH;
        if (last)
            p->need_close = true;
        print_indent(p);
        fputs(i == 0 ? "+-" : "  ", p->out);
        if (truncated)
            fputs("+---------------- ... ----------------\n", p->out);
        else
            fprintf(p->out, "+---------------- %zd ----------------\n", (ssize_t)(i + 1));
        p->group_depth++;
        if (!truncated) {
            print_recursive(p, GP_TUPLE_GET(members, i));
        } else {
            char line[96];
            intptr_t more = count - TB_GROUP_MAX_WIDTH;
            snprintf(line, sizeof(line), "and %zd more exception%s\n", (ssize_t)more,
                     more > 1 ? "s" : "");
            print_text(p, line);
        }
        if (last && p->need_close) {
            /* A member that is itself a group has closed its own box. */
            print_indent(p);
            fputs("+------------------------------------\n", p->out);
            p->need_close = false;
        }
        p->group_depth--;
    }
    if (outermost)
        p->group_depth = 0;
}

static void print_recursive(tb_print_t *p, gp_object_t *exc)
{
    print_mark_seen(p, exc);
    /* A pathologically long chain is cut rather than overflowing the C
       stack; CPython stops at its recursion limit in the same place. */
    bool may_chain = p->nesting < TB_LIMIT;
    p->nesting++;
    if (may_chain && gp_exc_check(exc)) {
        gp_exception_t *e = (gp_exception_t *)exc;
        if (e->cause) {
            if (!print_seen(p, e->cause))
                print_chained(p, e->cause,
                              "The above exception was the direct cause of the following "
                              "exception:\n");
        } else if (e->context && !e->suppress_context && !print_seen(p, e->context)) {
            print_chained(p, e->context,
                          "During handling of the above exception, another exception "
                          "occurred:\n");
        }
    }
    if (gp_exception_group_check(exc))
        print_group(p, exc);
    else
        print_rendered(p, print_one, exc, "Traceback (most recent call last):\n", '|');
    p->nesting--;
}

/* sys.stderr as a new reference, or NULL when there is none (no sys module
   yet, the attribute deleted or set to None). */
static gp_object_t *print_target(void)
{
    gp_thread_state_t *ts = gp_tstate();
    if (!ts || !ts->runtime || !ts->runtime->sys_module)
        return NULL;
    gp_object_t *dict = gp_module_dict(ts->runtime->sys_module);
    gp_object_t *target = dict ? gp_dict_getitem(dict, gp_str_static("stderr")) : NULL;
    if (target == NULL) {
        gp_err_clear();
        return NULL;
    }
    return target == gp_None ? NULL : GP_INCREF(target);
}

/* Renders [exc] into memory and hands the text to [target].write(), for a
   sys.stderr that a script replaced (io.StringIO, redirect_stderr...). A
   failing write is dropped, as CPython's printer drops it. */
static void print_to_object(gp_object_t *target, gp_object_t *exc)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem == NULL)
        return;
    tb_print_t p = {.out = mem};
    print_recursive(&p, exc);
    gp_mem_free(p.seen);
    fclose(mem);
    gp_object_t *str = gp_str_from_utf8(text, len);
    free(text);
    gp_object_t *r = str ? gp_object_call_method(target, "write", &str, 1) : NULL;
    GP_XDECREF(str);
    GP_XDECREF(r);
    if (r == NULL)
        gp_err_clear();
}

void gp_exception_print(gp_object_t *exc)
{
    if (!exc)
        return;
    gp_object_t *pending = gp_err_fetch();
    gp_object_t *target = print_target();
    fflush(stdout);
    if (target != NULL && !gp_stdio_check(target)) {
        print_to_object(target, exc);
    } else {
        FILE *out = target ? ((gp_stdio_t *)target)->fp : stderr;
        tb_print_t p = {.out = out};
        print_recursive(&p, exc);
        gp_mem_free(p.seen);
        fflush(out);
    }
    GP_XDECREF(target);
    gp_err_restore(pending);
}

/* ------------------------------------------------------------------ */
/* _gilpy_traceback: the caret line for lib/traceback.py                 */
/* ------------------------------------------------------------------ */

/* caret_line(line, lineno, end_lineno, col, end_col): the marks to draw
   under the stripped [line] for a position from code.co_positions() (byte
   columns), or None, so that traceback.format_exc() draws what the
   interpreter's own printer draws. */
static gp_object_t *tbmod_caret_line(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("caret_line", nargs, kwnames, 5, 5) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "caret_line() argument 1 must be str, not %T", args[0]);
        return NULL;
    }
    int64_t v[4];
    for (int i = 0; i < 4; i++) {
        if (args[i + 1] == gp_None)
            return gp_none_new();
        if (!gp_int_check(args[i + 1])) {
            gp_err_format(&gp_exc_TypeError, "caret_line() argument %d must be int or None, not %T",
                          i + 2, args[i + 1]);
            return NULL;
        }
        int overflow;
        v[i] = gp_int_as_i64_overflow(args[i + 1], &overflow);
        if (overflow || v[i] < -1 || v[i] > INT32_MAX)
            return gp_none_new();
    }
    const char *text = gp_str_utf8(args[0]);
    size_t len = strlen(text);
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        len--;
    size_t ws;
    size_t n = line_trim(text, len, &ws);
    gp_code_pos_t pos = {(int32_t)v[0], (int32_t)v[1], (int32_t)v[2], (int32_t)v[3]};
    gp_strbuf_t carets;
    gp_strbuf_init(&carets);
    if (n == ws || !caret_line(text, n, ws, pos.lineno, pos, &carets)) {
        gp_strbuf_discard(&carets);
        return gp_none_new();
    }
    return gp_strbuf_finish(&carets);
}

static const gp_method_def_t tbmod_functions[] = {
    {"caret_line", tbmod_caret_line, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_tbmod_module_create(void)
{
    gp_object_t *m = gp_module_new("_gilpy_traceback");
    if (m && gp_module_add_functions(m, tbmod_functions) < 0)
        GP_CLEAR(m);
    return m;
}
