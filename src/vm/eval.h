/*
 * eval.h - running Python code: compile source, evaluate code objects, run
 * the main script, and the hooks the builtins need from the VM.
 */
#ifndef GP_VM_EVAL_H
#define GP_VM_EVAL_H

#include <stddef.h>

#include "obj/object.h"

/* Parses and compiles [len] bytes of [source]. [mode] is "exec", "eval" or
   "single". Returns a code object, or NULL with SyntaxError, IndentationError
   or TabError set (an instance with msg, filename, lineno, offset, text,
   end_lineno and end_offset, as CPython's). */
gp_object_t *gp_compile_source(const char *source, size_t len, const char *filename,
                               const char *mode);
/* The same with compile()'s future flags (GP_CO_FUTURE_ANNOTATIONS). */
gp_object_t *gp_compile_source_flags(const char *source, size_t len, const char *filename,
                                     const char *mode, uint32_t future_flags);

/* Runs [code] with [globals] (a dict) and [locals] (a mapping; NULL means
   globals). Adds __builtins__ to globals when missing. New reference. */
gp_object_t *gp_eval_code(gp_object_t *code, gp_object_t *globals, gp_object_t *locals);

/* Runs a file (or source) as the __main__ module with CPython's exit
   protocol: returns the process exit status (0; 1 after printing an
   uncaught exception's traceback; SystemExit's code, printing a non-int
   code to stderr; 2 when the file cannot be opened). */
int gp_run_main_file(const char *path);
int gp_run_main_source(const char *source, size_t len, const char *filename);

/* For the builtins. */
gp_object_t *gp_eval_globals(void); /* borrowed globals of the running frame */
gp_object_t *gp_eval_locals(void);  /* new ref: locals() (a dict snapshot in functions) */
/* Zero-argument super(): the class from the __class__ cell and the first
   argument of the running frame. Both borrowed. 0, or -1 with RuntimeError. */
int gp_eval_super_args(gp_type_t **type, gp_object_t **self);

/* Releases the calling thread's frame stack; called when a thread is done
   running Python (no frame of it may be live). */
void gp_eval_thread_fini(void);
/* Gives the calling thread, before it runs any Python, [size] bytes at [mem]
   as the first chunk of its frame stack: memory on its own C stack, which
   must outlive every frame the thread runs (gp_eval_thread_fini forgets it
   without freeing it). Saves a new thread a heap allocation. */
void gp_eval_thread_seed(void *mem, size_t size);
/* builtins.__build_class__(func, name, *bases, metaclass=..., **kwds). */
extern const gp_method_def_t gp_build_class_def;
/* __import__(name, globals, locals, fromlist, level) without locals. */
gp_object_t *gp_import_module(gp_object_t *name, gp_object_t *globals, gp_object_t *fromlist,
                              int level);

#endif /* GP_VM_EVAL_H */
