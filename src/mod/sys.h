/*
 * sys.h - the sys module's hooks for the command line and the runtime.
 *
 * gp_sys_module_create() (runtime.h) builds the module when the runtime
 * starts. The command line (main.c) then adjusts what only it knows: the
 * script's directory for sys.path[0], the -X options, the -u and -E/-I/-q
 * flags. The runtime calls gp_sys_flush_std_streams() on its way out.
 */
#ifndef GP_MOD_SYS_H
#define GP_MOD_SYS_H

#include <stdbool.h>

#include "obj/object.h"

/* Flushes sys.stdout and sys.stderr (the builtin stream objects and, if a
   script replaced them, whatever objects sys.stdout/sys.stderr now hold).
   Errors are reported the way CPython does at exit ("Exception ignored
   in: ..." on stderr) and otherwise swallowed; safe to call repeatedly and
   before the sys module exists. */
void gp_sys_flush_std_streams(void);

/* Like gp_sys_flush_std_streams() but tells the caller whether flushing
   stdout failed: returns 0, or 120 (CPython's exit status when the final
   flush of stdout fails, e.g. on a closed pipe). main.c calls it last. */
int gp_sys_flush_std_streams_status(void);

/* Writes [text] to sys.stderr, whatever object a script put there (the C
   stream when it is the builtin one or missing); a failing write is
   dropped. The pending exception is left alone. */
void gp_sys_write_stderr(const char *text);

/* Sets sys.path[0] to [dir] ("" for -c, - and piped stdin). 0 or -1. */
int gp_sys_set_path0(const char *dir);

/* Appends the directories of [value] (a PYTHONPATH: ':'-separated, relative
   entries taken against the current directory) to sys.path, each once. */
int gp_sys_add_search_path(const char *value);

/* Empties sys.path (-P: no script directory in front). */
int gp_sys_clear_path(void);

/* Sets sys.orig_argv (the command line as given) and sys.executable (the
   absolute path of the running binary, found through /proc/self/exe). */
int gp_sys_set_orig_argv(int argc, char **argv);

/* Records one -X option: "name=value" stores 'value', a bare "name" stores
   True in sys._xoptions, as CPython. 0 or -1. */
int gp_sys_add_xoption(const char *option);

/* Appends one -W option (or PYTHONWARNINGS entry) to sys.warnoptions, which
   the warnings module turns into filters when it is imported. 0 or -1. */
int gp_sys_add_warnoption(const char *option);

/* Imports the warnings module when sys.warnoptions is not empty, so that
   the options become filters before the program runs. 0 or -1. */
int gp_sys_apply_warnoptions(void);

/* The command-line switches sys.flags reports. */
typedef struct gp_sys_cli_flags {
    bool unbuffered;         /* -u: sys.stdout and sys.stderr write through */
    bool ignore_environment; /* -E (and -I) */
    bool isolated;           /* -I */
    bool quiet;              /* -q */
    bool inspect;            /* -i */
    bool no_user_site;       /* -s (and -I) */
    bool no_site;            /* -S */
    bool dont_write_bytecode; /* -B */
    int optimize;            /* -O count */
    int verbose;             /* -v count */
} gp_sys_cli_flags_t;

/* Applies the command-line switches: rebuilds sys.flags and, for -u, makes
   the standard streams unbuffered. Call before anything is written. */
int gp_sys_apply_cli_flags(const gp_sys_cli_flags_t *flags);

#endif /* GP_MOD_SYS_H */
