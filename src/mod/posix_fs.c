/*
 * posix_fs.c - the file-system calls of the posix module.
 *
 * Design notes
 * ------------
 * posix.c (the process half) calls gp_posix_fs_add() to add these to the
 * module. Every call that can block on a disk or a network file system
 * goes through libuv's synchronous fs API (uv_fs_* with a NULL callback,
 * on io.c's never-run loop: a synchronous request only records the loop
 * pointer) with the GIL released, so a thread stuck on a slow stat() does
 * not stop the others. Calls libuv lacks (chdir, umask, lseek, isatty,
 * truncate) are either instant or made directly, also without the GIL when
 * they may block.
 *
 * While the GIL is released nothing touches a Python object: paths are
 * copied to C strings first (fs_path_t keeps the str or bytes object they
 * came from alive, which is only read), and results are copied out of the
 * request before it is cleaned up and the GIL is retaken.
 *
 * Paths are str, bytes or os.PathLike, as CPython's path_converter: the
 * error messages and the filename attached to an OSError match its.
 * listdir() and scandir() return names of the argument's kind (bytes for a
 * bytes path). Names come back sorted (libuv's scandir sorts them); CPython
 * promises no order, so sorted is one of the orders it may return.
 */
#include "mod/posix_fs.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

#include "mod/io_internal.h"
#include "mod/structseq.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* Path arguments                                                       */
/* ------------------------------------------------------------------ */

typedef struct fs_path {
    gp_object_t *obj; /* the str or bytes the path came from (new reference), or NULL */
    const char *c;    /* its bytes, NUL-terminated */
    bool is_bytes;
    int fd;           /* when the argument was a descriptor (allow_fd), else -1 */
} fs_path_t;

static void fs_path_clear(fs_path_t *p)
{
    GP_CLEAR(p->obj);
}

/* Converts [o] as CPython's path_converter; [fname] and [argname] name the
   function and parameter in messages. A descriptor is accepted when
   [allow_fd]. 0 or -1. */
static int fs_path_init(fs_path_t *p, gp_object_t *o, const char *fname, const char *argname,
                        bool allow_fd)
{
    p->obj = NULL;
    p->c = NULL;
    p->is_bytes = false;
    p->fd = -1;
    if (allow_fd && gp_int_check(o) && !gp_bool_check(o)) {
        int64_t v = gp_int_as_i64(o);
        if (v == -1 && gp_err_occurred())
            return -1;
        if (v < 0 || v > INT32_MAX) {
            gp_err_format(&gp_exc_ValueError, "%s: fd must be a non-negative integer", fname);
            return -1;
        }
        p->fd = (int)v;
        return 0;
    }
    gp_object_t *path = NULL;
    if (gp_str_check(o) || gp_bytes_check(o)) {
        path = GP_INCREF(o);
    } else if (GP_IS_PTR(o) && gp_type_lookup_cstr(GP_TYPE(o), "__fspath__")) {
        path = gp_object_call_method(o, "__fspath__", NULL, 0);
        if (!path)
            return -1;
        if (!gp_str_check(path) && !gp_bytes_check(path)) {
            gp_err_format(&gp_exc_TypeError,
                          "expected %T.__fspath__() to return str or bytes, not %T", o, path);
            GP_DECREF(path);
            return -1;
        }
    } else {
        gp_err_format(&gp_exc_TypeError, "%s: %s should be string, bytes%s os.PathLike%s, not %T",
                      fname, argname, allow_fd ? "," : " or", allow_fd ? " or integer" : "", o);
        return -1;
    }
    p->is_bytes = gp_bytes_check(path);
    p->c = p->is_bytes ? gp_bytes_data(path) : gp_str_utf8(path);
    size_t len = p->is_bytes ? gp_bytes_len(path) : gp_str_utf8_len(path);
    if (strlen(p->c) != len) {
        if (p->is_bytes)
            gp_err_format(&gp_exc_ValueError, "%s: embedded null character in %s", fname, argname);
        else
            gp_err_set_string(&gp_exc_ValueError, "embedded null byte");
        GP_DECREF(path);
        return -1;
    }
    p->obj = path;
    return 0;
}

/* Raises the OSError for libuv result [rc] (a negative errno) about [p]. */
static gp_object_t *fs_error(int rc, fs_path_t *p)
{
    gp_err_set_from_errno(-rc, p ? p->obj : NULL);
    return NULL;
}

/* The OSError naming two paths: "[Errno 2] No such file or directory: 'a' -> 'b'". */
static gp_object_t *fs_error2(int rc, fs_path_t *a, fs_path_t *b)
{
    gp_object_t *code = gp_int_from_i64(-rc);
    gp_object_t *msg = gp_str_from_cstr(strerror(-rc));
    gp_object_t *args = code && msg ? gp_tuple_pack(5, code, msg, a->obj, gp_None, b->obj) : NULL;
    GP_XDECREF(code);
    GP_XDECREF(msg);
    if (!args)
        return NULL;
    gp_object_t *exc = gp_exception_new(&gp_exc_OSError, args);
    GP_DECREF(args);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
    return NULL;
}

