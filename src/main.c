/*
 * main.c - the gilpy command line.
 *
 * Design notes
 * ------------
 * The command line mirrors CPython's:
 *
 *     gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * Options are parsed before the runtime exists, because they decide what
 * sys.argv is (the runtime builds it from the argv it is given): the script
 * path, '-c', '-' or '' followed by the remaining arguments. Everything else
 * the options say (-X, -u, -E, sys.path[0], sys.orig_argv) is handed to the
 * sys module once the runtime is up (mod/sys.h).
 *
 * Exit statuses are CPython's: 0 on success, 1 after an uncaught exception
 * (the VM's gp_run_main_* print the traceback and honour SystemExit), 2 for
 * a usage error or a script that cannot be opened, and 120 when flushing
 * stdout at exit fails (a closed pipe). The standard streams are flushed on
 * every path out.
 *
 * With no script and a terminal on stdin, a small REPL reads statements
 * with ">>> " and "... " prompts and compiles them in "single" mode, which
 * prints the value of expression statements.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gilpy.h"
#include "mod/sys.h"
#include "runtime/mem.h"
#include "runtime/runtime.h"
#include "runtime/trace.h"

#include "vm/eval.h"

#define MAIN_STATUS_USAGE 2
#define MAIN_MAX_XOPTIONS 64

/* What the options asked for. */
typedef struct main_options {
    const char *program;  /* argv[0] */
    const char *command;  /* -c */
    const char *module;   /* -m */
    const char *script;   /* a file, or "-" for stdin */
    int first_arg;        /* index in argv of the first script argument */
    gp_sys_cli_flags_t flags;
    bool safe_path;       /* -P: sys.path[0] is not the script's directory */
    bool skip_first_line; /* -x */
    const char *xoptions[MAIN_MAX_XOPTIONS];
    int n_xoptions;
    const char *warnoptions[MAIN_MAX_XOPTIONS]; /* -W */
    int n_warnoptions;
} main_options_t;

