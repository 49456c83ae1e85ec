/*
 * builtins.h - private to the builtins module (builtins*.c).
 *
 * The builtins module is split by theme: builtins.c creates the module and
 * holds print() and input(); builtins_funcs.c the functions on values (len,
 * min, sum, isinstance, getattr, chr, round...); builtins_eval.c the ones
 * that reach into the running code (exec, eval, compile, globals, locals,
 * vars, dir, __import__). Each part exports its gp_method_def_t table and
 * builtins.c registers them all.
 */
#ifndef GP_MOD_BUILTINS_H
#define GP_MOD_BUILTINS_H

#include <stddef.h>

#include "obj/object.h"

/* The function tables of builtins_funcs.c and builtins_eval.c, each
   terminated by a NULL name. */
extern const gp_method_def_t gp_builtins_value_functions[];
extern const gp_method_def_t gp_builtins_eval_functions[];

/* Number of keyword arguments in [kwnames] (NULL means none). */
static inline size_t gp_builtins_kwcount(gp_object_t *kwnames)
{
    return kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
}

/* Checks the positional count of a builtin that takes [min]..[max]
   arguments, with the wording CPython uses for those builtins: "min
   expected at least 1 argument, got 0", "divmod expected 2 arguments, got
   1". 0, or -1 with TypeError set. */
int gp_builtins_check_positional(const char *name, size_t nargs, size_t min, size_t max);

/* Raises "f() takes no keyword arguments" if [kwnames] names any. 0 or -1. */
int gp_builtins_no_keywords(const char *name, gp_object_t *kwnames);

/* Raises "'x' is an invalid keyword argument for f()". Returns -1. */
int gp_builtins_bad_keyword(const char *name, gp_object_t *keyword);

#endif /* GP_MOD_BUILTINS_H */