static int fs_int_arg(gp_object_t *o, int *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    int64_t v = gp_int_as_i64(o);
    if (v == -1 && gp_err_occurred())
        return -1;
    if (v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, v < 0 ? "signed integer is less than minimum"
                                                       : "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int fs_bool_arg(gp_object_t *o, bool dflt)
{
    if (!o)
        return dflt;
    return gp_object_is_true(o);
}

/* The running request and the GIL: every call below has this shape. */
#define FS_BEGIN                                                                                   \
    uv_fs_t req;                                                                                   \
    gp_thread_state_t *fs_ts_ = gp_gil_release_for_wait(GP_WAIT_KIND_FILE)
#define FS_END                                                                                     \
    uv_fs_req_cleanup(&req);                                                                       \
    gp_gil_acquire_after_blocking(fs_ts_)

#define LOOP ((uv_loop_t *)gp_io_uv_loop())

/* ------------------------------------------------------------------ */
/* stat                                                                 */
/* ------------------------------------------------------------------ */

/* Items 7-9 are the integer times and carry the same names as the float
   attributes that follow: the repr shows the integers (as CPython's), the
   later getters win for attribute access. */
static const char *const stat_fields[] = {
    "st_mode",     "st_ino",      "st_dev",      "st_nlink",    "st_uid",
    "st_gid",      "st_size",     "st_atime",    "st_mtime",    "st_ctime",
    "st_atime",    "st_mtime",    "st_ctime",    "st_atime_ns", "st_mtime_ns",
    "st_ctime_ns", "st_blksize",  "st_blocks",   "st_rdev",     NULL,
};

static gp_structseq_type_t fs_stat_result_type =
    GP_STRUCTSEQ_TYPE_INIT("os.stat_result", stat_fields, 10, true);

static const char *const terminal_size_fields[] = {"columns", "lines", NULL};
static gp_structseq_type_t fs_terminal_size_type =
    GP_STRUCTSEQ_TYPE_INIT("os.terminal_size", terminal_size_fields, 2, true);

static gp_object_t *fs_time_ns(uv_timespec_t t)
{
    return gp_int_from_i64((int64_t)t.tv_sec * 1000000000 + (int64_t)t.tv_nsec);
}

gp_object_t *gp_posix_fs_stat_result(const uv_stat_t *st)
{
    if (gp_structseq_type_init(&fs_stat_result_type) < 0)
        return NULL;
    gp_object_t *r = gp_structseq_new(&fs_stat_result_type);
    if (!r)
        return NULL;
    gp_object_t *v[19] = {
        gp_int_from_u64(st->st_mode),
        gp_int_from_u64(st->st_ino),
        gp_int_from_u64(st->st_dev),
        gp_int_from_u64(st->st_nlink),
        gp_int_from_u64(st->st_uid),
        gp_int_from_u64(st->st_gid),
        gp_int_from_u64(st->st_size),
        gp_int_from_i64(st->st_atim.tv_sec),
        gp_int_from_i64(st->st_mtim.tv_sec),
        gp_int_from_i64(st->st_ctim.tv_sec),
        gp_float_new((double)st->st_atim.tv_sec + (double)st->st_atim.tv_nsec * 1e-9),
        gp_float_new((double)st->st_mtim.tv_sec + (double)st->st_mtim.tv_nsec * 1e-9),
        gp_float_new((double)st->st_ctim.tv_sec + (double)st->st_ctim.tv_nsec * 1e-9),
        fs_time_ns(st->st_atim),
        fs_time_ns(st->st_mtim),
        fs_time_ns(st->st_ctim),
        gp_int_from_u64(st->st_blksize),
        gp_int_from_u64(st->st_blocks),
        gp_int_from_u64(st->st_rdev),
    };
    bool failed = false;
    for (size_t i = 0; i < 19; i++) {
        if (!v[i])
            failed = true;
        else
            gp_structseq_set(r, i, v[i]);
    }
    if (failed) {
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

/* Stats [p] (a path or descriptor) into *out. 0 or a negative errno. */
static int fs_do_stat(fs_path_t *p, bool follow, uv_stat_t *out)
{
    FS_BEGIN;
    int rc = p->fd >= 0 ? uv_fs_fstat(LOOP, &req, p->fd, NULL)
             : follow  ? uv_fs_stat(LOOP, &req, p->c, NULL)
                       : uv_fs_lstat(LOOP, &req, p->c, NULL);
    if (rc == 0)
        *out = req.statbuf;
    FS_END;
    return rc;
}

static gp_object_t *fs_stat_common(const char *fname, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames, bool follow_default)
{
    static const char *const names[] = {"path", "$dir_fd", "$follow_symlinks", NULL};
    gp_object_t *v[3];
    if (gp_args_parse(fname, args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    if (v[1] && v[1] != gp_None) {
        gp_err_format(&gp_exc_NotImplementedError, "dir_fd unavailable on this platform");
        return NULL;
    }
    int follow = fs_bool_arg(v[2], follow_default);
    if (follow < 0)
        return NULL;
    fs_path_t p;
    if (fs_path_init(&p, v[0], fname, "path", true) < 0)
        return NULL;
    uv_stat_t st;
    int rc = fs_do_stat(&p, follow, &st);
    gp_object_t *r = rc < 0 ? fs_error(rc, &p) : gp_posix_fs_stat_result(&st);
    fs_path_clear(&p);
    return r;
}

static gp_object_t *fs_stat(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    return fs_stat_common("stat", args, nargs, kwnames, true);
}

static gp_object_t *fs_lstat(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    return fs_stat_common("lstat", args, nargs, kwnames, false);
}

static gp_object_t *fs_fstat(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("fstat", nargs, kwnames, 1, 1) < 0 || fs_int_arg(args[0], &fd) < 0)
        return NULL;
    fs_path_t p = {NULL, NULL, false, fd};
    uv_stat_t st;
    int rc = fs_do_stat(&p, true, &st);
    return rc < 0 ? fs_error(rc, NULL) : gp_posix_fs_stat_result(&st);
}

/* ------------------------------------------------------------------ */
/* Directories: listdir, scandir                                        */
/* ------------------------------------------------------------------ */

/* One directory entry read by libuv, copied out of the request. */
typedef struct fs_dirent {
    char *name;
    int type; /* uv_dirent_type_t */
} fs_dirent_t;

/* Reads the names in [path]: *out is an array of *count entries (free with
   fs_dirents_free). 0 or a negative errno. */
static int fs_read_dir(const char *path, fs_dirent_t **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    FS_BEGIN;
    int rc = uv_fs_scandir(LOOP, &req, path, 0, NULL);
    if (rc >= 0) {
        fs_dirent_t *ents = gp_mem_calloc((size_t)rc + 1, sizeof *ents);
        size_t n = 0;
        uv_dirent_t d;
        if (!ents)
            rc = UV_ENOMEM;
        while (ents && uv_fs_scandir_next(&req, &d) != UV_EOF) {
            size_t len = strlen(d.name);
            char *name = gp_mem_alloc(len + 1);
            if (!name) {
                rc = UV_ENOMEM;
                break;
            }
            memcpy(name, d.name, len + 1);
            ents[n].name = name;
            ents[n].type = d.type;
            n++;
        }
        *out = ents;
        *count = n;
    }
    FS_END;
    return rc < 0 ? rc : 0;
}

static void fs_dirents_free(fs_dirent_t *ents, size_t count)
{
    for (size_t i = 0; i < count; i++)
        gp_mem_free(ents[i].name);
    gp_mem_free(ents);
}

/* A name as str (or bytes for a bytes directory argument). */
static gp_object_t *fs_name_object(const char *name, bool as_bytes)
{
    if (as_bytes)
        return gp_bytes_new(name, strlen(name));
    gp_object_t *s = gp_str_from_utf8(name, strlen(name));
    if (!s) {
        /* An undecodable name: CPython would use surrogateescape; replacing
           keeps the listing usable. */
        gp_err_clear();
        gp_strbuf_t b;
        gp_strbuf_init(&b);
        for (const unsigned char *c = (const unsigned char *)name; *c; c++)
            gp_strbuf_append_codepoint(&b, *c < 0x80 ? *c : 0xFFFD);
        s = gp_strbuf_finish(&b);
    }
    return s;
}

/* Converts the optional path argument of listdir/scandir ('.' when absent). */
static int fs_dir_arg(fs_path_t *p, gp_object_t *o, const char *fname)
{
    if (!o || o == gp_None) {
        p->obj = gp_str_from_cstr(".");
        p->c = ".";
        p->is_bytes = false;
        p->fd = -1;
        return p->obj ? 0 : -1;
    }
    if (fs_path_init(p, o, fname, "path", false) < 0)
        return -1;
    return 0;
}

static gp_object_t *fs_listdir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"path", NULL};
    gp_object_t *v[1];
    fs_path_t p;
    if (gp_args_parse("listdir", args, nargs, kwnames, names, 0, v) < 0 ||
        fs_dir_arg(&p, v[0], "listdir") < 0)
        return NULL;
    fs_dirent_t *ents;
    size_t count;
    int rc = fs_read_dir(p.c, &ents, &count);
    if (rc < 0) {
        fs_dirents_free(ents, count);
        gp_object_t *r = fs_error(rc, &p);
        fs_path_clear(&p);
        return r;
    }
    gp_object_t *list = gp_list_new(0);
    for (size_t i = 0; list && i < count; i++) {
        gp_object_t *name = fs_name_object(ents[i].name, p.is_bytes);
        if (!name || gp_list_append(list, name) < 0)
            GP_CLEAR(list);
        GP_XDECREF(name);
    }
    fs_dirents_free(ents, count);
    fs_path_clear(&p);
    return list;
}

/* DirEntry: a name from scandir with a cached stat. */
typedef struct fs_direntry {
    gp_object_t base;
    gp_object_t *name, *path; /* str or bytes */
    int type;                 /* uv_dirent_type_t from the directory read */
    gp_object_t *stat, *lstat; /* cached results or NULL */
} fs_direntry_t;

static gp_type_t fs_direntry_type, fs_scandir_iterator_type;

#define ENTRY(o) ((fs_direntry_t *)(o))

/* The entry's stat (following symlinks or not), cached. Borrowed. */
static gp_object_t *direntry_get_stat(fs_direntry_t *e, bool follow)
{
    gp_object_t **slot = follow ? &e->stat : &e->lstat;
    if (*slot)
        return *slot;
    if (follow && e->type != UV_DIRENT_LINK && e->lstat)
        return e->lstat;
    fs_path_t p;
    if (fs_path_init(&p, e->path, "stat", "path", false) < 0)
        return NULL;
    uv_stat_t st;
    int rc = fs_do_stat(&p, follow, &st);
    if (rc < 0) {
        fs_error(rc, &p);
        fs_path_clear(&p);
        return NULL;
    }
    fs_path_clear(&p);
    *slot = gp_posix_fs_stat_result(&st);
    return *slot;
}

/* Is the entry of kind [mode_bits] (S_IFDIR/S_IFREG)? 1/0, -1. */
static int direntry_test_mode(fs_direntry_t *e, bool follow, unsigned mode_bits, int uv_type)
{
    if (e->type != UV_DIRENT_UNKNOWN && (e->type != UV_DIRENT_LINK || !follow))
        return e->type == uv_type;
    gp_object_t *st = direntry_get_stat(e, follow);
    if (!st) {
        /* A broken symlink or a vanished file is simply not a dir/file. */
        if (gp_err_matches(&gp_exc_FileNotFoundError)) {
            gp_err_clear();
            return 0;
        }
        return -1;
    }
    int64_t mode = gp_int_as_i64(gp_structseq_get(st, 0));
    return ((unsigned)mode & S_IFMT) == mode_bits;
}

static int direntry_follow_arg(const char *fname, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"$follow_symlinks", NULL};
    gp_object_t *v[1];
    if (gp_args_parse(fname, args, nargs, kwnames, names, 0, v) < 0)
        return -1;
    return fs_bool_arg(v[0], true);
}

static gp_object_t *direntry_is_dir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    int follow = direntry_follow_arg("is_dir", args, nargs, kwnames);
    int r = follow < 0 ? -1 : direntry_test_mode(ENTRY(self), follow, S_IFDIR, UV_DIRENT_DIR);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_object_t *direntry_is_file(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    int follow = direntry_follow_arg("is_file", args, nargs, kwnames);
    int r = follow < 0 ? -1 : direntry_test_mode(ENTRY(self), follow, S_IFREG, UV_DIRENT_FILE);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_object_t *direntry_is_symlink(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_args_check("is_symlink", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int r = direntry_test_mode(ENTRY(self), false, S_IFLNK, UV_DIRENT_LINK);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_object_t *direntry_stat(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    int follow = direntry_follow_arg("stat", args, nargs, kwnames);
    if (follow < 0)
        return NULL;
    return GP_XINCREF(direntry_get_stat(ENTRY(self), follow));
}

static gp_object_t *direntry_inode(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("inode", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *st = direntry_get_stat(ENTRY(self), false);
    return st ? GP_INCREF(gp_structseq_get(st, 1)) : NULL;
}

static gp_object_t *direntry_fspath(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("__fspath__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return GP_INCREF(ENTRY(self)->path);
}

static const gp_method_def_t direntry_methods[] = {
    {"is_dir", direntry_is_dir, GP_METH_KEYWORDS, "Return True if the entry is a directory."},
    {"is_file", direntry_is_file, GP_METH_KEYWORDS, "Return True if the entry is a file."},
    {"is_symlink", direntry_is_symlink, 0, "Return True if the entry is a symbolic link."},
    {"stat", direntry_stat, GP_METH_KEYWORDS, "Return stat_result object for the entry."},
    {"inode", direntry_inode, 0, "Return inode of the entry."},
    {"__fspath__", direntry_fspath, 0, "Returns the path for the entry."},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *direntry_get_name(gp_object_t *self, void *closure)
{
    return GP_INCREF(ENTRY(self)->name);
}

static gp_object_t *direntry_get_path(gp_object_t *self, void *closure)
{
    return GP_INCREF(ENTRY(self)->path);
}

static const gp_getset_def_t direntry_getsets[] = {
    {"name", direntry_get_name, NULL, NULL, "the entry's base filename"},
    {"path", direntry_get_path, NULL, NULL, "the entry's full path name"},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_object_t *direntry_repr(gp_object_t *self)
{
    return gp_str_from_format("<DirEntry %R>", ENTRY(self)->name);
}

static void direntry_dealloc(gp_object_t *self)
{
    fs_direntry_t *e = ENTRY(self);
    GP_XDECREF(e->name);
    GP_XDECREF(e->path);
    GP_XDECREF(e->stat);
    GP_XDECREF(e->lstat);
    gp_object_free(self);
}

static gp_type_t fs_direntry_type = {
    GP_TYPE_HEAD_INIT,
    .name = "posix.DirEntry",
    .basicsize = sizeof(fs_direntry_t),
    .dealloc = direntry_dealloc,
    .repr = direntry_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .methods = direntry_methods,
    .getsets = direntry_getsets,
};

/* The iterator scandir() returns: the whole directory was read at once. */
typedef struct fs_scandir {
    gp_object_t base;
    fs_dirent_t *ents;
    size_t count, next;
    gp_object_t *dir; /* the directory argument as given (str or bytes) */
    bool is_bytes;
} fs_scandir_t;

#define SCANDIR(o) ((fs_scandir_t *)(o))

static void scandir_release(fs_scandir_t *s)
{
    fs_dirents_free(s->ents, s->count);
    s->ents = NULL;
    s->count = s->next = 0;
}

static gp_object_t *scandir_iternext(gp_object_t *self)
{
    fs_scandir_t *s = SCANDIR(self);
    if (s->next >= s->count) {
        scandir_release(s);
        return NULL;
    }
    fs_dirent_t *d = &s->ents[s->next++];
    fs_direntry_t *e = (fs_direntry_t *)gp_object_alloc(&fs_direntry_type, 0);
    if (!e)
        return NULL;
    e->type = d->type;
    e->name = fs_name_object(d->name, s->is_bytes);
    if (!e->name)
        goto fail;
    {
        /* join(dir, name): CPython gives './name' for the default '.'. */
        const char *dir = s->is_bytes ? gp_bytes_data(s->dir) : gp_str_utf8(s->dir);
        size_t dlen = strlen(dir), nlen = strlen(d->name);
        bool slash = dlen > 0 && dir[dlen - 1] != '/';
        char *joined = gp_mem_alloc(dlen + nlen + 2);
        if (!joined) {
            gp_err_no_memory();
            goto fail;
        }
        memcpy(joined, dir, dlen);
        if (slash)
            joined[dlen] = '/';
        memcpy(joined + dlen + slash, d->name, nlen + 1);
        e->path = fs_name_object(joined, s->is_bytes);
        gp_mem_free(joined);
        if (!e->path)
            goto fail;
    }
    return (gp_object_t *)e;
fail:
    GP_DECREF((gp_object_t *)e);
    return NULL;
}

static gp_object_t *scandir_iter(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *scandir_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    scandir_release(SCANDIR(self));
    return gp_none_new();
}

static gp_object_t *scandir_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return GP_INCREF(self);
}

static const gp_method_def_t scandir_methods[] = {
    {"close", scandir_close, 0, NULL},
    {"__enter__", scandir_enter, 0, NULL},
    {"__exit__", scandir_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static void scandir_dealloc(gp_object_t *self)
{
    scandir_release(SCANDIR(self));
    GP_XDECREF(SCANDIR(self)->dir);
    gp_object_free(self);
}

static gp_type_t fs_scandir_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "posix.ScandirIterator",
    .basicsize = sizeof(fs_scandir_t),
    .dealloc = scandir_dealloc,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .iter = scandir_iter,
    .iternext = scandir_iternext,
    .methods = scandir_methods,
};

static gp_object_t *fs_scandir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"path", NULL};
    gp_object_t *v[1];
    fs_path_t p;
    if (gp_args_parse("scandir", args, nargs, kwnames, names, 0, v) < 0 ||
        fs_dir_arg(&p, v[0], "scandir") < 0)
        return NULL;
    fs_dirent_t *ents;
    size_t count;
    int rc = fs_read_dir(p.c, &ents, &count);
    if (rc < 0) {
        fs_dirents_free(ents, count);
        gp_object_t *r = fs_error(rc, &p);
        fs_path_clear(&p);
        return r;
    }
    fs_scandir_t *s = (fs_scandir_t *)gp_object_alloc(&fs_scandir_iterator_type, 0);
    if (!s) {
        fs_dirents_free(ents, count);
        fs_path_clear(&p);
        return NULL;
    }
    s->ents = ents;
    s->count = count;
    s->dir = p.obj; /* the reference moves into the iterator */
    s->is_bytes = p.is_bytes;
    return (gp_object_t *)s;
}

/* ------------------------------------------------------------------ */
/* Changing the file system                                             */
/* ------------------------------------------------------------------ */

/* Runs a one-path libuv call [op] on [args[0]]. */
typedef int (*fs_path_op_t)(fs_path_t *p, int arg);

static gp_object_t *fs_run_path_op(const char *fname, gp_object_t *path_arg, fs_path_op_t op,
                                   int arg)
{
    fs_path_t p;
    if (fs_path_init(&p, path_arg, fname, "path", false) < 0)
        return NULL;
    int rc = op(&p, arg);
    gp_object_t *r = rc < 0 ? fs_error(rc, &p) : gp_none_new();
    fs_path_clear(&p);
    return r;
}

static int op_unlink(fs_path_t *p, int arg)
{
    FS_BEGIN;
    int rc = uv_fs_unlink(LOOP, &req, p->c, NULL);
    FS_END;
    return rc;
}

static int op_rmdir(fs_path_t *p, int arg)
{
    FS_BEGIN;
    int rc = uv_fs_rmdir(LOOP, &req, p->c, NULL);
    FS_END;
    return rc;
}

static int op_mkdir(fs_path_t *p, int mode)
{
    FS_BEGIN;
    int rc = uv_fs_mkdir(LOOP, &req, p->c, mode, NULL);
    FS_END;
    return rc;
}

static int op_chmod(fs_path_t *p, int mode)
{
    FS_BEGIN;
    int rc = uv_fs_chmod(LOOP, &req, p->c, mode, NULL);
    FS_END;
    return rc;
}

static int op_chdir(fs_path_t *p, int arg)
{
    /* libuv has no chdir; it does not block on anything but the path lookup. */
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    int rc = chdir(p->c) < 0 ? -errno : 0;
    gp_gil_acquire_after_blocking(ts);
    return rc;
}

static gp_object_t *fs_one_path(const char *fname, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames, fs_path_op_t op)
{
    static const char *const names[] = {"path", "$dir_fd", NULL};
    gp_object_t *v[2];
    if (gp_args_parse(fname, args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    return fs_run_path_op(fname, v[0], op, 0);
}

static gp_object_t *fs_remove(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return fs_one_path("remove", args, nargs, kwnames, op_unlink);
}

static gp_object_t *fs_unlink(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return fs_one_path("unlink", args, nargs, kwnames, op_unlink);
}

static gp_object_t *fs_rmdir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    return fs_one_path("rmdir", args, nargs, kwnames, op_rmdir);
}

static gp_object_t *fs_chdir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const names[] = {"path", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("chdir", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    return fs_run_path_op("chdir", v[0], op_chdir, 0);
}

static gp_object_t *fs_mkdir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "mode", "$dir_fd", NULL};
    gp_object_t *v[3];
    int mode = 0777;
    if (gp_args_parse("mkdir", args, nargs, kwnames, names, 1, v) < 0 ||
        (v[1] && fs_int_arg(v[1], &mode) < 0))
        return NULL;
    return fs_run_path_op("mkdir", v[0], op_mkdir, mode);
}

static gp_object_t *fs_chmod(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "mode", "$dir_fd", "$follow_symlinks", NULL};
    gp_object_t *v[4];
    int mode;
    if (gp_args_parse("chmod", args, nargs, kwnames, names, 2, v) < 0 ||
        fs_int_arg(v[1], &mode) < 0)
        return NULL;
    return fs_run_path_op("chmod", v[0], op_chmod, mode);
}

/* rename, replace, symlink, link: two paths. */
enum { FS_RENAME, FS_SYMLINK, FS_LINK };

static gp_object_t *fs_two_paths(const char *fname, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames, int which)
{
    static const char *const rename_names[] = {"src", "dst", "$src_dir_fd", "$dst_dir_fd", NULL};
    static const char *const symlink_names[] = {"src", "dst", "target_is_directory", "$dir_fd",
                                                NULL};
    gp_object_t *v[4];
    if (gp_args_parse(fname, args, nargs, kwnames,
                      which == FS_SYMLINK ? symlink_names : rename_names, 2, v) < 0)
        return NULL;
    fs_path_t a, b;
    if (fs_path_init(&a, v[0], fname, "src", false) < 0)
        return NULL;
    if (fs_path_init(&b, v[1], fname, "dst", false) < 0) {
        fs_path_clear(&a);
        return NULL;
    }
    int rc;
    {
        FS_BEGIN;
        rc = which == FS_RENAME    ? uv_fs_rename(LOOP, &req, a.c, b.c, NULL)
             : which == FS_SYMLINK ? uv_fs_symlink(LOOP, &req, a.c, b.c, 0, NULL)
                                   : uv_fs_link(LOOP, &req, a.c, b.c, NULL);
        FS_END;
    }
    gp_object_t *r = rc < 0 ? fs_error2(rc, &a, &b) : gp_none_new();
    fs_path_clear(&a);
    fs_path_clear(&b);
    return r;
}

static gp_object_t *fs_rename(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return fs_two_paths("rename", args, nargs, kwnames, FS_RENAME);
}

static gp_object_t *fs_replace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return fs_two_paths("replace", args, nargs, kwnames, FS_RENAME);
}

static gp_object_t *fs_symlink(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return fs_two_paths("symlink", args, nargs, kwnames, FS_SYMLINK);
}

static gp_object_t *fs_link(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    return fs_two_paths("link", args, nargs, kwnames, FS_LINK);
}

static gp_object_t *fs_readlink(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "$dir_fd", NULL};
    gp_object_t *v[2];
    fs_path_t p;
    if (gp_args_parse("readlink", args, nargs, kwnames, names, 1, v) < 0 ||
        fs_path_init(&p, v[0], "readlink", "path", false) < 0)
        return NULL;
    char *target = NULL;
    int rc;
    {
        FS_BEGIN;
        rc = uv_fs_readlink(LOOP, &req, p.c, NULL);
        if (rc >= 0 && req.ptr) {
            size_t len = strlen(req.ptr);
            target = gp_mem_alloc(len + 1);
            if (target)
                memcpy(target, req.ptr, len + 1);
            else
                rc = UV_ENOMEM;
        }
        FS_END;
    }
    gp_object_t *r = rc < 0 ? fs_error(rc, &p) : fs_name_object(target, p.is_bytes);
    gp_mem_free(target);
    fs_path_clear(&p);
    return r;
}

static gp_object_t *fs_access(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "mode", "$dir_fd", "$effective_ids",
                                        "$follow_symlinks", NULL};
    gp_object_t *v[5];
    int mode;
    fs_path_t p;
    if (gp_args_parse("access", args, nargs, kwnames, names, 2, v) < 0 ||
        fs_int_arg(v[1], &mode) < 0 || fs_path_init(&p, v[0], "access", "path", false) < 0)
        return NULL;
    int rc;
    {
        FS_BEGIN;
        rc = uv_fs_access(LOOP, &req, p.c, mode, NULL);
        FS_END;
    }
    fs_path_clear(&p);
    return gp_bool_from(rc == 0);
}

/* Reads an (atime, mtime) pair: seconds as int or float, or nanoseconds
   as int when [ns]. */
static int fs_time_pair(gp_object_t *o, const char *msg, bool ns, struct timespec out[2])
{
    if (!gp_tuple_check(o) || GP_TUPLE_SIZE(o) != 2) {
        gp_err_set_string(&gp_exc_TypeError, msg);
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        gp_object_t *v = GP_TUPLE_GET(o, i);
        if (ns || gp_int_check(v)) {
            if (!gp_int_check(v)) {
                gp_err_set_string(&gp_exc_TypeError, msg);
                return -1;
            }
            int64_t n = gp_int_as_i64(v);
            if (n == -1 && gp_err_occurred())
                return -1;
            int64_t per = ns ? 1000000000 : 1;
            int64_t sec = n / per, rem = n % per;
            if (rem < 0) {
                sec -= 1;
                rem += per;
            }
            out[i].tv_sec = (time_t)sec;
            out[i].tv_nsec = ns ? (long)rem : 0;
        } else {
            double d = gp_float_as_double(v);
            if (d == -1.0 && gp_err_occurred())
                return -1;
            double whole = (double)(int64_t)d;
            if (whole > d)
                whole -= 1.0;
            out[i].tv_sec = (time_t)whole;
            out[i].tv_nsec = (long)((d - whole) * 1e9);
            if (out[i].tv_nsec >= 1000000000L)
                out[i].tv_nsec = 999999999L;
        }
    }
    return 0;
}

static gp_object_t *fs_utime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "times", "$ns", "$dir_fd", "$follow_symlinks",
                                        NULL};
    gp_object_t *v[5];
    if (gp_args_parse("utime", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    bool has_times = v[1] && v[1] != gp_None;
    if (has_times && v[2]) {
        gp_err_set_string(&gp_exc_ValueError,
                          "utime: you may specify either 'times' or 'ns' but not both");
        return NULL;
    }
    int follow = fs_bool_arg(v[4], true);
    if (follow < 0)
        return NULL;
    /* libuv's utime takes doubles, which cannot carry nanoseconds: the
       call is made directly (utimensat), still without the GIL. */
    struct timespec times[2];
    if (has_times) {
        if (fs_time_pair(v[1], "utime: 'times' must be either a tuple of two ints or None", false,
                         times) < 0)
            return NULL;
    } else if (v[2]) {
        if (fs_time_pair(v[2], "utime: 'ns' must be a tuple of two ints", true, times) < 0)
            return NULL;
    } else {
        times[0].tv_sec = times[1].tv_sec = 0;
        times[0].tv_nsec = times[1].tv_nsec = UTIME_NOW;
    }
    fs_path_t p;
    if (fs_path_init(&p, v[0], "utime", "path", true) < 0)
        return NULL;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    int rc = p.fd >= 0 ? futimens(p.fd, times)
                       : utimensat(AT_FDCWD, p.c, times, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    rc = rc < 0 ? -errno : 0;
    gp_gil_acquire_after_blocking(ts);
    gp_object_t *r = rc < 0 ? fs_error(rc, &p) : gp_none_new();
    fs_path_clear(&p);
    return r;
}

static gp_object_t *fs_truncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "length", NULL};
    gp_object_t *v[2];
    fs_path_t p;
    if (gp_args_parse("truncate", args, nargs, kwnames, names, 2, v) < 0)
        return NULL;
    int64_t length = gp_int_as_i64(v[1]);
    if ((length == -1 && gp_err_occurred()) ||
        fs_path_init(&p, v[0], "truncate", "path", true) < 0)
        return NULL;
    int rc;
    if (p.fd >= 0) {
        FS_BEGIN;
        rc = uv_fs_ftruncate(LOOP, &req, p.fd, length, NULL);
        FS_END;
    } else {
        /* libuv has no truncate by path. */
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
        rc = truncate(p.c, (off_t)length) < 0 ? -errno : 0;
        gp_gil_acquire_after_blocking(ts);
    }
    gp_object_t *r = rc < 0 ? fs_error(rc, &p) : gp_none_new();
    fs_path_clear(&p);
    return r;
}

/* ------------------------------------------------------------------ */
/* Descriptors                                                          */
/* ------------------------------------------------------------------ */

static gp_object_t *fs_open(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "flags", "mode", "$dir_fd", NULL};
    gp_object_t *v[4];
    int flags, mode = 0777;
    fs_path_t p;
    if (gp_args_parse("open", args, nargs, kwnames, names, 2, v) < 0 ||
        fs_int_arg(v[1], &flags) < 0 || (v[2] && fs_int_arg(v[2], &mode) < 0) ||
        fs_path_init(&p, v[0], "open", "path", false) < 0)
        return NULL;
    int fd = gp_io_fd_open(p.c, flags | O_CLOEXEC, mode, p.obj);
    fs_path_clear(&p);
    return fd < 0 ? NULL : gp_int_from_i64(fd);
}

static gp_object_t *fs_lseek(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    int fd, how;
    if (gp_args_check("lseek", nargs, kwnames, 3, 3) < 0 || fs_int_arg(args[0], &fd) < 0 ||
        fs_int_arg(args[2], &how) < 0)
        return NULL;
    if (!gp_int_check(args[1])) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      args[1]);
        return NULL;
    }
    int64_t pos = gp_int_as_i64(args[1]);
    if (pos == -1 && gp_err_occurred())
        return NULL;
    int64_t r = gp_io_fd_seek(fd, pos, how);
    return r < 0 ? NULL : gp_int_from_i64(r);
}