static void main_print_usage_line(FILE *out, const char *program)
{
    fprintf(out, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", program);
}

/* A usage error: CPython's three lines on stderr, status 2. */
static int main_usage_error(const char *program, const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    main_print_usage_line(stderr, program);
    fprintf(stderr, "Try `%s -h' for more information.\n", program);
    return MAIN_STATUS_USAGE;
}

static void main_print_help(const char *program)
{
    main_print_usage_line(stdout, program);
    fputs("Options:\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-E     : ignore PYTHON* environment variables\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-i     : inspect interactively after running script (accepted, not implemented)\n"
          "-I     : isolate from the user's environment (implies -E, -P and -s)\n"
          "-m mod : run a module of sys.path as a script (terminates option list)\n"
          "-P     : don't prepend the script's directory to sys.path\n"
          "-q     : don't print version messages on interactive startup\n"
          "-u     : force the stdout and stderr streams to be unbuffered\n"
          "-V     : print the gilpy version number and exit (also --version)\n"
          "-X opt : set implementation-specific option (see sys._xoptions);\n"
          "         -X gil-trace=FILE.json|FILE.svg writes a GIL timeline at exit,\n"
          "         -X gil-stats prints GIL statistics at exit (docs/trace.md)\n"
          "-W arg : warning control; arg is action:message:category:module:lineno\n"
          "-b -B -d -O -s -S -v -x : accepted for compatibility\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default; interactive mode if a tty)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n",
          stdout);
}

/* Parses argv into [opts]. Returns -1 to go on, or an exit status. */
static int main_parse_options(int argc, char **argv, main_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->program = argc > 0 ? argv[0] : "gilpy";
    int i = 1;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || strcmp(arg, "-") == 0)
            break; /* the script, or '-' for stdin */
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(arg, "--version") == 0) {
            printf("gilpy %s (Python %s compatible)\n", GILPY_VERSION, GILPY_PYTHON_VERSION);
            return 0;
        }
        if (strcmp(arg, "--help") == 0) {
            main_print_help(opts->program);
            return 0;
        }
        if (arg[1] == '-')
            return main_usage_error(opts->program, "unknown option %s", arg);
        /* A cluster of one-letter options: -uc CODE, -Xopt, -cCODE. */
        for (const char *p = arg + 1; *p; p++) {
            char c = *p;
            if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
                const char *value = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!value) {
                    char name[3] = {'-', c, '\0'};
                    return main_usage_error(opts->program, "Argument expected for the %s option",
                                            name);
                }
                if (c == 'c') {
                    opts->command = value;
                    opts->first_arg = i + 1;
                    return -1;
                }
                if (c == 'm') {
                    opts->module = value;
                    opts->first_arg = i + 1;
                    return -1;
                }
                if (c == 'X' && opts->n_xoptions < MAIN_MAX_XOPTIONS)
                    opts->xoptions[opts->n_xoptions++] = value;
                if (c == 'W' && opts->n_warnoptions < MAIN_MAX_XOPTIONS)
                    opts->warnoptions[opts->n_warnoptions++] = value;
                break; /* the value used up the rest of this argument */
            }
            switch (c) {
            case 'u': opts->flags.unbuffered = true; break;
            case 'E': opts->flags.ignore_environment = true; break;
            case 'I':
                opts->flags.isolated = true;
                opts->flags.ignore_environment = true;
                opts->flags.no_user_site = true;
                opts->safe_path = true;
                break;
            case 'P': opts->safe_path = true; break;
            case 'q': opts->flags.quiet = true; break;
            case 'i': opts->flags.inspect = true; break;
            case 's': opts->flags.no_user_site = true; break;
            case 'S': opts->flags.no_site = true; break;
            case 'B': opts->flags.dont_write_bytecode = true; break;
            case 'O': opts->flags.optimize++; break;
            case 'v': opts->flags.verbose++; break;
            case 'x': opts->skip_first_line = true; break;
            case 'b': case 'd': case 'R': break;
            case 'V':
                printf("gilpy %s (Python %s compatible)\n", GILPY_VERSION, GILPY_PYTHON_VERSION);
                return 0;
            case 'h': case '?':
                main_print_help(opts->program);
                return 0;
            default: {
                char name[3] = {'-', c, '\0'};
                return main_usage_error(opts->program, "Unknown option: %s", name);
            }
            }
        }
    }
    if (i < argc) {
        opts->script = argv[i];
        opts->first_arg = i + 1;
    } else {
        opts->first_arg = argc;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Reading source                                                       */
/* ------------------------------------------------------------------ */

/* Reads all of [fp] into a malloc'd buffer; NULL on failure (errno set). */
static char *main_read_all(FILE *fp, size_t *len_out)
{
    size_t cap = 8192, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (len < cap) {
            if (ferror(fp)) {
                free(buf);
                return NULL;
            }
            break;
        }
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            return NULL;
        }
        buf = bigger;
        cap *= 2;
    }
    *len_out = len;
    return buf;
}

/* The absolute form of [path] for messages (not resolved, like CPython's). */
static void main_absolute_path(const char *path, char *out, size_t size)
{
    char cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        snprintf(out, size, "%s", path);
    else
        snprintf(out, size, "%s/%s", cwd, path);
}

/* The directory sys.path[0] gets for [script]: its real directory. */
static void main_script_dir(const char *script, char *out, size_t size)
{
    char resolved[PATH_MAX];
    const char *path = realpath(script, resolved) ? resolved : script;
    const char *slash = strrchr(path, '/');
    if (!slash) {
        if (!getcwd(out, size))
            snprintf(out, size, "%s", "");
        return;
    }
    size_t n = (size_t)(slash - path);
    if (n == 0)
        n = 1; /* the root directory */
    if (n >= size)
        n = size - 1;
    memcpy(out, path, n);
    out[n] = '\0';
}

/* ------------------------------------------------------------------ */
/* The interactive loop                                                 */
/* ------------------------------------------------------------------ */

/* Is [text] an unfinished compound statement or bracketed expression? A
   line ending in ':' or '\' opens a block, an open bracket continues, and a
   block ends at an empty line. */
static bool main_needs_more(const char *text, size_t len, bool last_line_empty)
{
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (quote) {
            if (c == '\\')
                i++;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '#') {
            while (i < len && text[i] != '\n')
                i++;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        }
    }
    if (depth > 0)
        return true;
    size_t end = len;
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' ' || text[end - 1] == '\t'))
        end--;
    const char *first_nl = memchr(text, '\n', len);
    bool multi_line = first_nl && (size_t)(first_nl - text) + 1 < len;
    if (end > 0 && (text[end - 1] == ':' || text[end - 1] == '\\'))
        return true;
    /* Inside a block: keep reading until an empty line. */
    return multi_line && !last_line_empty;
}

