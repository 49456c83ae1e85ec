/*
 * compile.c - the code generator: statements, units and assembly.
 *
 * Design notes
 * ------------
 * The compiler walks the AST once per code object ("unit": module, class
 * body, function, lambda, comprehension) and appends 32-bit instruction
 * words to the unit, jumping to symbolic labels. When a unit ends,
 * c_leave_unit() assembles it: labels become absolute instruction indices,
 * backward jumps become JUMP_BACKWARD (the loop edges where the eval loop
 * polls its eval-breaker word), and a flow analysis over every path
 * computes the deepest value stack and handler-block nesting, which size
 * the frame.
 *
 * Exceptions use a block stack, as CPython 3.8-3.10 did: SETUP_FINALLY
 * pushes a handler block, POP_BLOCK removes it, and the VM jumps to the
 * handler with [previous handled exception, exception] pushed on the value
 * stack. `finally` bodies are compiled twice (CPython 3.9's scheme): once
 * on the normal path and once on the exception path, and a
 * return/break/continue that leaves a try compiles the finally body inline
 * before it jumps. The "frame block" stack (fblock_t) is what remembers,
 * at compile time, what each such exit must undo: pop a loop iterator,
 * pop a handler block, restore the handled exception, call __exit__.
 *
 * Expressions live in compile_expr.c; this file has the units, names,
 * statements and the assembler. All allocation failures and SyntaxErrors
 * set c->failed and an exception; visitors return false and unwind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/compile_internal.h"
#include "vm/code.h"

#define TRY(x)                                                                                     \
    do {                                                                                           \
        if (!(x))                                                                                  \
            return false;                                                                          \
    } while (0)

/* ------------------------------------------------------------------ */
/* SyntaxError construction                                             */
/* ------------------------------------------------------------------ */