/* The descriptor of an int or of an object with fileno(). */
static int fs_fd_of(gp_object_t *o, int *fd)
{
    if (gp_int_check(o))
        return fs_int_arg(o, fd);
    gp_object_t *r = gp_object_call_method(o, "fileno", NULL, 0);
    if (!r)
        return -1;
    int rc = fs_int_arg(r, fd);
    GP_DECREF(r);
    return rc;
}

static gp_object_t *fs_fsync(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("fsync", nargs, kwnames, 1, 1) < 0 || fs_fd_of(args[0], &fd) < 0)
        return NULL;
    int rc;
    {
        FS_BEGIN;
        rc = uv_fs_fsync(LOOP, &req, fd, NULL);
        FS_END;
    }
    return rc < 0 ? fs_error(rc, NULL) : gp_none_new();
}

static gp_object_t *fs_ftruncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("ftruncate", nargs, kwnames, 2, 2) < 0 || fs_int_arg(args[0], &fd) < 0)
        return NULL;
    int64_t length = gp_int_as_i64(args[1]);
    if ((length == -1 && gp_err_occurred()) || gp_io_fd_truncate(fd, length) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *fs_isatty(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("isatty", nargs, kwnames, 1, 1) < 0 || fs_int_arg(args[0], &fd) < 0)
        return NULL;
    return gp_bool_from(isatty(fd) == 1);
}

