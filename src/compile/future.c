/*
 * future.c - future statements: which features a module switches on.
 *
 * Design notes
 * ------------
 * A future statement is only one when it opens the module: after the
 * docstring, before any other statement. The compiler scans that leading
 * run once, before generating code, because a feature changes how the
 * rest of the module compiles (PEP 563 annotations). Every feature name is
 * checked there; a future import found anywhere else is refused when the
 * code generator reaches it, which is why the run's bounds are kept.
 *
 * The statements still compile to an ordinary import as well: the names
 * they import are real objects in lib/__future__.py.
 */
#include <stdio.h>
#include <string.h>

#include "compile/compile_internal.h"
#include "compile/symtable.h"

static bool future_has_docstring(const gp_ast_stmt_seq_t *body)
{
    if (body->count == 0)
        return false;
    const gp_ast_stmt_t *s = body->items[0];
    return s->kind == GP_AST_Expr && s->v.Expr.value->kind == GP_AST_Constant &&
           s->v.Expr.value->v.Constant.kind == GP_AST_CONST_STR;
}

/* The features gilpy knows. All but `annotations` describe behaviour that
   is simply always on. */
static const char *const future_features[] = {
    "nested_scopes",  "generators",     "division",       "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
};

static bool is_future_import(const gp_ast_stmt_t *s)
{
    return s->kind == GP_AST_ImportFrom && s->v.ImportFrom.level == 0 &&
           s->v.ImportFrom.module != NULL && strcmp(s->v.ImportFrom.module, "__future__") == 0;
}

/* Finds the module's future statements - the run of them at the top,
   after the docstring - and checks the features they name. A future
   statement anywhere else is reported when the compiler reaches it. */
bool c_scan_future(compiler_t *c, const gp_ast_mod_t *mod)
{
    if (mod->future_flags & GP_CO_FUTURE_ANNOTATIONS)
        c->future_annotations = true;
    if (mod->kind == GP_AST_Expression)
        return true;
    size_t i = future_has_docstring(&mod->body) ? 1 : 0;
    c->future_first = c->future_end = i;
    for (; i < mod->body.count && is_future_import(mod->body.items[i]); i++) {
        const gp_ast_stmt_t *s = mod->body.items[i];
        for (size_t k = 0; k < s->v.ImportFrom.names.count; k++) {
            const char *name = s->v.ImportFrom.names.items[k]->name;
            size_t f = 0, nfeatures = sizeof(future_features) / sizeof(future_features[0]);
            while (f < nfeatures && strcmp(future_features[f], name) != 0)
                f++;
            if (strcmp(name, "braces") == 0)
                return c_error(c, "not a chance", s->lineno, s->col_offset, s->lineno,
                               s->col_offset);
            if (f == nfeatures) {
                char msg[160];
                snprintf(msg, sizeof(msg), "future feature %.100s is not defined", name);
                return c_error(c, msg, s->lineno, s->col_offset, s->lineno, s->col_offset);
            }
            if (strcmp(name, "annotations") == 0)
                c->future_annotations = true;
        }
        c->future_end = i + 1;
    }
    c->module_body = &mod->body;
    return true;
}

/* Is [s] one of the module's leading future statements? */
bool c_is_leading_future(compiler_t *c, const gp_ast_stmt_t *s)
{
    if (c->module_body == NULL)
        return false;
    for (size_t i = c->future_first; i < c->future_end; i++)
        if (c->module_body->items[i] == s)
            return true;
    return false;
}

bool gp_future_annotations_on(const gp_ast_mod_t *mod)
{
    if (mod->future_flags & GP_CO_FUTURE_ANNOTATIONS)
        return true;
    if (mod->kind == GP_AST_Expression)
        return false;
    size_t i = future_has_docstring(&mod->body) ? 1 : 0;
    for (; i < mod->body.count && is_future_import(mod->body.items[i]); i++) {
        const gp_ast_stmt_t *s = mod->body.items[i];
        for (size_t k = 0; k < s->v.ImportFrom.names.count; k++)
            if (strcmp(s->v.ImportFrom.names.items[k]->name, "annotations") == 0)
                return true;
    }
    return false;
}