/* Number of code points in the first [bytes] bytes of [s]. */
static int utf8_columns(const char *s, size_t bytes)
{
    int n = 0;
    for (size_t i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            n++;
    return n;
}

/* Finds line [lineno] of [source]: start and length (without newline). */
static bool source_line(const char *source, size_t len, int lineno, const char **start,
                        size_t *line_len)
{
    if (!source || lineno < 1)
        return false;
    const char *p = source, *end = source + len;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return false;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *start = p;
    *line_len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (*line_len && p[*line_len - 1] == '\r')
        (*line_len)--;
    return true;
}

void gp_compile_raise_syntax_error_at(gp_type_t *type, const char *filename, const char *msg,
                                      int lineno, int offset, const char *text, int end_lineno,
                                      int end_offset)
{
    gp_object_t *msg_obj = gp_str_from_cstr(msg);
    gp_object_t *file_obj = gp_str_from_cstr(filename ? filename : "<unknown>");
    gp_object_t *text_obj = text ? gp_str_from_cstr(text) : gp_none_new();
    if (!text_obj) {
        gp_err_clear();
        text_obj = gp_none_new();
    }
    gp_object_t *lineno_obj = gp_int_from_i64(lineno);
    gp_object_t *offset_obj = gp_int_from_i64(offset);
    gp_object_t *end_lineno_obj = gp_int_from_i64(end_lineno);
    gp_object_t *end_offset_obj = gp_int_from_i64(end_offset);
    gp_object_t *details = NULL, *args = NULL, *exc = NULL;
    if (!msg_obj || !file_obj)
        goto done;
    details = gp_tuple_pack(6, file_obj, lineno_obj, offset_obj, text_obj, end_lineno_obj,
                            end_offset_obj);
    if (!details)
        goto done;
    args = gp_tuple_pack(2, msg_obj, details);
    if (!args)
        goto done;
    exc = gp_exception_new(type, args);
    if (!exc)
        goto done;
    /* Set the attributes explicitly as well, in case the exception type's
       constructor does not unpack the details tuple. */
    if (gp_object_setattr_cstr(exc, "msg", msg_obj) < 0 ||
        gp_object_setattr_cstr(exc, "filename", file_obj) < 0 ||
        gp_object_setattr_cstr(exc, "lineno", lineno_obj) < 0 ||
        gp_object_setattr_cstr(exc, "offset", offset_obj) < 0 ||
        gp_object_setattr_cstr(exc, "text", text_obj) < 0 ||
        gp_object_setattr_cstr(exc, "end_lineno", end_lineno_obj) < 0 ||
        gp_object_setattr_cstr(exc, "end_offset", end_offset_obj) < 0)
        gp_err_clear();
    gp_err_set_exception(exc);
done:
    GP_XDECREF(exc);
    GP_XDECREF(args);
    GP_XDECREF(details);
    GP_XDECREF(msg_obj);
    GP_XDECREF(file_obj);
    GP_XDECREF(text_obj);
    GP_XDECREF(lineno_obj);
    GP_XDECREF(offset_obj);
    GP_XDECREF(end_lineno_obj);
    GP_XDECREF(end_offset_obj);
}

void gp_compile_raise_syntax_error(gp_type_t *type, const char *filename, const char *source,
                                   size_t source_len, const char *msg, int lineno, int col_offset,
                                   int end_lineno, int end_col_offset)
{
    const char *line = NULL;
    size_t line_len = 0;
    char *text = NULL;
    int offset = col_offset + 1, end_offset = end_col_offset + 1;
    if (source_line(source, source_len, lineno, &line, &line_len)) {
        text = malloc(line_len + 2);
        if (text) {
            memcpy(text, line, line_len);
            text[line_len] = '\n';
            text[line_len + 1] = 0;
        }
        offset = utf8_columns(line, (size_t)col_offset) + 1;
        const char *end_line = NULL;
        size_t end_len = 0;
        if (end_lineno == lineno)
            end_offset = utf8_columns(line, (size_t)end_col_offset) + 1;
        else if (source_line(source, source_len, end_lineno, &end_line, &end_len))
            end_offset = utf8_columns(end_line, (size_t)end_col_offset) + 1;
    }
    gp_compile_raise_syntax_error_at(type, filename, msg, lineno, offset, text, end_lineno,
                                     end_offset);
    free(text);
}

bool c_error(compiler_t *c, const char *msg, int lineno, int col, int end_lineno, int end_col)
{
    if (!c->failed) {
        c->failed = true;
        gp_compile_raise_syntax_error(&gp_exc_SyntaxError, c->filename, c->source, c->source_len,
                                      msg, lineno, col, end_lineno, end_col);
    }
    return false;
}

bool c_error_expr(compiler_t *c, const char *msg, const gp_ast_expr_t *e)
{
    return c_error(c, msg, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
}

static bool c_error_stmt(compiler_t *c, const char *msg, const gp_ast_stmt_t *s)
{
    return c_error(c, msg, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
}

static bool c_fail(compiler_t *c)
{
    c->failed = true;
    return false;
}

/* ------------------------------------------------------------------ */
/* Emitting                                                             */
/* ------------------------------------------------------------------ */

bool c_emit(compiler_t *c, int op, uint32_t arg)
{
    unit_t *u = c->u;
    if (arg > GP_INSTR_ARG_MAX) {
        gp_err_set_string(&gp_exc_SystemError, "too many constants or names in one code object");
        return c_fail(c);
    }
    if (u->ninstrs == u->cap) {
        uint32_t ncap = u->cap ? u->cap * 2 : 64;
        gp_instr_t *ni = gp_mem_realloc(u->instrs, ncap * sizeof(gp_instr_t));
        if (!ni) {
            gp_err_no_memory();
            return c_fail(c);
        }
        u->instrs = ni;
        int *nl = gp_mem_realloc(u->lines, ncap * sizeof(int));
        if (!nl) {
            gp_err_no_memory();
            return c_fail(c);
        }
        u->lines = nl;
        gp_code_pos_t *np = gp_mem_realloc(u->positions, ncap * sizeof(gp_code_pos_t));
        if (!np) {
            gp_err_no_memory();
            return c_fail(c);
        }
        u->positions = np;
        u->cap = ncap;
    }
    u->instrs[u->ninstrs] = GP_INSTR(op, arg);
    u->lines[u->ninstrs] = u->lineno;
    u->positions[u->ninstrs] = u->pos;
    u->ninstrs++;
    return true;
}

uint32_t c_new_label(compiler_t *c)
{
    unit_t *u = c->u;
    if (u->nlabels == u->labels_cap) {
        uint32_t ncap = u->labels_cap ? u->labels_cap * 2 : 32;
        uint32_t *nl = gp_mem_realloc(u->labels, ncap * sizeof(uint32_t));
        if (!nl) {
            gp_err_no_memory();
            c->failed = true;
            return 0;
        }
        u->labels = nl;
        u->labels_cap = ncap;
    }
    u->labels[u->nlabels] = UINT32_MAX;
    return u->nlabels++;
}

void c_bind_label(compiler_t *c, uint32_t label)
{
    if (!c->failed && label < c->u->nlabels)
        c->u->labels[label] = c->u->ninstrs;
}

bool c_emit_jump(compiler_t *c, int op, uint32_t label)
{
    if (c->failed)
        return false;
    return c_emit(c, op, label);
}

bool c_emit_compare_jump(compiler_t *c, int op, int cmp, uint32_t label)
{
    if (c->failed)
        return false;
    if (label >= (1u << 21)) {
        gp_err_set_string(&gp_exc_SystemError, "code object too large");
        return c_fail(c);
    }
    return c_emit(c, op, (label << 3) | (uint32_t)cmp);
}

gp_object_t *c_str(compiler_t *c, const char *s)
{
    gp_object_t *o = gp_str_intern_cstr(s);
    if (!o)
        c->failed = true;
    return o;
}

/* Index of [value] in the unit's constants, adding it; steals [value]. */
int c_add_const(compiler_t *c, gp_object_t *value)
{
    unit_t *u = c->u;
    if (!value) {
        c->failed = true;
        return -1;
    }
    gp_type_t *t = GP_TYPE(value);
    gp_object_t *key = NULL;
    if (t == &gp_int_type || t == &gp_str_type || t == &gp_bool_type || t == &gp_none_type ||
        t == &gp_bytes_type || t == &gp_ellipsis_type ||
        (t == &gp_float_type && gp_float_value(value) != 0.0)) {
        key = gp_tuple_pack(2, (gp_object_t *)t, value);
        if (!key) {
            GP_DECREF(value);
            c->failed = true;
            return -1;
        }
        gp_object_t *found = gp_dict_getitem(u->const_map, key);
        if (found) {
            GP_DECREF(key);
            GP_DECREF(value);
            return (int)GP_SMALL_VALUE(found);
        }
    }
    intptr_t index = GP_LIST_SIZE(u->consts);
    if (gp_list_append(u->consts, value) < 0 ||
        (key && gp_dict_setitem(u->const_map, key, GP_SMALL_NEW(index)) < 0)) {
        GP_XDECREF(key);
        GP_DECREF(value);
        c->failed = true;
        return -1;
    }
    GP_XDECREF(key);
    GP_DECREF(value);
    return (int)index;
}

bool c_load_const(compiler_t *c, gp_object_t *value)
{
    int i = c_add_const(c, value);
    return i >= 0 && c_emit(c, GP_OP_LOAD_CONST, (uint32_t)i);
}

bool c_load_none(compiler_t *c)
{
    return c_load_const(c, gp_none_new());
}

/* Index of [name] in [list], adding it (via [map]). */
static int c_index_of(compiler_t *c, gp_object_t *list, gp_object_t *map, const char *name)
{
    gp_object_t *s = c_str(c, name);
    if (!s)
        return -1;
    gp_object_t *found = gp_dict_getitem(map, s);
    if (found) {
        GP_DECREF(s);
        return (int)GP_SMALL_VALUE(found);
    }
    intptr_t index = GP_LIST_SIZE(list);
    if (gp_list_append(list, s) < 0 || gp_dict_setitem(map, s, GP_SMALL_NEW(index)) < 0) {
        GP_DECREF(s);
        c->failed = true;
        return -1;
    }
    GP_DECREF(s);
    return (int)index;
}

int c_add_name(compiler_t *c, const char *name)
{
    return c_index_of(c, c->u->names, c->u->name_map, name);
}

/* A new inline cache for a lookup of [name]; its index is the instruction's arg. */
int c_add_cache(compiler_t *c, const char *name)
{
    unit_t *u = c->u;
    int n = c_add_name(c, name);
    if (n < 0)
        return -1;
    if (u->ncaches == u->caches_cap) {
        uint32_t ncap = u->caches_cap ? u->caches_cap * 2 : 16;
        uint32_t *nc = gp_mem_realloc(u->cache_names, ncap * sizeof(uint32_t));
        if (!nc) {
            gp_err_no_memory();
            c->failed = true;
            return -1;
        }
        u->cache_names = nc;
        u->caches_cap = ncap;
    }
    u->cache_names[u->ncaches] = (uint32_t)n;
    return (int)u->ncaches++;
}

const char *c_mangle(compiler_t *c, const char *name)
{
    const char *cls = c->private_name;
    if (!cls || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*cls == '_')
        cls++;
    if (!*cls)
        return name;
    size_t k = strlen(cls);
    char *out = gp_arena_alloc(c->st->arena, 1 + k + n + 1);
    if (!out)
        return name;
    out[0] = '_';
    memcpy(out + 1, cls, k);
    memcpy(out + 1 + k, name, n + 1);
    return out;
}

/* ------------------------------------------------------------------ */
/* Names                                                                */
/* ------------------------------------------------------------------ */

/* The slot of [name] in [map]: -1 when absent, -2 (the compile failed,
   MemoryError pending) when the key could not even be built. A failed
   allocation must not read as "not a local", which would compile a
   LOAD_NAME and turn MemoryError into a NameError at run time. */
static int c_slot_of(compiler_t *c, gp_object_t *map, const char *name)
{
    gp_object_t *found = gp_dict_getitem_cstr(map, name);
    if (!found) {
        if (gp_err_occurred()) {
            c->failed = true;
            return -2;
        }
        return -1;
    }
    return (int)GP_SMALL_VALUE(found);
}

bool c_nameop(compiler_t *c, const char *name, name_ctx_t ctx)
{
    unit_t *u = c->u;
    const char *mangled = c_mangle(c, name);
    gp_name_scope_t scope = gp_scope_lookup(u->scope, mangled);
    bool optimized = u->scope->kind == GP_SCOPE_FUNCTION;
    int slot;
    static const int fast_ops[] = {GP_OP_LOAD_FAST, GP_OP_STORE_FAST, GP_OP_DELETE_FAST};
    static const int deref_ops[] = {GP_OP_LOAD_DEREF, GP_OP_STORE_DEREF, GP_OP_DELETE_DEREF};
    static const int name_ops[] = {GP_OP_LOAD_NAME, GP_OP_STORE_NAME, GP_OP_DELETE_NAME};
    static const int global_ops[] = {GP_OP_LOAD_GLOBAL, GP_OP_STORE_GLOBAL, GP_OP_DELETE_GLOBAL};
    switch (scope) {
    case GP_NAME_FREE:
    case GP_NAME_CELL:
        slot = c_slot_of(c, u->cell_map, mangled);
        if (slot == -2)
            return false;
        if (slot < 0)
            break;
        if (ctx == NAME_LOAD && u->scope->kind == GP_SCOPE_CLASS && scope == GP_NAME_FREE)
            return c_emit(c, GP_OP_LOAD_CLASSDEREF, (uint32_t)slot);
        return c_emit(c, deref_ops[ctx], (uint32_t)slot);
    case GP_NAME_LOCAL:
        if (optimized) {
            slot = c_slot_of(c, u->slot_map, mangled);
            if (slot == -2)
                return false;
            if (slot >= 0)
                return c_emit(c, fast_ops[ctx], (uint32_t)slot);
        }
        break;
    case GP_NAME_GLOBAL_EXPLICIT: {
        int idx;
        if (ctx == NAME_LOAD) {
            idx = c_add_cache(c, mangled);
            return idx >= 0 && c_emit(c, GP_OP_LOAD_GLOBAL, (uint32_t)idx);
        }
        idx = c_add_name(c, mangled);
        return idx >= 0 && c_emit(c, global_ops[ctx], (uint32_t)idx);
    }
    case GP_NAME_GLOBAL_IMPLICIT:
        if (optimized) {
            int idx;
            if (ctx == NAME_LOAD) {
                idx = c_add_cache(c, mangled);
                return idx >= 0 && c_emit(c, GP_OP_LOAD_GLOBAL, (uint32_t)idx);
            }
            idx = c_add_name(c, mangled);
            return idx >= 0 && c_emit(c, global_ops[ctx], (uint32_t)idx);
        }
        break;
    default:
        break;
    }
    int idx = c_add_name(c, mangled);
    return idx >= 0 && c_emit(c, name_ops[ctx], (uint32_t)idx);
}

/* ------------------------------------------------------------------ */
/* Units                                                                */
/* ------------------------------------------------------------------ */

gp_scope_t *c_child_scope(compiler_t *c, const void *node)
{
    gp_scope_t *s = gp_scope_child(c->u->scope, node);
    if (!s) {
        gp_err_set_string(&gp_exc_SystemError, "compiler: missing symbol table scope");
        c->failed = true;
    }
    return s;
}

gp_object_t *c_make_qualname(compiler_t *c, const char *name)
{
    unit_t *u = c->u;
    if (!u || u->is_module)
        return gp_str_from_cstr(name);
    /* A def declared global in its enclosing function or class keeps a plain name. */
    gp_name_scope_t sc = gp_scope_lookup(u->scope, c_mangle(c, name));
    if (sc == GP_NAME_GLOBAL_EXPLICIT)
        return gp_str_from_cstr(name);
    if (u->scope->kind == GP_SCOPE_FUNCTION)
        return gp_str_from_format("%U.<locals>.%s", u->qualname, name);
    return gp_str_from_format("%U.%s", u->qualname, name);
}

static void unit_free(unit_t *u)
{
    gp_mem_free(u->instrs);
    gp_mem_free(u->lines);
    gp_mem_free(u->positions);
    gp_mem_free(u->labels);
    gp_mem_free(u->cell_args);
    gp_mem_free(u->cache_names);
    GP_XDECREF(u->qualname);
    GP_XDECREF(u->consts);
    GP_XDECREF(u->const_map);
    GP_XDECREF(u->names);
    GP_XDECREF(u->name_map);
    GP_XDECREF(u->slot_names);
    GP_XDECREF(u->slot_map);
    GP_XDECREF(u->cell_map);
    gp_mem_free(u);
}

/* Assigns local, cell and free slots from the unit's scope. */
static bool unit_assign_slots(compiler_t *c, unit_t *u)
{
    gp_scope_t *scope = u->scope;
    if (scope->kind == GP_SCOPE_FUNCTION) {
        for (size_t i = 0; i < scope->nparams; i++)
            if (c_index_of(c, u->slot_names, u->slot_map, scope->params[i]) < 0)
                return false;
        for (size_t i = 0; i < scope->nsymbols; i++) {
            gp_symbol_t *sym = &scope->symbols[i];
            if (sym->scope == GP_NAME_LOCAL &&
                c_index_of(c, u->slot_names, u->slot_map, sym->name) < 0)
                return false;
        }
    }
    u->nlocals = (int)GP_LIST_SIZE(u->slot_names);
    /* Cells. */
    int ncells = 0;
    for (size_t i = 0; i < scope->nsymbols; i++)
        ncells += scope->symbols[i].scope == GP_NAME_CELL;
    if (scope->needs_class_cell)
        ncells++;
    if (ncells) {
        u->cell_args = gp_mem_alloc((size_t)ncells * sizeof(int));
        if (!u->cell_args) {
            gp_err_no_memory();
            return c_fail(c);
        }
    }
    for (size_t i = 0; i < scope->nsymbols; i++) {
        gp_symbol_t *sym = &scope->symbols[i];
        if (sym->scope != GP_NAME_CELL)
            continue;
        int local = (sym->flags & GP_SYM_PARAM) ? c_slot_of(c, u->slot_map, sym->name) : -1;
        if (local == -2)
            return c_fail(c);
        gp_object_t *s = c_str(c, sym->name);
        intptr_t index = GP_LIST_SIZE(u->slot_names);
        if (!s || gp_list_append(u->slot_names, s) < 0 ||
            gp_dict_setitem(u->cell_map, s, GP_SMALL_NEW(index)) < 0) {
            GP_XDECREF(s);
            return c_fail(c);
        }
        GP_DECREF(s);
        u->cell_args[u->ncells++] = local;
    }
    if (scope->needs_class_cell) {
        gp_object_t *s = c_str(c, "__class__");
        intptr_t index = GP_LIST_SIZE(u->slot_names);
        if (!s || gp_list_append(u->slot_names, s) < 0 ||
            gp_dict_setitem(u->cell_map, s, GP_SMALL_NEW(index)) < 0) {
            GP_XDECREF(s);
            return c_fail(c);
        }
        GP_DECREF(s);
        u->cell_args[u->ncells++] = -1;
    }
    /* Free variables. */
    for (size_t i = 0; i < scope->nsymbols; i++) {
        gp_symbol_t *sym = &scope->symbols[i];
        if (sym->scope != GP_NAME_FREE && !(sym->flags & GP_SYM_FREE_CLASS))
            continue;
        gp_object_t *s = c_str(c, sym->name);
        intptr_t index = GP_LIST_SIZE(u->slot_names);
        if (!s || gp_list_append(u->slot_names, s) < 0 ||
            gp_dict_setitem(u->cell_map, s, GP_SMALL_NEW(index)) < 0) {
            GP_XDECREF(s);
            return c_fail(c);
        }
        GP_DECREF(s);
        u->nfrees++;
    }
    return true;
}

bool c_enter_unit(compiler_t *c, gp_scope_t *scope, const char *name, int lineno)
{
    unit_t *u = gp_mem_calloc(1, sizeof *u);
    if (!u) {
        gp_err_no_memory();
        return c_fail(c);
    }
    u->parent = c->u;
    u->scope = scope;
    u->name = name;
    u->firstlineno = lineno;
    u->lineno = lineno;
    u->is_module = scope->kind == GP_SCOPE_MODULE;
    u->is_class = scope->kind == GP_SCOPE_CLASS;
    u->qualname = u->is_module ? gp_str_from_cstr(name) : c_make_qualname(c, name);
    u->consts = gp_list_new(0);
    u->const_map = gp_dict_new();
    u->names = gp_list_new(0);
    u->name_map = gp_dict_new();
    u->slot_names = gp_list_new(0);
    u->slot_map = gp_dict_new();
    u->cell_map = gp_dict_new();
    c->u = u;
    if (!u->qualname || !u->consts || !u->const_map || !u->names || !u->name_map ||
        !u->slot_names || !u->slot_map || !u->cell_map) {
        c->u = u->parent;
        unit_free(u);
        return c_fail(c);
    }
    if (!unit_assign_slots(c, u)) {
        c->u = u->parent;
        unit_free(u);
        return c_fail(c);
    }
    if (scope->kind == GP_SCOPE_FUNCTION)
        u->flags |= GP_CODE_OPTIMIZED | GP_CODE_NEWLOCALS;
    if (u->parent && !u->parent->is_module)
        u->flags |= GP_CODE_NESTED;
    if (scope->has_varargs)
        u->flags |= GP_CODE_VARARGS;
    if (scope->has_varkw)
        u->flags |= GP_CODE_VARKEYWORDS;
    if (scope->is_generator && scope->is_coroutine)
        u->flags |= GP_CODE_ASYNC_GENERATOR;
    else if (scope->is_generator)
        u->flags |= GP_CODE_GENERATOR;
    else if (scope->is_coroutine)
        u->flags |= GP_CODE_COROUTINE;
    u->is_async = scope->is_coroutine;
    return true;
}

/* ------------------------------------------------------------------ */
/* Assembly                                                             */
/* ------------------------------------------------------------------ */

static bool op_is_jump(int op)
{
    switch (op) {
    case GP_OP_JUMP:
    case GP_OP_JUMP_BACKWARD:
    case GP_OP_POP_JUMP_IF_FALSE:
    case GP_OP_POP_JUMP_IF_TRUE:
    case GP_OP_JUMP_IF_FALSE_OR_POP:
    case GP_OP_JUMP_IF_TRUE_OR_POP:
    case GP_OP_FOR_ITER:
    case GP_OP_SETUP_FINALLY:
    case GP_OP_JUMP_IF_NOT_EXC_MATCH:
        return true;
    default:
        return false;
    }
}

static bool op_is_compare_jump(int op)
{
    return op == GP_OP_COMPARE_JUMP_IF_FALSE || op == GP_OP_COMPARE_JUMP_IF_TRUE;
}

/* Stack effect of an instruction, on the fall-through path (jump false) or
   when it jumps (jump true). */
static int stack_effect(int op, uint32_t arg, bool jump)
{
    switch (op) {
    case GP_OP_NOP:
    case GP_OP_SWAP:
    case GP_OP_ROT_N:
    case GP_OP_DELETE_FAST:
    case GP_OP_DELETE_DEREF:
    case GP_OP_DELETE_NAME:
    case GP_OP_DELETE_GLOBAL:
    case GP_OP_LOAD_ATTR:
    case GP_OP_UNARY_NEGATIVE:
    case GP_OP_UNARY_POSITIVE:
    case GP_OP_UNARY_INVERT:
    case GP_OP_UNARY_NOT:
    case GP_OP_LIST_TO_TUPLE:
    case GP_OP_JUMP:
    case GP_OP_JUMP_BACKWARD:
    case GP_OP_GET_ITER:
    case GP_OP_YIELD_VALUE:
    case GP_OP_GET_YIELD_FROM_ITER:
    case GP_OP_GET_AWAITABLE:
    case GP_OP_GET_AITER:
    case GP_OP_POP_BLOCK:
    case GP_OP_WITH_EXIT:
    case GP_OP_SETUP_ANNOTATIONS:
        return 0;
    case GP_OP_COPY:
    case GP_OP_LOAD_CONST:
    case GP_OP_LOAD_FAST:
    case GP_OP_LOAD_DEREF:
    case GP_OP_LOAD_CLOSURE:
    case GP_OP_LOAD_CLASSDEREF:
    case GP_OP_LOAD_NAME:
    case GP_OP_LOAD_GLOBAL:
    case GP_OP_LOAD_METHOD:
    case GP_OP_LOAD_BUILD_CLASS:
    case GP_OP_GET_ANEXT:
    case GP_OP_LOAD_ASSERTION_ERROR:
    case GP_OP_BEFORE_WITH:
    case GP_OP_BEFORE_ASYNC_WITH:
    case GP_OP_WITH_EXCEPT_START:
    case GP_OP_IMPORT_FROM:
    case GP_OP_LOAD_LOCALS:
    case GP_OP_GET_LEN:
    case GP_OP_MATCH_MAPPING:
    case GP_OP_MATCH_SEQUENCE:
    case GP_OP_MATCH_KEYS:
        return 1;
    case GP_OP_POP_TOP:
    case GP_OP_STORE_FAST:
    case GP_OP_STORE_DEREF:
    case GP_OP_STORE_NAME:
    case GP_OP_STORE_GLOBAL:
    case GP_OP_DELETE_ATTR:
    case GP_OP_BINARY_OP:
    case GP_OP_COMPARE_OP:
    case GP_OP_IS_OP:
    case GP_OP_CONTAINS_OP:
    case GP_OP_BINARY_SUBSCR:
    case GP_OP_LIST_APPEND:
    case GP_OP_SET_ADD:
    case GP_OP_LIST_EXTEND:
    case GP_OP_SET_UPDATE:
    case GP_OP_DICT_UPDATE:
    case GP_OP_DICT_MERGE:
    case GP_OP_POP_JUMP_IF_FALSE:
    case GP_OP_POP_JUMP_IF_TRUE:
    case GP_OP_RETURN_VALUE:
    case GP_OP_YIELD_FROM:
    case GP_OP_POP_EXCEPT:
    case GP_OP_RERAISE:
    case GP_OP_IMPORT_NAME:
    case GP_OP_IMPORT_STAR:
    case GP_OP_PRINT_EXPR:
        return -1;
    case GP_OP_PUSH_EXC_INFO:
        return 1;
    case GP_OP_PREP_RERAISE_STAR:
        return -2;
    case GP_OP_STORE_ATTR:
    case GP_OP_DELETE_SUBSCR:
    case GP_OP_MAP_ADD:
    case GP_OP_COMPARE_JUMP_IF_FALSE:
    case GP_OP_COMPARE_JUMP_IF_TRUE:
    case GP_OP_JUMP_IF_NOT_EXC_MATCH:
    case GP_OP_MATCH_CLASS:
        return -2;
    case GP_OP_STORE_SUBSCR:
    case GP_OP_END_ASYNC_FOR:
        return -3;
    case GP_OP_BUILD_SLICE:
    case GP_OP_BUILD_TUPLE:
    case GP_OP_BUILD_LIST:
    case GP_OP_BUILD_SET:
    case GP_OP_BUILD_STRING:
        return 1 - (int)arg;
    case GP_OP_BUILD_MAP:
        return 1 - 2 * (int)arg;
    case GP_OP_UNPACK_SEQUENCE:
        return (int)arg - 1;
    case GP_OP_UNPACK_EX:
        return (int)(arg & 0xff) + (int)(arg >> 8);
    case GP_OP_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case GP_OP_JUMP_IF_FALSE_OR_POP:
    case GP_OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case GP_OP_FOR_ITER:
        return jump ? -1 : 1;
    case GP_OP_CALL:
        return -(int)arg;
    case GP_OP_CALL_KW:
    case GP_OP_CALL_METHOD:
        return -(int)arg - 1;
    case GP_OP_CALL_METHOD_KW:
        return -(int)arg - 2;
    case GP_OP_CALL_EX:
        return -1 - (int)arg;
    case GP_OP_MAKE_FUNCTION:
        return -1 - (int)((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1));
    case GP_OP_SETUP_FINALLY:
        return jump ? 2 : 0;
    case GP_OP_RAISE_VARARGS:
        return -(int)arg;
    default:
        return 0;
    }
}

static int block_effect(int op, bool jump)
{
    switch (op) {
    case GP_OP_SETUP_FINALLY:
    case GP_OP_PUSH_EXC_INFO:
        return 1;
    case GP_OP_POP_BLOCK:
    case GP_OP_POP_EXCEPT:
    case GP_OP_END_ASYNC_FOR:
        return -1;
    default:
        return 0;
    }
}

static bool op_ends_flow(int op)
{
    return op == GP_OP_JUMP || op == GP_OP_JUMP_BACKWARD || op == GP_OP_RETURN_VALUE ||
           op == GP_OP_RAISE_VARARGS || op == GP_OP_RERAISE;
}

/* Computes the deepest stack and block nesting over every path. */
static bool unit_flow(compiler_t *c, unit_t *u, int *max_stack, int *max_blocks)
{
    uint32_t n = u->ninstrs;
    *max_stack = 0;
    *max_blocks = 0;
    if (n == 0)
        return true;
    int *depth = gp_mem_alloc(n * sizeof(int) * 2);
    uint32_t *work = gp_mem_alloc(n * sizeof(uint32_t) * 2 + 8);
    if (!depth || !work) {
        gp_mem_free(depth);
        gp_mem_free(work);
        gp_err_no_memory();
        return c_fail(c);
    }
    int *blocks = depth + n;
    for (uint32_t i = 0; i < n; i++)
        depth[i] = -1;
    size_t top = 0;
    depth[0] = 0;
    blocks[0] = 0;
    work[top++] = 0;
    int maxd = 0, maxb = 0;
#define FLOW_PUSH(target, d, b)                                                                    \
    do {                                                                                           \
        uint32_t t_ = (target);                                                                    \
        if (t_ < n && depth[t_] < 0) {                                                             \
            depth[t_] = (d);                                                                       \
            blocks[t_] = (b);                                                                      \
            work[top++] = t_;                                                                      \
        }                                                                                          \
    } while (0)
    while (top > 0) {
        uint32_t i = work[--top];
        int d = depth[i], b = blocks[i];
        for (;;) {
            if (d > maxd)
                maxd = d;
            if (b > maxb)
                maxb = b;
            gp_instr_t w = u->instrs[i];
            int op = (int)GP_INSTR_OP(w);
            uint32_t arg = GP_INSTR_ARG(w);
            if (op_is_jump(op) || op_is_compare_jump(op)) {
                uint32_t target = op_is_compare_jump(op) ? arg >> 3 : arg;
                int jd = d + stack_effect(op, arg, true);
                if (jd > maxd)
                    maxd = jd;
                FLOW_PUSH(target, jd, b + block_effect(op, true));
            }
            if (op_ends_flow(op))
                break;
            d += stack_effect(op, arg, false);
            b += block_effect(op, false);
            if (d < 0)
                d = 0;
            if (d > maxd)
                maxd = d;
            i++;
            if (i >= n || depth[i] >= 0)
                break;
            depth[i] = d;
            blocks[i] = b;
        }
    }
#undef FLOW_PUSH
    gp_mem_free(depth);
    gp_mem_free(work);
    *max_stack = maxd;
    *max_blocks = maxb;
    return true;
}

/* Resolves labels, marks loop edges, and builds the code object. */
static gp_object_t *unit_assemble(compiler_t *c, unit_t *u)
{
    for (uint32_t i = 0; i < u->ninstrs; i++) {
        gp_instr_t w = u->instrs[i];
        int op = (int)GP_INSTR_OP(w);
        uint32_t arg = GP_INSTR_ARG(w);
        if (op_is_jump(op)) {
            uint32_t target = u->labels[arg];
            if (target == UINT32_MAX) {
                gp_err_set_string(&gp_exc_SystemError, "compiler: unbound label");
                c->failed = true;
                return NULL;
            }
            if (op == GP_OP_JUMP && target <= i)
                op = GP_OP_JUMP_BACKWARD;
            u->instrs[i] = GP_INSTR(op, target);
        } else if (op_is_compare_jump(op)) {
            uint32_t target = u->labels[arg >> 3];
            if (target >= (1u << 21)) {
                gp_err_set_string(&gp_exc_SystemError, "compiler: code object too large");
                c->failed = true;
                return NULL;
            }
            u->instrs[i] = GP_INSTR(op, (target << 3) | (arg & 7));
        }
    }
    int max_stack, max_blocks;
    if (!unit_flow(c, u, &max_stack, &max_blocks))
        return NULL;
    /* Line table: one pair per change of line. */
    uint32_t *table = gp_mem_alloc((size_t)(u->ninstrs + 1) * 2 * sizeof(uint32_t));
    if (!table) {
        gp_err_no_memory();
        c->failed = true;
        return NULL;
    }
    uint32_t ntable = 0;
    for (uint32_t i = 0; i < u->ninstrs; i++) {
        if (ntable == 0 || table[2 * (ntable - 1) + 1] != (uint32_t)u->lines[i]) {
            table[2 * ntable] = i;
            table[2 * ntable + 1] = (uint32_t)u->lines[i];
            ntable++;
        }
    }
    /* Position table: one run per change of source range. */
    gp_code_pos_run_t *runs = gp_mem_alloc((size_t)(u->ninstrs + 1) * sizeof(gp_code_pos_run_t));
    if (!runs) {
        gp_mem_free(table);
        gp_err_no_memory();
        c->failed = true;
        return NULL;
    }
    uint32_t nruns = 0;
    for (uint32_t i = 0; i < u->ninstrs; i++) {
        const gp_code_pos_t *p = &u->positions[i];
        if (nruns == 0 || memcmp(&runs[nruns - 1].pos, p, sizeof *p) != 0)
            runs[nruns++] = (gp_code_pos_run_t){.first = i, .pos = *p};
    }
    gp_object_t *consts = gp_list_as_tuple(u->consts);
    gp_object_t *names = gp_list_as_tuple(u->names);
    gp_object_t *slots = gp_list_as_tuple(u->slot_names);
    gp_object_t *name = gp_str_from_cstr(u->name);
    gp_object_t *code = NULL;
    if (consts && names && slots && name) {
        gp_code_spec_t spec = {
            .instrs = u->instrs,
            .ninstrs = u->ninstrs,
            .flags = u->flags | (u->nfrees == 0 && u->ncells == 0 ? GP_CODE_NOFREE : 0) |
                     (c->future_annotations ? GP_CODE_FUTURE_ANNOTATIONS : 0),
            .consts = consts,
            .names = names,
            .localsplusnames = slots,
            .nlocals = u->nlocals,
            .ncells = u->ncells,
            .nfrees = u->nfrees,
            .cell_args = u->cell_args,
            .argcount = u->argcount,
            .posonlyargcount = u->posonlyargcount,
            .kwonlyargcount = u->kwonlyargcount,
            .stacksize = max_stack,
            .maxblocks = max_blocks,
            .filename = c->filename_obj,
            .name = name,
            .qualname = u->qualname,
            .firstlineno = u->firstlineno,
            .linetable = table,
            .nlinetable = ntable,
            .positions = runs,
            .npositions = nruns,
            .cache_names = u->cache_names,
            .ncaches = u->ncaches,
        };
        code = gp_code_new(&spec);
    }
    gp_mem_free(table);
    gp_mem_free(runs);
    GP_XDECREF(consts);
    GP_XDECREF(names);
    GP_XDECREF(slots);
    GP_XDECREF(name);
    if (!code)
        c->failed = true;
    return code;
}

gp_object_t *c_leave_unit(compiler_t *c)
{
    unit_t *u = c->u;
    gp_object_t *code = c->failed ? NULL : unit_assemble(c, u);
    c->u = u->parent;
    unit_free(u);
    return code;
}

/* ------------------------------------------------------------------ */
/* Frame blocks and unwinding                                           */
/* ------------------------------------------------------------------ */

static bool fblock_push(compiler_t *c, fblock_kind_t kind, uint32_t label, uint32_t exit,
                        const void *datum)
{
    unit_t *u = c->u;
    if (u->nfblocks >= COMPILE_MAX_FBLOCKS) {
        return c_error(c, "too many statically nested blocks", u->lineno, 0, u->lineno, 0);
    }
    fblock_t *f = &u->fblocks[u->nfblocks++];
    f->kind = kind;
    f->label = label;
    f->exit = exit;
    f->datum = datum;
    return true;
}

static void fblock_pop(compiler_t *c)
{
    c->u->nfblocks--;
}


/* Undoes what [f] holds on the way out of it. [preserve_tos]: a return value
   sits on top of the stack and must survive. */
static bool c_unwind_fblock(compiler_t *c, fblock_t *f, bool preserve_tos)
{
    switch (f->kind) {
    case FBLOCK_WHILE_LOOP:
    case FBLOCK_EXCEPTION_HANDLER:
    case FBLOCK_EXCEPT_STAR_BODY:
        return true;
    case FBLOCK_FOR_LOOP:
    case FBLOCK_ASYNC_FOR_LOOP:
    case FBLOCK_POP_VALUE:
        if (preserve_tos)
            TRY(c_emit(c, GP_OP_SWAP, 2));
        return c_emit(c, GP_OP_POP_TOP, 0);
    case FBLOCK_TRY_EXCEPT:
        return c_emit(c, GP_OP_POP_BLOCK, 0);
    case FBLOCK_FINALLY_TRY: {
        TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
        if (preserve_tos)
            TRY(fblock_push(c, FBLOCK_POP_VALUE, 0, 0, NULL));
        TRY(c_visit_stmts(c, (const gp_ast_stmt_seq_t *)f->datum));
        if (preserve_tos)
            fblock_pop(c);
        return true;
    }
    case FBLOCK_FINALLY_END:
        /* Stack: prev, exc [, value]. */
        if (preserve_tos)
            TRY(c_emit(c, GP_OP_SWAP, 2));
        TRY(c_emit(c, GP_OP_POP_TOP, 0));
        if (preserve_tos)
            TRY(c_emit(c, GP_OP_SWAP, 2));
        return c_emit(c, GP_OP_POP_EXCEPT, 0);
    case FBLOCK_HANDLER_CLEANUP:
        if (f->datum)
            TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
        if (preserve_tos)
            TRY(c_emit(c, GP_OP_SWAP, 2));
        TRY(c_emit(c, GP_OP_POP_EXCEPT, 0));
        if (f->datum) {
            TRY(c_load_none(c));
            TRY(c_nameop(c, f->datum, NAME_STORE));
            TRY(c_nameop(c, f->datum, NAME_DEL));
        }
        return true;
    case FBLOCK_WITH:
    case FBLOCK_ASYNC_WITH:
        TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
        if (preserve_tos)
            TRY(c_emit(c, GP_OP_SWAP, 2));
        TRY(c_emit(c, GP_OP_WITH_EXIT, 0));
        if (f->kind == FBLOCK_ASYNC_WITH) {
            TRY(c_emit(c, GP_OP_GET_AWAITABLE, 2));
            TRY(c_load_none(c));
            TRY(c_emit(c, GP_OP_YIELD_FROM, 0));
        }
        return c_emit(c, GP_OP_POP_TOP, 0);
    }
    return true;
}

/* Unwinds every fblock (for return) or up to the innermost loop (break,
   continue: *loop receives it, and for break the loop's own block is
   unwound too). */
static bool c_unwind_all(compiler_t *c, bool preserve_tos, fblock_t **loop, bool is_break)
{
    unit_t *u = c->u;
    /* Unwinding may compile finally bodies, which push and pop fblocks of
       their own; work on a saved copy so the stack can be restored. */
    int saved_n = u->nfblocks;
    fblock_t saved[COMPILE_MAX_FBLOCKS];
    memcpy(saved, u->fblocks, sizeof(fblock_t) * (size_t)saved_n);
    bool ok = true;
    while (u->nfblocks > 0) {
        fblock_t f = u->fblocks[u->nfblocks - 1];
        if (loop && (f.kind == FBLOCK_WHILE_LOOP || f.kind == FBLOCK_FOR_LOOP ||
                     f.kind == FBLOCK_ASYNC_FOR_LOOP)) {
            *loop = &saved[u->nfblocks - 1];
            if (is_break)
                ok = c_unwind_fblock(c, &f, false);
            break;
        }
        u->nfblocks--;
        if (!c_unwind_fblock(c, &f, preserve_tos)) {
            ok = false;
            break;
        }
    }
    u->nfblocks = saved_n;
    memcpy(u->fblocks, saved, sizeof(fblock_t) * (size_t)saved_n);
    if (loop && *loop) {
        /* Point at the live copy. */
        *loop = &u->fblocks[*loop - saved];
    }
    return ok;
}

/* ------------------------------------------------------------------ */
/* Statements                                                           */
/* ------------------------------------------------------------------ */

static bool c_visit_stmt(compiler_t *c, const gp_ast_stmt_t *s);

bool c_visit_stmts(compiler_t *c, const gp_ast_stmt_seq_t *body)
{
    for (size_t i = 0; i < body->count; i++)
        TRY(c_visit_stmt(c, body->items[i]));
    return true;
}

static bool is_docstring(const gp_ast_stmt_seq_t *body)
{
    if (body->count == 0)
        return false;
    const gp_ast_stmt_t *s = body->items[0];
    return s->kind == GP_AST_Expr && s->v.Expr.value->kind == GP_AST_Constant &&
           s->v.Expr.value->v.Constant.kind == GP_AST_CONST_STR;
}

static gp_object_t *docstring_value(compiler_t *c, const gp_ast_stmt_seq_t *body)
{
    const gp_ast_constant_t *k = &body->items[0]->v.Expr.value->v.Constant;
    return gp_str_from_utf8(k->bytes, k->length);
}

/* Positional and keyword-only defaults: pushes them and returns the
   MAKE_FUNCTION flags, or -1. */
static int c_visit_defaults(compiler_t *c, const gp_ast_arguments_t *args)
{
    int flags = 0;
    if (args->defaults.count) {
        for (size_t i = 0; i < args->defaults.count; i++)
            if (!c_visit_expr(c, args->defaults.items[i]))
                return -1;
        if (!c_emit(c, GP_OP_BUILD_TUPLE, (uint32_t)args->defaults.count))
            return -1;
        flags |= GP_MAKE_FUNCTION_DEFAULTS;
    }
    size_t nkw = 0;
    for (size_t i = 0; i < args->kwonlyargs.count; i++) {
        if (!args->kw_defaults.items[i])
            continue;
        if (!c_load_const(c, gp_str_from_cstr(c_mangle(c, args->kwonlyargs.items[i]->arg))) ||
            !c_visit_expr(c, args->kw_defaults.items[i]))
            return -1;
        nkw++;
    }
    if (nkw) {
        if (!c_emit(c, GP_OP_BUILD_MAP, (uint32_t)nkw))
            return -1;
        flags |= GP_MAKE_FUNCTION_KWDEFAULTS;
    }
    return flags;
}

/* Pushes the value an annotation records: the evaluated expression, or
   under `from __future__ import annotations` its text. */
static bool c_visit_annotation_value(compiler_t *c, const gp_ast_expr_t *annotation)
{
    if (!c->future_annotations)
        return c_visit_expr(c, annotation);
    const gp_ast_expr_t *forbidden;
    const char *what;
    gp_object_t *text = gp_unparse_annotation(annotation, &forbidden, &what);
    if (text == NULL)
        return c_fail(c);
    if (forbidden != NULL) {
        GP_DECREF(text);
        char msg[96];
        snprintf(msg, sizeof(msg), "'%s' can not be used within an annotation", what);
        return c_error_expr(c, msg, forbidden);
    }
    return c_load_const(c, text);
}

/* Pushes `name: annotation` for one parameter when it has an annotation;
   counts it in [*count]. */
static bool c_visit_annotation(compiler_t *c, const char *name, const gp_ast_expr_t *annotation,
                               size_t *count)
{
    if (!annotation)
        return true;
    TRY(c_load_const(c, gp_str_from_cstr(c_mangle(c, name))));
    TRY(c_visit_annotation_value(c, annotation));
    (*count)++;
    return true;
}

/* Evaluates a def's annotations into a dict, in CPython 3.11's order (the
   regular parameters come before the positional-only ones, a quirk that
   shows in the dict's order). Returns GP_MAKE_FUNCTION_ANNOTATIONS when
   it pushed a dict, 0 when there are none, -1 on error. */
static int c_visit_annotations(compiler_t *c, const gp_ast_arguments_t *args,
                               const gp_ast_expr_t *returns)
{
    size_t count = 0;
    const gp_ast_arg_seq_t *seqs[2] = {&args->args, &args->posonlyargs};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < seqs[k]->count; i++)
            if (!c_visit_annotation(c, seqs[k]->items[i]->arg, seqs[k]->items[i]->annotation,
                                    &count))
                return -1;
    if (args->vararg && !c_visit_annotation(c, args->vararg->arg, args->vararg->annotation, &count))
        return -1;
    for (size_t i = 0; i < args->kwonlyargs.count; i++)
        if (!c_visit_annotation(c, args->kwonlyargs.items[i]->arg,
                                args->kwonlyargs.items[i]->annotation, &count))
            return -1;
    if (args->kwarg && !c_visit_annotation(c, args->kwarg->arg, args->kwarg->annotation, &count))
        return -1;
    if (returns) {
        if (!c_load_const(c, gp_str_from_cstr("return")) || !c_visit_annotation_value(c, returns))
            return -1;
        count++;
    }
    if (!count)
        return 0;
    if (!c_emit(c, GP_OP_BUILD_MAP, (uint32_t)count))
        return -1;
    return GP_MAKE_FUNCTION_ANNOTATIONS;
}

/* Pushes the closure cells [code] needs and emits MAKE_FUNCTION. */
bool c_make_closure(compiler_t *c, gp_object_t *code_obj, int flags, gp_object_t *qualname)
{
    gp_code_t *code = (gp_code_t *)code_obj;
    if (code->nfrees) {
        for (int i = 0; i < code->nfrees; i++) {
            gp_object_t *name = gp_code_slot_name(code, code->nlocals + code->ncells + i);
            gp_object_t *found = gp_dict_getitem(c->u->cell_map, name);
            if (!found) {
                gp_err_format(&gp_exc_SystemError, "compiler: no cell for free variable '%U'",
                              name);
                GP_DECREF(code_obj);
                GP_DECREF(qualname);
                return c_fail(c);
            }
            if (!c_emit(c, GP_OP_LOAD_CLOSURE, (uint32_t)GP_SMALL_VALUE(found))) {
                GP_DECREF(code_obj);
                GP_DECREF(qualname);
                return false;
            }
        }
        if (!c_emit(c, GP_OP_BUILD_TUPLE, (uint32_t)code->nfrees)) {
            GP_DECREF(code_obj);
            GP_DECREF(qualname);
            return false;
        }
        flags |= GP_MAKE_FUNCTION_CLOSURE;
    }
    if (!c_load_const(c, code_obj)) {
        GP_DECREF(qualname);
        return false;
    }
    TRY(c_load_const(c, qualname));
    return c_emit(c, GP_OP_MAKE_FUNCTION, (uint32_t)flags);
}

static void unit_set_args(unit_t *u, const gp_ast_arguments_t *args)
{
    u->argcount = (int)(args->posonlyargs.count + args->args.count);
    u->posonlyargcount = (int)args->posonlyargs.count;
    u->kwonlyargcount = (int)args->kwonlyargs.count;
}

static bool c_visit_function(compiler_t *c, const gp_ast_stmt_t *s, bool is_async)
{
    const gp_ast_function_def_t *f = &s->v.FunctionDef;
    for (size_t i = 0; i < f->decorator_list.count; i++)
        TRY(c_visit_expr(c, f->decorator_list.items[i]));
    int flags = c_visit_defaults(c, f->args);
    if (flags < 0)
        return false;
    int annotations = c_visit_annotations(c, f->args, f->returns);
    if (annotations < 0)
        return false;
    flags |= annotations;
    gp_scope_t *scope = c_child_scope(c, s);
    if (!scope)
        return false;
    int firstline = s->lineno;
    if (f->decorator_list.count)
        firstline = f->decorator_list.items[0]->lineno;
    TRY(c_enter_unit(c, scope, f->name, firstline));
    unit_t *u = c->u;
    unit_set_args(u, f->args);
    u->lineno = s->lineno;
    bool ok = true;
    size_t start = 0;
    if (is_docstring(&f->body)) {
        ok = c_add_const(c, docstring_value(c, &f->body)) >= 0;
        u->flags |= GP_CODE_HAS_DOCSTRING;
        start = 1;
    }
    for (size_t i = start; ok && i < f->body.count; i++)
        ok = c_visit_stmt(c, f->body.items[i]);
    if (ok) {
        u->lineno = f->body.items[f->body.count - 1]->end_lineno;
        const gp_ast_stmt_t *last = f->body.items[f->body.count - 1];
        if (last->kind != GP_AST_Return)
            ok = c_load_none(c) && c_emit(c, GP_OP_RETURN_VALUE, 0);
    }
    gp_object_t *qualname = ok ? GP_INCREF(u->qualname) : NULL;
    gp_object_t *code = c_leave_unit(c);
    if (!ok || !code) {
        GP_XDECREF(code);
        GP_XDECREF(qualname);
        return c_fail(c);
    }
    c->u->lineno = s->lineno;
    TRY(c_make_closure(c, code, flags, qualname));
    TRY(c_apply_decorators(c, &f->decorator_list));
    return c_nameop(c, f->name, NAME_STORE);
}

bool c_apply_decorators(compiler_t *c, const gp_ast_expr_seq_t *decorators)
{
    int saved = c->u->lineno;
    gp_code_pos_t saved_pos = c->u->pos;
    for (size_t i = decorators->count; i-- > 0;) {
        c->u->lineno = decorators->items[i]->lineno;
        c->u->pos = c_pos_expr(decorators->items[i]);
        TRY(c_emit(c, GP_OP_CALL, 1));
    }
    c->u->lineno = saved;
    c->u->pos = saved_pos;
    return true;
}

/* Does the class body contain annotated assignments (needs __annotations__)? */
static bool body_has_annotations(const gp_ast_stmt_seq_t *body)
{
    for (size_t i = 0; i < body->count; i++) {
        const gp_ast_stmt_t *s = body->items[i];
        switch (s->kind) {
        case GP_AST_AnnAssign:
            return true;
        case GP_AST_For:
        case GP_AST_AsyncFor:
            if (body_has_annotations(&s->v.For.body) || body_has_annotations(&s->v.For.orelse))
                return true;
            break;
        case GP_AST_While:
            if (body_has_annotations(&s->v.While.body) ||
                body_has_annotations(&s->v.While.orelse))
                return true;
            break;
        case GP_AST_If:
            if (body_has_annotations(&s->v.If.body) || body_has_annotations(&s->v.If.orelse))
                return true;
            break;
        case GP_AST_With:
        case GP_AST_AsyncWith:
            if (body_has_annotations(&s->v.With.body))
                return true;
            break;
        case GP_AST_Try:
        case GP_AST_TryStar:
            if (body_has_annotations(&s->v.Try.body) || body_has_annotations(&s->v.Try.orelse) ||
                body_has_annotations(&s->v.Try.finalbody))
                return true;
            for (size_t h = 0; h < s->v.Try.handlers.count; h++)
                if (body_has_annotations(&s->v.Try.handlers.items[h]->body))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* Emits a call whose positional args and keywords are AST sequences, with
   [extra] positional args already pushed after the callable. */
bool c_visit_call_args(compiler_t *c, size_t extra, const gp_ast_expr_seq_t *args,
                       const gp_ast_keyword_seq_t *keywords, bool method);

static bool c_visit_class(compiler_t *c, const gp_ast_stmt_t *s)
{
    for (size_t i = 0; i < s->v.ClassDef.decorator_list.count; i++)
        TRY(c_visit_expr(c, s->v.ClassDef.decorator_list.items[i]));
    gp_scope_t *scope = c_child_scope(c, s);
    if (!scope)
        return false;
    int firstline = s->lineno;
    if (s->v.ClassDef.decorator_list.count)
        firstline = s->v.ClassDef.decorator_list.items[0]->lineno;
    const char *saved_private = c->private_name;
    TRY(c_enter_unit(c, scope, s->v.ClassDef.name, firstline));
    c->private_name = s->v.ClassDef.name;
    unit_t *u = c->u;
    u->lineno = s->lineno;
    bool ok = c_nameop(c, "__name__", NAME_LOAD) && c_nameop(c, "__module__", NAME_STORE) &&
              c_load_const(c, GP_INCREF(u->qualname)) &&
              c_nameop(c, "__qualname__", NAME_STORE);
    size_t start = 0;
    if (ok && is_docstring(&s->v.ClassDef.body)) {
        u->lineno = s->v.ClassDef.body.items[0]->lineno;
        ok = c_load_const(c, docstring_value(c, &s->v.ClassDef.body)) &&
             c_nameop(c, "__doc__", NAME_STORE);
        start = 1;
    }
    if (ok && body_has_annotations(&s->v.ClassDef.body))
        ok = c_emit(c, GP_OP_SETUP_ANNOTATIONS, 0);
    for (size_t i = start; ok && i < s->v.ClassDef.body.count; i++)
        ok = c_visit_stmt(c, s->v.ClassDef.body.items[i]);
    if (ok && scope->needs_class_cell) {
        gp_object_t *found = gp_dict_getitem_cstr(u->cell_map, "__class__");
        ok = found && c_emit(c, GP_OP_LOAD_CLOSURE, (uint32_t)GP_SMALL_VALUE(found)) &&
             c_nameop(c, "__classcell__", NAME_STORE);
    }
    if (ok)
        ok = c_load_none(c) && c_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_object_t *qualname = ok ? GP_INCREF(u->qualname) : NULL;
    gp_object_t *code = c_leave_unit(c);
    c->private_name = saved_private;
    if (!ok || !code) {
        GP_XDECREF(code);
        GP_XDECREF(qualname);
        return c_fail(c);
    }
    c->u->lineno = s->lineno;
    TRY(c_emit(c, GP_OP_LOAD_BUILD_CLASS, 0));
    TRY(c_make_closure(c, code, 0, qualname));
    TRY(c_load_const(c, gp_str_from_cstr(s->v.ClassDef.name)));
    TRY(c_visit_call_args(c, 2, &s->v.ClassDef.bases, &s->v.ClassDef.keywords, false));
    TRY(c_apply_decorators(c, &s->v.ClassDef.decorator_list));
    return c_nameop(c, s->v.ClassDef.name, NAME_STORE);
}

/* Would a jump out of the current position leave an except* body? Only
   blocks above the target loop count ([to_loop]), or all of them for a
   return. An except* body cannot be left early: the other clauses still
   have to see the rest of the group. */
static bool c_jump_leaves_except_star(compiler_t *c, bool to_loop)
{
    for (int i = c->u->nfblocks - 1; i >= 0; i--) {
        fblock_kind_t k = c->u->fblocks[i].kind;
        if (to_loop && (k == FBLOCK_WHILE_LOOP || k == FBLOCK_FOR_LOOP ||
                        k == FBLOCK_ASYNC_FOR_LOOP))
            return false;
        if (k == FBLOCK_EXCEPT_STAR_BODY)
            return true;
    }
    return false;
}

static const char except_star_jump_msg[] =
    "'break', 'continue' and 'return' cannot appear in an except* block";

static bool c_visit_return(compiler_t *c, const gp_ast_stmt_t *s)
{
    unit_t *u = c->u;
    if (u->scope->kind != GP_SCOPE_FUNCTION || u->scope->is_comprehension)
        return c_error_stmt(c, "'return' outside function", s);
    if (s->v.Return.value && (u->flags & GP_CODE_ASYNC_GENERATOR))
        return c_error_stmt(c, "'return' with value in async generator", s);
    if (c_jump_leaves_except_star(c, false)) {
        /* CPython reports it where the returned value is, when there is one. */
        const gp_ast_expr_t *v = s->v.Return.value;
        if (v)
            return c_error(c, except_star_jump_msg, v->lineno, v->col_offset, v->end_lineno,
                           v->end_col_offset);
        return c_error_stmt(c, except_star_jump_msg, s);
    }
    if (s->v.Return.value)
        TRY(c_visit_expr(c, s->v.Return.value));
    else
        TRY(c_load_none(c));
    TRY(c_unwind_all(c, true, NULL, false));
    u->lineno = s->lineno;
    return c_emit(c, GP_OP_RETURN_VALUE, 0);
}

static bool c_visit_break_continue(compiler_t *c, const gp_ast_stmt_t *s, bool is_break)
{
    fblock_t *loop = NULL;
    /* Find out first whether there is a loop at all. */
    bool found = false;
    for (int i = c->u->nfblocks - 1; i >= 0; i--) {
        fblock_kind_t k = c->u->fblocks[i].kind;
        if (k == FBLOCK_WHILE_LOOP || k == FBLOCK_FOR_LOOP || k == FBLOCK_ASYNC_FOR_LOOP) {
            found = true;
            break;
        }
    }
    if (!found)
        return c_error_stmt(c, is_break ? "'break' outside loop"
                                        : "'continue' not properly in loop",
                            s);
    if (c_jump_leaves_except_star(c, true))
        return c_error_stmt(c, except_star_jump_msg, s);
    TRY(c_unwind_all(c, false, &loop, is_break));
    return c_emit_jump(c, GP_OP_JUMP, is_break ? loop->exit : loop->label);
}

static bool c_visit_for(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_for_t *f = &s->v.For;
    uint32_t start = c_new_label(c), cleanup = c_new_label(c), end = c_new_label(c);
    TRY(c_visit_expr(c, f->iter));
    c->u->lineno = s->lineno;
    TRY(c_emit(c, GP_OP_GET_ITER, 0));
    c_bind_label(c, start);
    TRY(c_emit_jump(c, GP_OP_FOR_ITER, cleanup));
    TRY(fblock_push(c, FBLOCK_FOR_LOOP, start, end, NULL));
    TRY(c_visit_store(c, f->target));
    TRY(c_visit_stmts(c, &f->body));
    fblock_pop(c);
    c->u->lineno = s->lineno;
    TRY(c_emit_jump(c, GP_OP_JUMP, start));
    c_bind_label(c, cleanup);
    TRY(c_visit_stmts(c, &f->orelse));
    c_bind_label(c, end);
    return true;
}

static bool c_visit_async_for(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_for_t *f = &s->v.AsyncFor;
    if (!c->u->is_async)
        return c_error_stmt(c, "'async for' outside async function", s);
    uint32_t start = c_new_label(c), except = c_new_label(c), end = c_new_label(c);
    TRY(c_visit_expr(c, f->iter));
    c->u->lineno = s->lineno;
    TRY(c_emit(c, GP_OP_GET_AITER, 0));
    c_bind_label(c, start);
    TRY(c_emit_jump(c, GP_OP_SETUP_FINALLY, except));
    TRY(c_emit(c, GP_OP_GET_ANEXT, 0));
    TRY(c_load_none(c));
    TRY(c_emit(c, GP_OP_YIELD_FROM, 0));
    TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
    TRY(fblock_push(c, FBLOCK_ASYNC_FOR_LOOP, start, end, NULL));
    TRY(c_visit_store(c, f->target));
    TRY(c_visit_stmts(c, &f->body));
    fblock_pop(c);
    c->u->lineno = s->lineno;
    TRY(c_emit_jump(c, GP_OP_JUMP, start));
    c_bind_label(c, except);
    TRY(c_emit(c, GP_OP_END_ASYNC_FOR, 0));
    TRY(c_visit_stmts(c, &f->orelse));
    c_bind_label(c, end);
    return true;
}

/* Whether [e] is a constant whose truth is known. 1 true, 0 false, -1 unknown. */
static int constant_truth(const gp_ast_expr_t *e)
{
    if (e->kind != GP_AST_Constant)
        return -1;
    const gp_ast_constant_t *k = &e->v.Constant;
    switch (k->kind) {
    case GP_AST_CONST_TRUE:
    case GP_AST_CONST_ELLIPSIS:
        return 1;
    case GP_AST_CONST_FALSE:
    case GP_AST_CONST_NONE:
        return 0;
    case GP_AST_CONST_INT: {
        for (const char *p = k->digits; *p; p++)
            if (*p != '0')
                return 1;
        return 0;
    }
    case GP_AST_CONST_STR:
    case GP_AST_CONST_BYTES:
        return k->length != 0;
    default:
        return -1;
    }
}

static bool c_visit_while(compiler_t *c, const gp_ast_stmt_t *s)
{
    uint32_t start = c_new_label(c), orelse = c_new_label(c), end = c_new_label(c);
    int truth = constant_truth(s->v.While.test);
    c_bind_label(c, start);
    if (truth != 1)
        TRY(c_visit_test(c, s->v.While.test, orelse, false));
    TRY(fblock_push(c, FBLOCK_WHILE_LOOP, start, end, NULL));
    TRY(c_visit_stmts(c, &s->v.While.body));
    fblock_pop(c);
    TRY(c_check_tree(c, s->v.While.test));
    c->u->lineno = s->lineno;
    TRY(c_emit_jump(c, GP_OP_JUMP, start));
    c_bind_label(c, orelse);
    TRY(c_visit_stmts(c, &s->v.While.orelse));
    c_bind_label(c, end);
    return true;
}

static bool c_visit_if(compiler_t *c, const gp_ast_stmt_t *s)
{
    uint32_t orelse = c_new_label(c), end = c_new_label(c);
    TRY(c_visit_test(c, s->v.If.test, orelse, false));
    TRY(c_visit_stmts(c, &s->v.If.body));
    if (s->v.If.orelse.count) {
        TRY(c_emit_jump(c, GP_OP_JUMP, end));
        c_bind_label(c, orelse);
        TRY(c_visit_stmts(c, &s->v.If.orelse));
    } else {
        c_bind_label(c, orelse);
    }
    c_bind_label(c, end);
    return true;
}

static bool c_visit_with_items(compiler_t *c, const gp_ast_stmt_t *s, size_t index, bool is_async)
{
    const gp_ast_with_t *w = &s->v.With;
    const gp_ast_withitem_t *item = w->items.items[index];
    uint32_t handler = c_new_label(c), suppress = c_new_label(c), end = c_new_label(c);
    TRY(c_visit_expr(c, item->context_expr));
    c->u->lineno = s->lineno;
    if (is_async) {
        TRY(c_emit(c, GP_OP_BEFORE_ASYNC_WITH, 0));
        TRY(c_emit(c, GP_OP_GET_AWAITABLE, 1));
        TRY(c_load_none(c));
        TRY(c_emit(c, GP_OP_YIELD_FROM, 0));
    } else {
        TRY(c_emit(c, GP_OP_BEFORE_WITH, 0));
    }
    if (item->optional_vars)
        TRY(c_visit_store(c, item->optional_vars));
    else
        TRY(c_emit(c, GP_OP_POP_TOP, 0));
    TRY(c_emit_jump(c, GP_OP_SETUP_FINALLY, handler));
    TRY(fblock_push(c, is_async ? FBLOCK_ASYNC_WITH : FBLOCK_WITH, 0, 0, NULL));
    if (index + 1 < w->items.count)
        TRY(c_visit_with_items(c, s, index + 1, is_async));
    else
        TRY(c_visit_stmts(c, &w->body));
    fblock_pop(c);
    c->u->lineno = s->lineno;
    TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
    TRY(c_emit(c, GP_OP_WITH_EXIT, 0));
    if (is_async) {
        TRY(c_emit(c, GP_OP_GET_AWAITABLE, 2));
        TRY(c_load_none(c));
        TRY(c_emit(c, GP_OP_YIELD_FROM, 0));
    }
    TRY(c_emit(c, GP_OP_POP_TOP, 0));
    TRY(c_emit_jump(c, GP_OP_JUMP, end));
    /* Exception path: stack is exit, prev, exc. */
    c_bind_label(c, handler);
    TRY(fblock_push(c, FBLOCK_EXCEPTION_HANDLER, 0, 0, NULL));
    TRY(c_emit(c, GP_OP_WITH_EXCEPT_START, 0));
    if (is_async) {
        TRY(c_emit(c, GP_OP_GET_AWAITABLE, 2));
        TRY(c_load_none(c));
        TRY(c_emit(c, GP_OP_YIELD_FROM, 0));
    }
    TRY(c_emit_jump(c, GP_OP_POP_JUMP_IF_TRUE, suppress));
    TRY(c_emit(c, GP_OP_RERAISE, 0));
    c_bind_label(c, suppress);
    TRY(c_emit(c, GP_OP_POP_TOP, 0));
    TRY(c_emit(c, GP_OP_POP_EXCEPT, 0));
    TRY(c_emit(c, GP_OP_POP_TOP, 0));
    fblock_pop(c);
    c_bind_label(c, end);
    return true;
}

/* The part `try: ... except` and `try: ... except*` share: the protected
   body, which jumps to [orelse] when it ends normally, then the handlers'
   entry at [handlers] with an EXCEPTION_HANDLER block pushed. Stack there:
   prev, exc. */
static bool c_try_body(compiler_t *c, const gp_ast_try_t *t, uint32_t handlers, uint32_t orelse)
{
    TRY(c_emit_jump(c, GP_OP_SETUP_FINALLY, handlers));
    TRY(fblock_push(c, FBLOCK_TRY_EXCEPT, 0, 0, NULL));
    TRY(c_visit_stmts(c, &t->body));
    fblock_pop(c);
    TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
    TRY(c_emit_jump(c, GP_OP_JUMP, orelse));
    c_bind_label(c, handlers);
    return fblock_push(c, FBLOCK_EXCEPTION_HANDLER, 0, 0, NULL);
}

static bool c_visit_try_except(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_try_t *t = &s->v.Try;
    uint32_t handlers = c_new_label(c), orelse = c_new_label(c), end = c_new_label(c);
    TRY(c_try_body(c, t, handlers, orelse));
    for (size_t i = 0; i < t->handlers.count; i++) {
        const gp_ast_excepthandler_t *h = t->handlers.items[i];
        c->u->lineno = h->lineno;
        if (!h->type && i + 1 < t->handlers.count)
            return c_error(c, "default 'except:' must be last", h->lineno, h->col_offset,
                           h->end_lineno, h->end_col_offset);
        uint32_t next = c_new_label(c);
        if (h->type) {
            TRY(c_emit(c, GP_OP_COPY, 1));
            TRY(c_visit_expr(c, h->type));
            c->u->lineno = h->lineno;
            TRY(c_emit_jump(c, GP_OP_JUMP_IF_NOT_EXC_MATCH, next));
        }
        if (h->name) {
            uint32_t cleanup = c_new_label(c);
            TRY(c_nameop(c, h->name, NAME_STORE));
            TRY(c_emit_jump(c, GP_OP_SETUP_FINALLY, cleanup));
            TRY(fblock_push(c, FBLOCK_HANDLER_CLEANUP, 0, 0, h->name));
            TRY(c_visit_stmts(c, &h->body));
            fblock_pop(c);
            TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
            TRY(c_emit(c, GP_OP_POP_EXCEPT, 0));
            TRY(c_load_none(c));
            TRY(c_nameop(c, h->name, NAME_STORE));
            TRY(c_nameop(c, h->name, NAME_DEL));
            TRY(c_emit_jump(c, GP_OP_JUMP, end));
            /* The body raised: clear the name, then re-raise. */
            c_bind_label(c, cleanup);
            TRY(c_load_none(c));
            TRY(c_nameop(c, h->name, NAME_STORE));
            TRY(c_nameop(c, h->name, NAME_DEL));
            TRY(c_emit(c, GP_OP_RERAISE, 0));
        } else {
            TRY(c_emit(c, GP_OP_POP_TOP, 0));
            TRY(fblock_push(c, FBLOCK_HANDLER_CLEANUP, 0, 0, NULL));
            TRY(c_visit_stmts(c, &h->body));
            fblock_pop(c);
            TRY(c_emit(c, GP_OP_POP_EXCEPT, 0));
            TRY(c_emit_jump(c, GP_OP_JUMP, end));
        }
        c_bind_label(c, next);
    }
    fblock_pop(c);
    TRY(c_emit(c, GP_OP_RERAISE, 0));
    c_bind_label(c, orelse);
    TRY(c_visit_stmts(c, &t->orelse));
    c_bind_label(c, end);
    return true;
}

/* Binds or drops the value on top of the stack for a handler's `as`. */
static bool c_handler_name_clear(compiler_t *c, const char *name)
{
    TRY(c_load_none(c));
    TRY(c_nameop(c, name, NAME_STORE));
    return c_nameop(c, name, NAME_DEL);
}

/* try/except* (PEP 654). On entry to the handlers the stack holds
   [prev, exc] under an except block, and the statement keeps two more
   values while its clauses run: the list of exceptions the bodies raised,
   and the part of exc no clause has taken yet ("rest", None once all is
   taken). Each clause peels its part off the rest with CHECK_EG_MATCH and
   runs its body as a nested except block for that part, so sys.exc_info()
   and implicit chaining see the group the clause matched. An exception
   escaping a body is collected instead of propagating, because the later
   clauses must still run; PREP_RERAISE_STAR then decides what, if
   anything, the whole statement raises. */
static bool c_visit_try_star_except(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_try_t *t = &s->v.Try;
    uint32_t handlers = c_new_label(c), orelse = c_new_label(c), end = c_new_label(c);
    uint32_t handled = c_new_label(c);
    TRY(c_try_body(c, t, handlers, orelse));
    TRY(c_emit(c, GP_OP_BUILD_LIST, 0)); /* prev, exc, raised */
    TRY(c_emit(c, GP_OP_COPY, 2));       /* prev, exc, raised, rest */
    for (size_t i = 0; i < t->handlers.count; i++) {
        const gp_ast_excepthandler_t *h = t->handlers.items[i];
        uint32_t no_match = c_new_label(c), next = c_new_label(c), escaped = c_new_label(c);
        c->u->lineno = h->lineno;
        TRY(c_visit_expr(c, h->type));
        c->u->lineno = h->lineno;
        TRY(c_emit(c, GP_OP_CHECK_EG_MATCH, 0)); /* ..., raised, rest, match */
        TRY(c_emit(c, GP_OP_COPY, 1));
        TRY(c_load_none(c));
        TRY(c_emit(c, GP_OP_IS_OP, 0));
        TRY(c_emit_jump(c, GP_OP_POP_JUMP_IF_TRUE, no_match));
        TRY(c_emit(c, GP_OP_PUSH_EXC_INFO, 0)); /* ..., raised, rest, prev2, match */
        if (h->name)
            TRY(c_nameop(c, h->name, NAME_STORE));
        else
            TRY(c_emit(c, GP_OP_POP_TOP, 0));
        TRY(c_emit_jump(c, GP_OP_SETUP_FINALLY, escaped));
        TRY(fblock_push(c, FBLOCK_EXCEPT_STAR_BODY, 0, 0, NULL));
        TRY(c_visit_stmts(c, &h->body));
        fblock_pop(c);
        TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
        TRY(c_emit(c, GP_OP_POP_EXCEPT, 0)); /* ..., raised, rest */
        if (h->name)
            TRY(c_handler_name_clear(c, h->name));
        TRY(c_emit_jump(c, GP_OP_JUMP, next));
        /* The body raised: ..., raised, rest, prev2, prev3, exc3. Collect
           exc3, then close both except blocks. */
        c_bind_label(c, escaped);
        if (h->name)
            TRY(c_handler_name_clear(c, h->name));
        TRY(c_emit(c, GP_OP_LIST_APPEND, 4));
        TRY(c_emit(c, GP_OP_POP_EXCEPT, 0));
        TRY(c_emit(c, GP_OP_POP_EXCEPT, 0));
        TRY(c_emit_jump(c, GP_OP_JUMP, next));
        c_bind_label(c, no_match);
        TRY(c_emit(c, GP_OP_POP_TOP, 0));
        c_bind_label(c, next);
    }
    TRY(c_emit(c, GP_OP_PREP_RERAISE_STAR, 0)); /* prev, to_raise */
    TRY(c_emit(c, GP_OP_COPY, 1));
    TRY(c_load_none(c));
    TRY(c_emit(c, GP_OP_IS_OP, 0));
    TRY(c_emit_jump(c, GP_OP_POP_JUMP_IF_TRUE, handled));
    fblock_pop(c);
    TRY(c_emit(c, GP_OP_RERAISE, 0));
    c_bind_label(c, handled);
    TRY(c_emit(c, GP_OP_POP_TOP, 0));
    TRY(c_emit(c, GP_OP_POP_EXCEPT, 0));
    TRY(c_emit_jump(c, GP_OP_JUMP, end));
    c_bind_label(c, orelse);
    TRY(c_visit_stmts(c, &t->orelse));
    c_bind_label(c, end);
    return true;
}

static bool c_visit_try(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_try_t *t = &s->v.Try;
    bool (*visit_handlers)(compiler_t *, const gp_ast_stmt_t *) =
        s->kind == GP_AST_TryStar ? c_visit_try_star_except : c_visit_try_except;
    if (t->finalbody.count == 0)
        return visit_handlers(c, s);
    uint32_t final = c_new_label(c), end = c_new_label(c);
    TRY(c_emit_jump(c, GP_OP_SETUP_FINALLY, final));
    TRY(fblock_push(c, FBLOCK_FINALLY_TRY, 0, 0, &t->finalbody));
    if (t->handlers.count)
        TRY(visit_handlers(c, s));
    else
        TRY(c_visit_stmts(c, &t->body));
    fblock_pop(c);
    TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
    TRY(c_visit_stmts(c, &t->finalbody));
    TRY(c_emit_jump(c, GP_OP_JUMP, end));
    c_bind_label(c, final);
    TRY(fblock_push(c, FBLOCK_FINALLY_END, 0, 0, NULL));
    TRY(c_visit_stmts(c, &t->finalbody));
    fblock_pop(c);
    TRY(c_emit(c, GP_OP_RERAISE, 0));
    c_bind_label(c, end);
    return true;
}

static bool c_visit_raise(compiler_t *c, const gp_ast_stmt_t *s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        TRY(c_visit_expr(c, s->v.Raise.exc));
        n++;
        if (s->v.Raise.cause) {
            TRY(c_visit_expr(c, s->v.Raise.cause));
            n++;
        }
    }
    c->u->lineno = s->lineno;
    return c_emit(c, GP_OP_RAISE_VARARGS, (uint32_t)n);
}

static bool c_visit_assert(compiler_t *c, const gp_ast_stmt_t *s)
{
    TRY(c_check_assert(c, s));
    uint32_t ok = c_new_label(c);
    TRY(c_visit_test(c, s->v.Assert.test, ok, true));
    c->u->lineno = s->lineno;
    /* CPython 3.11 reports a failed `assert a == b` (also under `not`) at
       the comparison, any other test at the whole statement. */
    const gp_ast_expr_t *test = s->v.Assert.test;
    while (test->kind == GP_AST_UnaryOp && test->v.UnaryOp.op == GP_AST_Not)
        test = test->v.UnaryOp.operand;
    if (test->kind == GP_AST_Compare && test->lineno == s->lineno)
        c->u->pos = c_pos_expr(test);
    TRY(c_emit(c, GP_OP_LOAD_ASSERTION_ERROR, 0));
    if (s->v.Assert.msg) {
        TRY(c_visit_expr(c, s->v.Assert.msg));
        c->u->lineno = s->lineno;
        TRY(c_emit(c, GP_OP_CALL, 1));
    }
    TRY(c_emit(c, GP_OP_RAISE_VARARGS, 1));
    c_bind_label(c, ok);
    return true;
}

static bool c_visit_import(compiler_t *c, const gp_ast_stmt_t *s)
{
    for (size_t i = 0; i < s->v.Import.names.count; i++) {
        const gp_ast_alias_t *a = s->v.Import.names.items[i];
        int idx = c_add_name(c, a->name);
        if (idx < 0)
            return false;
        TRY(c_load_const(c, gp_int_from_i64(0)));
        TRY(c_load_none(c));
        TRY(c_emit(c, GP_OP_IMPORT_NAME, (uint32_t)idx));
        if (a->asname) {
            /* import a.b.c as d: walk down to the leaf module. */
            const char *p = strchr(a->name, '.');
            while (p) {
                const char *q = strchr(p + 1, '.');
                size_t len = q ? (size_t)(q - p - 1) : strlen(p + 1);
                char *part = gp_arena_strndup(c->st->arena, p + 1, len);
                if (!part) {
                    gp_err_no_memory();
                    return c_fail(c);
                }
                int pidx = c_add_name(c, part);
                if (pidx < 0)
                    return false;
                TRY(c_emit(c, GP_OP_IMPORT_FROM, (uint32_t)pidx));
                TRY(c_emit(c, GP_OP_SWAP, 2));
                TRY(c_emit(c, GP_OP_POP_TOP, 0));
                p = q;
            }
            TRY(c_nameop(c, a->asname, NAME_STORE));
        } else {
            const char *dot = strchr(a->name, '.');
            const char *bound = a->name;
            if (dot) {
                char *top = gp_arena_strndup(c->st->arena, a->name, (size_t)(dot - a->name));
                if (!top) {
                    gp_err_no_memory();
                    return c_fail(c);
                }
                bound = top;
            }
            TRY(c_nameop(c, bound, NAME_STORE));
        }
    }
    return true;
}

static bool c_visit_import_from(compiler_t *c, const gp_ast_stmt_t *s)
{
    const char *module = s->v.ImportFrom.module ? s->v.ImportFrom.module : "";
    const gp_ast_alias_seq_t *names = &s->v.ImportFrom.names;
    if (strcmp(module, "__future__") == 0 && s->v.ImportFrom.level == 0 &&
        !c_is_leading_future(c, s))
        return c_error_stmt(c, "from __future__ imports must occur at the beginning of the file",
                            s);
    /* A future statement is also an ordinary import: it binds the
       feature objects of lib/__future__.py. */
    gp_object_t *fromlist = gp_tuple_new(names->count);
    if (!fromlist)
        return c_fail(c);
    for (size_t i = 0; i < names->count; i++) {
        gp_object_t *n = gp_str_from_cstr(names->items[i]->name);
        if (!n) {
            GP_DECREF(fromlist);
            return c_fail(c);
        }
        GP_TUPLE_SET(fromlist, i, n);
    }
    TRY(c_load_const(c, gp_int_from_i64(s->v.ImportFrom.level)));
    TRY(c_load_const(c, fromlist));
    int idx = c_add_name(c, module);
    if (idx < 0)
        return false;
    TRY(c_emit(c, GP_OP_IMPORT_NAME, (uint32_t)idx));
    if (names->count == 1 && strcmp(names->items[0]->name, "*") == 0)
        return c_emit(c, GP_OP_IMPORT_STAR, 0);
    for (size_t i = 0; i < names->count; i++) {
        const gp_ast_alias_t *a = names->items[i];
        int n = c_add_name(c, a->name);
        if (n < 0)
            return false;
        TRY(c_emit(c, GP_OP_IMPORT_FROM, (uint32_t)n));
        TRY(c_nameop(c, a->asname ? a->asname : a->name, NAME_STORE));
    }
    return c_emit(c, GP_OP_POP_TOP, 0);
}

static bool c_visit_assign(compiler_t *c, const gp_ast_stmt_t *s)
{
    TRY(c_visit_expr(c, s->v.Assign.value));
    size_t n = s->v.Assign.targets.count;
    for (size_t i = 0; i < n; i++) {
        c->u->lineno = s->lineno;
        if (i + 1 < n)
            TRY(c_emit(c, GP_OP_COPY, 1));
        TRY(c_visit_store(c, s->v.Assign.targets.items[i]));
    }
    return true;
}

static const int binop_map[] = {
    [GP_AST_Add] = GP_BINOP_ADD,         [GP_AST_Sub] = GP_BINOP_SUB,
    [GP_AST_Mult] = GP_BINOP_MUL,        [GP_AST_MatMult] = GP_BINOP_MATMUL,
    [GP_AST_Div] = GP_BINOP_TRUEDIV,     [GP_AST_Mod] = GP_BINOP_MOD,
    [GP_AST_Pow] = GP_BINOP_POW,         [GP_AST_LShift] = GP_BINOP_LSHIFT,
    [GP_AST_RShift] = GP_BINOP_RSHIFT,   [GP_AST_BitOr] = GP_BINOP_OR,
    [GP_AST_BitXor] = GP_BINOP_XOR,      [GP_AST_BitAnd] = GP_BINOP_AND,
    [GP_AST_FloorDiv] = GP_BINOP_FLOORDIV,
};

int c_binop_of(gp_ast_operator_t op)
{
    return binop_map[op];
}

static bool c_visit_augassign(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_expr_t *t = s->v.AugAssign.target;
    uint32_t op = (uint32_t)binop_map[s->v.AugAssign.op] | GP_BINOP_INPLACE;
    gp_code_pos_t stmt_pos = c->u->pos;
    switch (t->kind) {
    case GP_AST_Name:
        TRY(c_nameop(c, t->v.Name.id, NAME_LOAD));
        TRY(c_visit_expr(c, s->v.AugAssign.value));
        c->u->lineno = s->lineno;
        TRY(c_emit(c, GP_OP_BINARY_OP, op));
        return c_nameop(c, t->v.Name.id, NAME_STORE);
    case GP_AST_Attribute: {
        int load = c_add_cache(c, c_mangle(c, t->v.Attribute.attr));
        int store = c_add_cache(c, c_mangle(c, t->v.Attribute.attr));
        if (load < 0 || store < 0)
            return false;
        TRY(c_visit_expr(c, t->v.Attribute.value));
        TRY(c_emit(c, GP_OP_COPY, 1));
        c->u->lineno = t->lineno;
        c->u->pos = c_pos_expr(t);
        TRY(c_emit(c, GP_OP_LOAD_ATTR, (uint32_t)load));
        TRY(c_visit_expr(c, s->v.AugAssign.value));
        c->u->lineno = s->lineno;
        c->u->pos = stmt_pos;
        TRY(c_emit(c, GP_OP_BINARY_OP, op));
        TRY(c_emit(c, GP_OP_SWAP, 2));
        c->u->pos = c_pos_expr(t);
        return c_emit(c, GP_OP_STORE_ATTR, (uint32_t)store);
    }
    case GP_AST_Subscript:
        TRY(c_visit_expr(c, t->v.Subscript.value));
        TRY(c_visit_expr(c, t->v.Subscript.slice));
        TRY(c_emit(c, GP_OP_COPY, 2));
        TRY(c_emit(c, GP_OP_COPY, 2));
        c->u->lineno = t->lineno;
        c->u->pos = c_pos_expr(t);
        TRY(c_emit(c, GP_OP_BINARY_SUBSCR, 0));
        TRY(c_visit_expr(c, s->v.AugAssign.value));
        c->u->lineno = s->lineno;
        c->u->pos = stmt_pos;
        TRY(c_emit(c, GP_OP_BINARY_OP, op));
        /* container, key, value -> value, container, key */
        TRY(c_emit(c, GP_OP_ROT_N, 3));
        c->u->pos = c_pos_expr(t);
        return c_emit(c, GP_OP_STORE_SUBSCR, 0);
    default:
        return c_error_stmt(c, "illegal expression for augmented assignment", s);
    }
}

static bool c_visit_annassign(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_expr_t *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        TRY(c_visit_expr(c, s->v.AnnAssign.value));
        TRY(c_visit_store(c, t));
    }
    /* Module and class bodies record simple annotations in __annotations__. */
    if (t->kind == GP_AST_Name && s->v.AnnAssign.simple && c->u->scope->kind != GP_SCOPE_FUNCTION) {
        TRY(c_visit_annotation_value(c, s->v.AnnAssign.annotation));
        TRY(c_nameop(c, "__annotations__", NAME_LOAD));
        TRY(c_load_const(c, gp_str_from_cstr(c_mangle(c, t->v.Name.id))));
        c->u->lineno = s->lineno;
        return c_emit(c, GP_OP_STORE_SUBSCR, 0);
    }
    if (t->kind == GP_AST_Attribute && !s->v.AnnAssign.value) {
        TRY(c_visit_expr(c, t->v.Attribute.value));
        return c_emit(c, GP_OP_POP_TOP, 0);
    }
    if (t->kind == GP_AST_Subscript && !s->v.AnnAssign.value) {
        TRY(c_visit_expr(c, t->v.Subscript.value));
        TRY(c_emit(c, GP_OP_POP_TOP, 0));
        TRY(c_visit_expr(c, t->v.Subscript.slice));
        return c_emit(c, GP_OP_POP_TOP, 0);
    }
    return true;
}

static bool c_visit_stmt(compiler_t *c, const gp_ast_stmt_t *s)
{
    if (c->failed)
        return false;
    c->u->lineno = s->lineno;
    c->u->pos = (gp_code_pos_t){s->lineno, s->end_lineno, s->col_offset, s->end_col_offset};
    switch (s->kind) {
    case GP_AST_FunctionDef:
        return c_visit_function(c, s, false);
    case GP_AST_AsyncFunctionDef:
        return c_visit_function(c, s, true);
    case GP_AST_ClassDef:
        return c_visit_class(c, s);
    case GP_AST_Return:
        return c_visit_return(c, s);
    case GP_AST_Delete:
        for (size_t i = 0; i < s->v.Delete.targets.count; i++)
            TRY(c_visit_delete(c, s->v.Delete.targets.items[i]));
        return true;
    case GP_AST_Assign:
        return c_visit_assign(c, s);
    case GP_AST_AugAssign:
        return c_visit_augassign(c, s);
    case GP_AST_AnnAssign:
        return c_visit_annassign(c, s);
    case GP_AST_For:
        return c_visit_for(c, s);
    case GP_AST_AsyncFor:
        return c_visit_async_for(c, s);
    case GP_AST_While:
        return c_visit_while(c, s);
    case GP_AST_If:
        return c_visit_if(c, s);
    case GP_AST_With:
        return c_visit_with_items(c, s, 0, false);
    case GP_AST_AsyncWith:
        if (!c->u->is_async)
            return c_error_stmt(c, "'async with' outside async function", s);
        return c_visit_with_items(c, s, 0, true);
    case GP_AST_Match:
        return c_visit_match(c, s);
    case GP_AST_Raise:
        return c_visit_raise(c, s);
    case GP_AST_Try:
    case GP_AST_TryStar:
        return c_visit_try(c, s);
    case GP_AST_Assert:
        return c_visit_assert(c, s);
    case GP_AST_Import:
        return c_visit_import(c, s);
    case GP_AST_ImportFrom:
        return c_visit_import_from(c, s);
    case GP_AST_Global:
    case GP_AST_Nonlocal:
    case GP_AST_Pass:
        return true;
    case GP_AST_Expr: {
        const gp_ast_expr_t *v = s->v.Expr.value;
        if (c->mode == GP_COMPILE_SINGLE && c->u->is_module) {
            TRY(c_visit_expr(c, v));
            c->u->lineno = s->lineno;
            return c_emit(c, GP_OP_PRINT_EXPR, 0);
        }
        /* A bare constant (a docstring-like string) does nothing. */
        if (v->kind == GP_AST_Constant)
            return true;
        TRY(c_visit_expr(c, v));
        c->u->lineno = s->lineno;
        return c_emit(c, GP_OP_POP_TOP, 0);
    }
    case GP_AST_Break:
        return c_visit_break_continue(c, s, true);
    case GP_AST_Continue:
        return c_visit_break_continue(c, s, false);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                          */
/* ------------------------------------------------------------------ */

gp_object_t *gp_compile_ast(const gp_ast_mod_t *mod, gp_arena_t *arena, const char *filename,
                            const char *source, size_t source_len, gp_compile_mode_t mode)
{
    gp_symtable_t *st = gp_symtable_build(mod, arena, filename, source, source_len);
    if (!st)
        return NULL;
    compiler_t c;
    memset(&c, 0, sizeof c);
    c.st = st;
    c.filename = filename;
    c.source = source;
    c.source_len = source_len;
    c.mode = mode;
    c.filename_obj = gp_str_from_cstr(filename);
    if (!c.filename_obj)
        return NULL;
    int firstline = 1;
    if (!c_scan_future(&c, mod)) {
        GP_DECREF(c.filename_obj);
        return NULL;
    }
    if (!c_enter_unit(&c, st->top, "<module>", firstline)) {
        GP_DECREF(c.filename_obj);
        return NULL;
    }
    bool ok = true;
    if (mod->kind == GP_AST_Expression) {
        ok = c_visit_expr(&c, mod->expr) && c_emit(&c, GP_OP_RETURN_VALUE, 0);
    } else {
        size_t start = 0;
        if (mode == GP_COMPILE_EXEC && is_docstring(&mod->body)) {
            c.u->lineno = mod->body.items[0]->lineno;
            ok = c_load_const(&c, docstring_value(&c, &mod->body)) &&
                 c_nameop(&c, "__doc__", NAME_STORE);
            start = 1;
        }
        if (ok && body_has_annotations(&mod->body))
            ok = c_emit(&c, GP_OP_SETUP_ANNOTATIONS, 0);
        for (size_t i = start; ok && i < mod->body.count; i++)
            ok = c_visit_stmt(&c, mod->body.items[i]);
        if (ok)
            ok = c_load_none(&c) && c_emit(&c, GP_OP_RETURN_VALUE, 0);
    }
    if (!ok)
        c.failed = true;
    gp_object_t *code = c_leave_unit(&c);
    GP_DECREF(c.filename_obj);
    if (c.failed) {
        GP_XDECREF(code);
        if (!gp_err_occurred())
            gp_err_set_string(&gp_exc_SystemError, "compiler failed without an exception");
        return NULL;
    }
    return code;
}