static gp_object_t *fs_dup(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                           gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("dup", nargs, kwnames, 1, 1) < 0 || fs_int_arg(args[0], &fd) < 0)
        return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_int_from_i64(r);
}

static gp_object_t *fs_dup2(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    gp_object_t *v[3];
    int fd, fd2;
    if (gp_args_parse("dup2", args, nargs, kwnames, names, 2, v) < 0 ||
        fs_int_arg(v[0], &fd) < 0 || fs_int_arg(v[1], &fd2) < 0)
        return NULL;
    int inheritable = fs_bool_arg(v[2], true);
    if (inheritable < 0)
        return NULL;
    int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_int_from_i64(r);
}

/* mkfifo(path, mode=0o666): libuv has no request for it; the call itself
   is made without the GIL like every other path lookup. */
static gp_object_t *fs_mkfifo(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    static const char *const names[] = {"path", "mode", "$dir_fd", NULL};
    gp_object_t *v[3];
    int mode = 0666;
    fs_path_t p;
    if (gp_args_parse("mkfifo", args, nargs, kwnames, names, 1, v) < 0 ||
        (v[1] && fs_int_arg(v[1], &mode) < 0) ||
        fs_path_init(&p, v[0], "mkfifo", "path", false) < 0)
        return NULL;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    int rc = mkfifo(p.c, (mode_t)mode) < 0 ? -errno : 0;
    gp_gil_acquire_after_blocking(ts);
    /* CPython's mkfifo names no file in its error. */
    gp_object_t *r = rc < 0 ? fs_error(rc, NULL) : gp_none_new();
    fs_path_clear(&p);
    return r;
}