/* The exit status a SystemExit asks for, printing a non-int code. */
static int main_system_exit_status(gp_object_t *exc)
{
    gp_object_t *code = gp_object_getattr_cstr(exc, "code");
    if (!code) {
        gp_err_clear();
        return 1;
    }
    int status = 0;
    if (code == gp_None) {
        status = 0;
    } else if (gp_int_check(code)) {
        int overflow;
        status = (int)gp_int_as_i64_overflow(code, &overflow);
    } else {
        gp_object_t *text = gp_object_str(code);
        if (text) {
            fflush(stdout);
            fprintf(stderr, "%s\n", gp_str_utf8(text));
            GP_DECREF(text);
        } else {
            gp_err_clear();
        }
        status = 1;
    }
    GP_DECREF(code);
    return status;
}

/* Creates __main__ for the REPL; borrowed globals dict, or NULL. */
static gp_object_t *main_repl_globals(void)
{
    gp_runtime_t *rt = gp_runtime();
    if (!rt->main_module) {
        gp_object_t *m = gp_module_new("__main__");
        if (!m)
            return NULL;
        gp_object_t *builtins = gp_dict_getitem_cstr(rt->modules, "builtins");
        if ((builtins && gp_module_add_object(m, "__builtins__", builtins) < 0) ||
            gp_dict_setitem_cstr(rt->modules, "__main__", m) < 0) {
            GP_DECREF(m);
            return NULL;
        }
        rt->main_module = m;
    }
    return gp_module_dict(rt->main_module);
}

/* Reads one line with [prompt]; appends it to [buf]. false at end of input. */
static bool main_repl_read_line(const char *prompt, char **buf, size_t *len, size_t *cap,
                                bool *empty)
{
    gp_sys_flush_std_streams();
    fputs(prompt, stderr);
    fflush(stderr);
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t n = getline(&line, &line_cap, stdin);
    if (n < 0) {
        free(line);
        clearerr(stdin);
        return false;
    }
    *empty = n == 0 || (n == 1 && line[0] == '\n');
    if (*len + (size_t)n + 1 > *cap) {
        size_t new_cap = (*len + (size_t)n + 1) * 2;
        char *bigger = realloc(*buf, new_cap);
        if (!bigger) {
            free(line);
            return false;
        }
        *buf = bigger;
        *cap = new_cap;
    }
    memcpy(*buf + *len, line, (size_t)n);
    *len += (size_t)n;
    (*buf)[*len] = '\0';
    free(line);
    return true;
}

static int main_repl(const main_options_t *opts)
{
    if (!opts->flags.quiet)
        fprintf(stderr, "gilpy %s (Python %s compatible) on linux\n", GILPY_VERSION,
                GILPY_PYTHON_VERSION);
    gp_object_t *globals = main_repl_globals();
    if (!globals) {
        gp_object_t *exc = gp_err_fetch();
        if (exc) {
            gp_exception_print(exc);
            GP_DECREF(exc);
        }
        return 1;
    }
    char *buf = NULL;
    size_t cap = 0;
    for (;;) {
        size_t len = 0;
        bool empty = false;
        if (!main_repl_read_line(">>> ", &buf, &len, &cap, &empty)) {
            fputc('\n', stderr);
            break;
        }
        if (empty)
            continue;
        while (main_needs_more(buf, len, empty)) {
            if (!main_repl_read_line("... ", &buf, &len, &cap, &empty))
                break;
        }
        gp_object_t *code = gp_compile_source(buf, len, "<stdin>", "single");
        gp_object_t *result = code ? gp_eval_code(code, globals, globals) : NULL;
        GP_XDECREF(code);
        if (result) {
            GP_DECREF(result);
            continue;
        }
        gp_object_t *exc = gp_err_fetch();
        if (!exc)
            continue;
        if (gp_exception_matches(exc, (gp_object_t *)&gp_exc_SystemExit)) {
            int status = main_system_exit_status(exc);
            GP_DECREF(exc);
            free(buf);
            return status;
        }
        gp_sys_flush_std_streams();
        gp_exception_print(exc);
        GP_DECREF(exc);
    }
    free(buf);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Running                                                              */
/* ------------------------------------------------------------------ */

/* Runs source read from [fp] under [filename]. */
static int main_run_stream(FILE *fp, const char *filename, bool skip_first_line)
{
    size_t len = 0;
    char *source = main_read_all(fp, &len);
    if (!source) {
        fprintf(stderr, "gilpy: can't read %s: %s\n", filename, strerror(errno));
        return 1;
    }
    const char *start = source;
    if (skip_first_line) {
        const char *nl = memchr(source, '\n', len);
        size_t skip = nl ? (size_t)(nl - source) : len;
        start += skip;
        len -= skip;
    }
    int status = gp_run_main_source(start, len, filename);
    free(source);
    return status;
}

/* Runs the script file, or reports why it cannot be opened (status 2). */
static int main_run_script(const main_options_t *opts)
{
    const char *script = opts->script;
    char absolute[PATH_MAX + 256];
    struct stat st;
    if (stat(script, &st) == 0 && S_ISDIR(st.st_mode)) {
        main_absolute_path(script, absolute, sizeof absolute);
        char main_path[PATH_MAX + 300];
        snprintf(main_path, sizeof main_path, "%s/__main__.py", script);
        if (access(main_path, R_OK) != 0) {
            fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", opts->program,
                    absolute);
            return 1;
        }
        return gp_run_main_file(main_path);
    }
    FILE *fp = fopen(script, "rb");
    if (!fp) {
        int err = errno;
        main_absolute_path(script, absolute, sizeof absolute);
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", opts->program, absolute,
                err, strerror(err));
        return MAIN_STATUS_USAGE;
    }
    if (opts->skip_first_line) {
        int status = main_run_stream(fp, script, true);
        fclose(fp);
        return status;
    }
    fclose(fp);
    return gp_run_main_file(script);
}

