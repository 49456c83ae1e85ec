/*
 * io.h - what the io module offers the rest of gilpy.
 *
 * The module itself is made by gp_io_module_create() (runtime.h). The
 * builtins module registers open() from gp_io_open_def, so `open` and
 * `io.open` are the same C function.
 */
#ifndef GP_MOD_IO_H
#define GP_MOD_IO_H

#include "obj/object.h"

/* open(file, mode='r', buffering=-1, encoding=None, errors=None,
   newline=None, closefd=True, opener=None): the builtin. Bind it with
   gp_cfunction_new(&gp_io_open_def, NULL) or gp_module_add_functions. */
extern const gp_method_def_t gp_io_open_def;

/* Creates the io module (also declared in runtime/runtime.h). */
gp_object_t *gp_io_module_create(void);

#endif /* GP_MOD_IO_H */