static gp_object_t *fs_fdatasync(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("fdatasync", nargs, kwnames, 1, 1) < 0 || fs_fd_of(args[0], &fd) < 0)
        return NULL;
    int rc;
    {
        FS_BEGIN;
        rc = uv_fs_fdatasync(LOOP, &req, fd, NULL);
        FS_END;
    }
    return rc < 0 ? fs_error(rc, NULL) : gp_none_new();
}

static int fs_offset_arg(gp_object_t *o, int64_t *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    *out = gp_int_as_i64(o);
    return *out == -1 && gp_err_occurred() ? -1 : 0;
}

/* pread(fd, n, offset): at most n bytes at [offset], without moving the
   file position. */
static gp_object_t *fs_pread(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    int fd, n;
    int64_t offset;
    if (gp_args_check("pread", nargs, kwnames, 3, 3) < 0 || fs_int_arg(args[0], &fd) < 0 ||
        fs_int_arg(args[1], &n) < 0 || fs_offset_arg(args[2], &offset) < 0)
        return NULL;
    if (n < 0) { /* CPython: the kernel's answer to a negative length */
        gp_err_set_from_errno(EINVAL, NULL);
        return NULL;
    }
    char *buf = gp_mem_alloc((size_t)n + 1);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    int64_t got;
    {
        FS_BEGIN;
        uv_buf_t b = uv_buf_init(buf, (unsigned)n);
        got = uv_fs_read(LOOP, &req, fd, &b, 1, offset, NULL);
        FS_END;
    }
    gp_object_t *r = got < 0 ? fs_error((int)got, NULL) : gp_bytes_new(buf, (size_t)got);
    gp_mem_free(buf);
    return r;
}