/* -m: finds <name>.py (or <name>/__main__.py) below the current
   directory, where sys.path[0] will point, and stores its absolute path in
   [out] (it becomes sys.argv[0], as in CPython). false if there is none. */
static bool main_find_module(const char *module, char *out, size_t size)
{
    char relative[PATH_MAX];
    snprintf(relative, sizeof relative, "%s", module);
    for (char *p = relative; *p; p++) {
        if (*p == '.')
            *p = '/';
    }
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s.py", relative);
    if (access(path, R_OK) != 0) {
        snprintf(path, sizeof path, "%s/__main__.py", relative);
        if (access(path, R_OK) != 0)
            return false;
    }
    main_absolute_path(path, out, size);
    return true;
}

/* A dotted name of identifiers: only such a name is handed to runpy, inside
   the source text main_run_module() builds. */
static bool main_module_name_ok(const char *name)
{
    bool start = true;
    if (strlen(name) > 1024)
        return false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        bool letter = isalpha(*p) || *p == '_' || *p >= 0x80;
        if (*p == '.' ? start : !(letter || (!start && isdigit(*p))))
            return false;
        start = *p == '.';
    }
    return !start;
}

/* -m for a module that is not a file below the current directory. */
static int main_run_module(const char *name)
{
    char source[PATH_MAX + 128];
    snprintf(source, sizeof source, "import runpy\nrunpy._run_module_as_main('%s')\n", name);
    return gp_run_main_source(source, strlen(source), "<frozen runpy>");
}

/* Fills sys.warnoptions from PYTHONWARNINGS (comma-separated) and then the
   -W options, as CPython orders them, and imports the warnings module so
   that they take effect (and bad ones are reported) before the program
   runs. Without any, nothing is imported: start-up stays lean. */
static int main_configure_warnings(const main_options_t *opts)
{
    const char *env = opts->flags.ignore_environment ? NULL : getenv("PYTHONWARNINGS");
    for (const char *p = env; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char option[512];
        if (n > 0 && n < sizeof option) {
            memcpy(option, p, n);
            option[n] = '\0';
            if (gp_sys_add_warnoption(option) < 0)
                return -1;
        }
        p = comma ? comma + 1 : NULL;
    }
    for (int i = 0; i < opts->n_warnoptions; i++) {
        if (gp_sys_add_warnoption(opts->warnoptions[i]) < 0)
            return -1;
    }
    return gp_sys_apply_warnoptions();
}

