/*
 * args.c - argument checking and parsing for C functions.
 *
 * Design notes
 * ------------
 * Builtins receive vectorcall arguments (object.h) and either check a plain
 * positional arity with gp_args_check, or match positional and keyword
 * arguments against a list of parameter names with gp_args_parse. Both
 * produce CPython's own messages, because scripts print them; both store
 * borrowed pointers only, so a successful parse allocates nothing.
 */
#include <string.h>

#include "obj/object.h"

/* A parameter spec: "name", "$name" (keyword-only) or "/name" (positional-only). */
static const char *param_name(const char *spec)
{
    return (spec[0] == '$' || spec[0] == '/') ? spec + 1 : spec;
}

int gp_args_parse(const char *fname, gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                  const char *const *names, size_t min_args, gp_object_t **out)
{
    size_t len = 0, posmax = 0;
    for (; names[len] != NULL; len++)
        if (names[len][0] != '$')
            posmax = len + 1;
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > len) {
        gp_err_format(&gp_exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname,
                      len, nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > posmax) {
        if (posmax == 0)
            gp_err_format(&gp_exc_TypeError, "%s() takes no positional arguments", fname);
        else
            gp_err_format(&gp_exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)",
                          fname, min_args < posmax ? "at most" : "exactly", posmax,
                          posmax == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < len; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (size_t k = 0; k < nkw; k++) {
        gp_object_t *key = GP_TUPLE_GET(kwnames, k);
        size_t i = 0;
        for (; i < len; i++)
            if (names[i][0] != '/' && gp_str_eq_cstr(key, param_name(names[i])))
                break;
        if (i == len) {
            gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        if (out[i] != NULL) {
            gp_err_format(&gp_exc_TypeError,
                          "argument for %s() given by name ('%s') and position (%zu)", fname,
                          param_name(names[i]), i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < min_args && i < len; i++) {
        if (out[i] != NULL)
            continue;
        if (names[i][0] == '/')
            gp_err_format(&gp_exc_TypeError,
                          "%s() takes at least %zu positional argument%s (%zu given)", fname,
                          min_args, min_args == 1 ? "" : "s", nargs);
        else
            gp_err_format(&gp_exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                          param_name(names[i]), i + 1);
        return -1;
    }
    return 0;
}

int gp_args_check(const char *fname, size_t nargs, gp_object_t *kwnames, size_t min, size_t max)
{
    if (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max) {
        if (max == 0)
            gp_err_format(&gp_exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
        else if (max == 1)
            gp_err_format(&gp_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname,
                          nargs);
        else
            gp_err_format(&gp_exc_TypeError, "%s expected %zu arguments, got %zu", fname, max,
                          nargs);
    } else if (nargs < min) {
        gp_err_format(&gp_exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                      min == 1 ? "" : "s", nargs);
    } else {
        gp_err_format(&gp_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                      max == 1 ? "" : "s", nargs);
    }
    return -1;
}