/* pwrite(fd, data, offset): bytes written at [offset]; the position stays. */
static gp_object_t *fs_pwrite(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    int fd;
    int64_t offset;
    if (gp_args_check("pwrite", nargs, kwnames, 3, 3) < 0 || fs_int_arg(args[0], &fd) < 0 ||
        fs_offset_arg(args[2], &offset) < 0)
        return NULL;
    gp_buffer_t view;
    if (gp_buffer_get(args[1], &view, GP_BUFFER_SIMPLE) < 0)
        return NULL;
    gp_buffer_release(&view);
    size_t len = gp_bytes_len(args[1]);
    char *copy = gp_mem_alloc(len + 1); /* a bytearray may change meanwhile */
    if (!copy) {
        gp_err_no_memory();
        return NULL;
    }
    memcpy(copy, gp_bytes_data(args[1]), len);
    int64_t put;
    {
        FS_BEGIN;
        uv_buf_t b = uv_buf_init(copy, (unsigned)len);
        put = uv_fs_write(LOOP, &req, fd, &b, 1, offset, NULL);
        FS_END;
    }
    gp_mem_free(copy);
    return put < 0 ? fs_error((int)put, NULL) : gp_int_from_i64(put);
}

/* sendfile(out_fd, in_fd, offset, count): libuv's, which falls back to
   read/write where the kernel cannot copy directly. */