/* Hands the options the runtime did not take to the sys module. */
static int main_configure_sys(const main_options_t *opts, int argc, char **argv)
{
    if (gp_sys_set_orig_argv(argc, argv) < 0 || gp_sys_apply_cli_flags(&opts->flags) < 0)
        return -1;
    for (int i = 0; i < opts->n_xoptions; i++) {
        if (gp_sys_add_xoption(opts->xoptions[i]) < 0)
            return -1;
    }
    int rc = 0;
    if (opts->safe_path) {
        /* -P: no directory of the script's; PYTHONPATH comes first. */
        rc = gp_sys_clear_path();
    } else if (opts->script && strcmp(opts->script, "-") != 0) {
        char dir[PATH_MAX];
        main_script_dir(opts->script, dir, sizeof dir);
        rc = gp_sys_set_path0(dir);
    } else if (opts->module) {
        char cwd[PATH_MAX];
        rc = gp_sys_set_path0(getcwd(cwd, sizeof cwd) ? cwd : "");
    }
    if (rc == 0 && !opts->flags.ignore_environment)
        rc = gp_sys_add_search_path(getenv("PYTHONPATH"));
    if (rc == 0)
        rc = main_configure_warnings(opts);
    return rc;
}

int main(int argc, char **argv)
{
    main_options_t opts;
    int status = main_parse_options(argc, argv, &opts);
    if (status >= 0) {
        fflush(stdout);
        return status;
    }
    if (!opts.flags.ignore_environment) {
        const char *unbuffered = getenv("PYTHONUNBUFFERED");
        if (unbuffered && *unbuffered)
            opts.flags.unbuffered = true;
    }

    /* sys.argv: the program's name as CPython spells it, then its args. */
    int py_argc = 1 + (argc - opts.first_arg);
    char **py_argv = malloc(sizeof(char *) * (size_t)(py_argc + 1));
    if (!py_argv) {
        fputs("gilpy: out of memory\n", stderr);
        return 1;
    }
    char *empty = "";
    char *dash_c = "-c";
    py_argv[0] = opts.command ? dash_c : opts.script ? (char *)opts.script : empty;
    char module_path[PATH_MAX + 256];
    bool module_by_runpy = false;
    if (opts.module) {
        if (main_find_module(opts.module, module_path, sizeof module_path)) {
            py_argv[0] = module_path;
        } else if (main_module_name_ok(opts.module)) {
            /* Not a file here: the frozen library or sys.path may have it.
               runpy sets sys.argv[0] once it knows the module's file. */
            module_by_runpy = true;
            py_argv[0] = "-m";
        } else {
            fprintf(stderr, "%s: No module named %s\n", opts.program, opts.module);
            free(py_argv);
            return 1;
        }
    }
    for (int i = opts.first_arg; i < argc; i++)
        py_argv[1 + i - opts.first_arg] = argv[i];
    py_argv[py_argc] = NULL;

    gp_runtime_t *rt = gp_runtime_new(py_argc, py_argv);
    if (!rt) {
        free(py_argv);
        fflush(stdout);
        fflush(stderr);
        return 1;
    }
    gp_mem_pool_start(GP_MEM_POOL_DELAY);
    gp_trace_options_t trace_opts;
    if (main_configure_sys(&opts, argc, argv) < 0) {
        gp_object_t *exc = gp_err_fetch();
        if (exc) {
            gp_exception_print(exc);
            GP_DECREF(exc);
        }
        status = 1;
    } else if (gp_trace_parse_options(opts.xoptions, opts.n_xoptions,
                                      opts.flags.ignore_environment, &trace_opts) < 0 ||
               gp_trace_start(rt, &trace_opts) < 0) {
        status = 1;
    } else if (opts.command) {
        status = gp_run_main_source(opts.command, strlen(opts.command), "<string>");
    } else if (opts.module) {
        status = module_by_runpy ? main_run_module(opts.module) : gp_run_main_file(module_path);
    } else if (opts.script && strcmp(opts.script, "-") != 0) {
        status = main_run_script(&opts);
    } else if (!opts.script && isatty(STDIN_FILENO)) {
        status = main_repl(&opts);
    } else {
        status = main_run_stream(stdin, "<stdin>", opts.skip_first_line);
    }

    int flush_status = gp_sys_flush_std_streams_status();
    if (flush_status && status == 0)
        status = flush_status;
    bool die_of_sigint = rt->exit_by_sigint;
    gp_runtime_free(rt);
    /* After the runtime's last collection, so the trace shows it. */
    if (gp_trace_finish(rt) < 0 && status == 0)
        status = 1;
    free(py_argv);
    fflush(stdout);
    fflush(stderr);
    if (die_of_sigint) {
        /* CPython re-raises SIGINT with the default action after an
           uncaught KeyboardInterrupt, so shells see "killed by SIGINT". */
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    return status;
}