static gp_object_t *fs_sendfile(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"out_fd", "in_fd", "offset", "count", NULL};
    gp_object_t *v[4];
    int out_fd, in_fd;
    int64_t offset, count;
    if (gp_args_parse("sendfile", args, nargs, kwnames, names, 4, v) < 0 ||
        fs_int_arg(v[0], &out_fd) < 0 || fs_int_arg(v[1], &in_fd) < 0 ||
        fs_offset_arg(v[3], &count) < 0)
        return NULL;
    if (v[2] == gp_None) {
        offset = gp_io_fd_seek(in_fd, 0, SEEK_CUR);
        if (offset < 0)
            return NULL;
    } else if (fs_offset_arg(v[2], &offset) < 0) {
        return NULL;
    }
    int64_t sent;
    {
        FS_BEGIN;
        sent = uv_fs_sendfile(LOOP, &req, out_fd, in_fd, offset, (size_t)count, NULL);
        FS_END;
    }
    if (sent < 0)
        return fs_error((int)sent, NULL);
    /* With offset None the input's own position moves, as sendfile(2) does. */
    if (v[2] == gp_None && gp_io_fd_seek(in_fd, offset + sent, SEEK_SET) < 0)
        return NULL;
    return gp_int_from_i64(sent);
}

static gp_object_t *fs_fchmod(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    static const char *const names[] = {"fd", "mode", NULL};
    gp_object_t *v[2];
    int fd, mode;
    if (gp_args_parse("fchmod", args, nargs, kwnames, names, 2, v) < 0 ||
        fs_int_arg(v[0], &fd) < 0 || fs_int_arg(v[1], &mode) < 0)
        return NULL;
    int rc;
    {
        FS_BEGIN;
        rc = uv_fs_fchmod(LOOP, &req, fd, mode, NULL);
        FS_END;
    }
    return rc < 0 ? fs_error(rc, NULL) : gp_none_new();
}

/* chown, lchown (and chown with an fd): -1 leaves an id unchanged. */
static gp_object_t *fs_chown_common(const char *fname, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames, bool follow_default)
{
    static const char *const names[] = {"path", "uid", "gid", "$dir_fd", "$follow_symlinks",
                                        NULL};
    gp_object_t *v[5];
    int uid, gid;
    if (gp_args_parse(fname, args, nargs, kwnames, names, 3, v) < 0 ||
        fs_int_arg(v[1], &uid) < 0 || fs_int_arg(v[2], &gid) < 0)
        return NULL;
    int follow = fs_bool_arg(v[4], follow_default);
    fs_path_t p;
    if (follow < 0 || fs_path_init(&p, v[0], fname, "path", follow_default) < 0)
        return NULL;
    int rc;
    {
        FS_BEGIN;
        rc = p.fd >= 0 ? uv_fs_fchown(LOOP, &req, p.fd, (uv_uid_t)uid, (uv_gid_t)gid, NULL)
             : follow  ? uv_fs_chown(LOOP, &req, p.c, (uv_uid_t)uid, (uv_gid_t)gid, NULL)
                       : uv_fs_lchown(LOOP, &req, p.c, (uv_uid_t)uid, (uv_gid_t)gid, NULL);
        FS_END;
    }
    gp_object_t *r = rc < 0 ? fs_error(rc, &p) : gp_none_new();
    fs_path_clear(&p);
    return r;
}

static gp_object_t *fs_chown(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    return fs_chown_common("chown", args, nargs, kwnames, true);
}

static gp_object_t *fs_lchown(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return fs_chown_common("lchown", args, nargs, kwnames, false);
}

/* get_blocking/set_blocking/get_inheritable/set_inheritable: one fcntl
   flag each; instant calls, made with the GIL held. */
static gp_object_t *fs_fd_flag(const char *fname, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames, bool set, bool status_flags)
{
    int fd;
    if (gp_args_check(fname, nargs, kwnames, set ? 2 : 1, set ? 2 : 1) < 0 ||
        fs_int_arg(args[0], &fd) < 0)
        return NULL;
    int get_cmd = status_flags ? F_GETFL : F_GETFD, set_cmd = status_flags ? F_SETFL : F_SETFD;
    int bit = status_flags ? O_NONBLOCK : FD_CLOEXEC;
    int flags = fcntl(fd, get_cmd);
    if (flags < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    if (!set) /* blocking = no O_NONBLOCK; inheritable = no FD_CLOEXEC */
        return gp_bool_from(!(flags & bit));
    int on = gp_object_is_true(args[1]);
    if (on < 0)
        return NULL;
    int nflags = on ? flags & ~bit : flags | bit;
    if (nflags != flags && fcntl(fd, set_cmd, nflags) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

static gp_object_t *fs_get_blocking(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return fs_fd_flag("get_blocking", args, nargs, kwnames, false, true);
}

static gp_object_t *fs_set_blocking(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return fs_fd_flag("set_blocking", args, nargs, kwnames, true, true);
}

static gp_object_t *fs_get_inheritable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return fs_fd_flag("get_inheritable", args, nargs, kwnames, false, false);
}

static gp_object_t *fs_set_inheritable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return fs_fd_flag("set_inheritable", args, nargs, kwnames, true, false);
}

/* closerange(fd_low, fd_high): closes every descriptor in [low, high),
   ignoring errors, as CPython's. */
static gp_object_t *fs_closerange(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    int low, high;
    if (gp_args_check("closerange", nargs, kwnames, 2, 2) < 0 || fs_int_arg(args[0], &low) < 0 ||
        fs_int_arg(args[1], &high) < 0)
        return NULL;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    for (int fd = low < 0 ? 0 : low; fd < high; fd++)
        close(fd);
    gp_gil_acquire_after_blocking(ts);
    return gp_none_new();
}

static gp_object_t *fs_get_terminal_size(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    int fd = 1;
    if (gp_args_check("get_terminal_size", nargs, kwnames, 0, 1) < 0 ||
        (nargs && fs_int_arg(args[0], &fd) < 0))
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    if (gp_structseq_type_init(&fs_terminal_size_type) < 0)
        return NULL;
    gp_object_t *r = gp_structseq_new(&fs_terminal_size_type);
    if (!r)
        return NULL;
    gp_structseq_set(r, 0, gp_int_from_i64(w.ws_col));
    gp_structseq_set(r, 1, gp_int_from_i64(w.ws_row));
    return r;
}

/* ------------------------------------------------------------------ */
/* Process-wide file-system settings                                    */
/* ------------------------------------------------------------------ */

static gp_object_t *fs_umask(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    int mask;
    if (gp_args_check("umask", nargs, kwnames, 1, 1) < 0 || fs_int_arg(args[0], &mask) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)umask((mode_t)mask));
}

static gp_object_t *fs_id(const char *fname, size_t nargs, gp_object_t *kwnames, int which)
{
    if (gp_args_check(fname, nargs, kwnames, 0, 0) < 0)
        return NULL;
    switch (which) {
    case 0: return gp_int_from_u64(getuid());
    case 1: return gp_int_from_u64(geteuid());
    case 2: return gp_int_from_u64(getgid());
    default: return gp_int_from_u64(getegid());
    }
}

static gp_object_t *fs_getuid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return fs_id("getuid", nargs, kwnames, 0);
}

static gp_object_t *fs_geteuid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return fs_id("geteuid", nargs, kwnames, 1);
}

static gp_object_t *fs_getgid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return fs_id("getgid", nargs, kwnames, 2);
}

static gp_object_t *fs_getegid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return fs_id("getegid", nargs, kwnames, 3);
}

static const gp_method_def_t fs_functions[] = {
    {"stat", fs_stat, GP_METH_KEYWORDS, "Perform a stat system call on the given path."},
    {"lstat", fs_lstat, GP_METH_KEYWORDS, "Perform a stat without following symbolic links."},
    {"fstat", fs_fstat, 0, "Perform a stat system call on the given file descriptor."},
    {"listdir", fs_listdir, GP_METH_KEYWORDS, "Return a list of the entries in a directory."},
    {"scandir", fs_scandir, GP_METH_KEYWORDS, "Return an iterator of DirEntry objects."},
    {"remove", fs_remove, GP_METH_KEYWORDS, "Remove a file (same as unlink())."},
    {"unlink", fs_unlink, GP_METH_KEYWORDS, "Remove a file (same as remove())."},
    {"rmdir", fs_rmdir, GP_METH_KEYWORDS, "Remove a directory."},
    {"mkdir", fs_mkdir, GP_METH_KEYWORDS, "Create a directory."},
    {"chdir", fs_chdir, GP_METH_KEYWORDS, "Change the current working directory."},
    {"chmod", fs_chmod, GP_METH_KEYWORDS, "Change the access permissions of a file."},
    {"rename", fs_rename, GP_METH_KEYWORDS, "Rename a file or directory."},
    {"replace", fs_replace, GP_METH_KEYWORDS, "Rename, overwriting the destination."},
    {"symlink", fs_symlink, GP_METH_KEYWORDS, "Create a symbolic link dst pointing to src."},
    {"link", fs_link, GP_METH_KEYWORDS, "Create a hard link to a file."},
    {"readlink", fs_readlink, GP_METH_KEYWORDS, "Return the target of a symbolic link."},
    {"access", fs_access, GP_METH_KEYWORDS, "Use the real uid/gid to test for access to a path."},
    {"utime", fs_utime, GP_METH_KEYWORDS, "Set the access and modified time of path."},
    {"truncate", fs_truncate, GP_METH_KEYWORDS, "Truncate a file to a specified length."},
    {"open", fs_open, GP_METH_KEYWORDS, "Open a file for low level IO."},
    {"lseek", fs_lseek, 0, "Set the position of a file descriptor."},
    {"fsync", fs_fsync, 0, "Force write of fd to disk."},
    {"ftruncate", fs_ftruncate, 0, "Truncate a file, specified by file descriptor."},
    {"isatty", fs_isatty, 0, "Return True if the fd is connected to a terminal."},
    {"dup", fs_dup, 0, "Return a duplicate of a file descriptor."},
    {"dup2", fs_dup2, GP_METH_KEYWORDS, "Duplicate file descriptor."},
    {"get_terminal_size", fs_get_terminal_size, 0, "Return the size of the terminal window."},
    {"mkfifo", fs_mkfifo, GP_METH_KEYWORDS, "Create a FIFO (a named pipe)."},
    {"fdatasync", fs_fdatasync, 0, "Force write of fd's data to disk, not its metadata."},
    {"pread", fs_pread, 0, "Read at most n bytes at offset, leaving the position unchanged."},
    {"pwrite", fs_pwrite, 0, "Write bytes at offset, leaving the position unchanged."},
    {"sendfile", fs_sendfile, GP_METH_KEYWORDS, "Copy count bytes from in_fd to out_fd."},
    {"fchmod", fs_fchmod, GP_METH_KEYWORDS, "Change the access permissions of a descriptor."},
    {"chown", fs_chown, GP_METH_KEYWORDS, "Change the owner and group id of path."},
    {"lchown", fs_lchown, GP_METH_KEYWORDS, "Change the owner and group id of path (no follow)."},
    {"get_blocking", fs_get_blocking, 0, "Get the blocking mode of the file descriptor."},
    {"set_blocking", fs_set_blocking, 0, "Set the blocking mode of the file descriptor."},
    {"get_inheritable", fs_get_inheritable, 0, "Get the close-on-exe flag of the descriptor."},
    {"set_inheritable", fs_set_inheritable, 0, "Set the inheritable flag of the descriptor."},
    {"closerange", fs_closerange, 0, "Close all file descriptors in [fd_low, fd_high)."},
    {"umask", fs_umask, 0, "Set the current numeric umask and return the previous umask."},
    {"getuid", fs_getuid, 0, "Return the current process's user id."},
    {"geteuid", fs_geteuid, 0, "Return the current process's effective user id."},
    {"getgid", fs_getgid, 0, "Return the current process's group id."},
    {"getegid", fs_getegid, 0, "Return the current process's effective group id."},
    {NULL, NULL, 0, NULL},
};

int gp_posix_fs_add(gp_object_t *module)
{
    if (gp_io_types_init() < 0)
        return -1;
    if (gp_structseq_type_init(&fs_stat_result_type) < 0 ||
        gp_structseq_type_init(&fs_terminal_size_type) < 0)
        return -1;
    if (!(fs_direntry_type.flags & GP_TYPE_FLAG_READY) && gp_type_ready(&fs_direntry_type) < 0)
        return -1;
    if (!(fs_scandir_iterator_type.flags & GP_TYPE_FLAG_READY) &&
        gp_type_ready(&fs_scandir_iterator_type) < 0)
        return -1;
    if (gp_module_add_functions(module, fs_functions) < 0 ||
        gp_module_add_object(module, "stat_result", (gp_object_t *)&fs_stat_result_type) < 0 ||
        gp_module_add_object(module, "terminal_size", (gp_object_t *)&fs_terminal_size_type) < 0 ||
        gp_module_add_object(module, "DirEntry", (gp_object_t *)&fs_direntry_type) < 0)
        return -1;
    static const struct {
        const char *name;
        int64_t value;
    } constants[] = {
        {"O_RDONLY", O_RDONLY},     {"O_WRONLY", O_WRONLY},       {"O_RDWR", O_RDWR},
        {"O_CREAT", O_CREAT},       {"O_TRUNC", O_TRUNC},         {"O_APPEND", O_APPEND},
        {"O_EXCL", O_EXCL},         {"O_NONBLOCK", O_NONBLOCK},   {"O_CLOEXEC", O_CLOEXEC},
        {"O_NOFOLLOW", O_NOFOLLOW}, {"O_DIRECTORY", O_DIRECTORY}, {"O_SYNC", O_SYNC},
        {"O_NOCTTY", O_NOCTTY},     {"O_DSYNC", O_DSYNC},         {"O_ACCMODE", O_ACCMODE},
        {"SEEK_SET", SEEK_SET},     {"SEEK_CUR", SEEK_CUR},       {"SEEK_END", SEEK_END},
        {"F_OK", F_OK},             {"R_OK", R_OK},               {"W_OK", W_OK},
        {"X_OK", X_OK},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        if (gp_module_add_int(module, constants[i].name, constants[i].value) < 0)
            return -1;
    return 0;
}
