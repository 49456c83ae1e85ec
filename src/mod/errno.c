/*
 * errno.c - the `errno` module: the system's error numbers by name.
 *
 * Every symbol comes from the C library's <errno.h> at build time, so the
 * values are this platform's (the same ones OSError.errno carries). The
 * table lists the names CPython's errno module exports on Linux; a name the
 * platform does not define is simply left out, as CPython does.
 * errno.errorcode maps each number back to its name; where two names share
 * a number (EAGAIN and EWOULDBLOCK, EDEADLOCK and EDEADLK, ENOTSUP and
 * EOPNOTSUPP), the first entry of the table names it, as in CPython.
 */
#include <errno.h>

#include "obj/object.h"
#include "runtime/runtime.h"

typedef struct errno_entry {
    const char *name;
    int value;
} errno_entry_t;

#define E(name) {#name, name},

static const errno_entry_t errno_table[] = {
    E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG) E(ENOEXEC) E(EBADF)
    E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT) E(ENOTBLK) E(EBUSY) E(EEXIST)
    E(EXDEV) E(ENODEV) E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY)
    E(ETXTBSY) E(EFBIG) E(ENOSPC) E(ESPIPE) E(EROFS) E(EMLINK) E(EPIPE) E(EDOM) E(ERANGE)
    E(EDEADLOCK) E(EDEADLK) E(ENAMETOOLONG) E(ENOLCK) E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(EWOULDBLOCK)
    E(ENOMSG) E(EIDRM) E(ECHRNG) E(EL2NSYNC) E(EL3HLT) E(EL3RST) E(ELNRNG) E(EUNATCH)
    E(ENOCSI) E(EL2HLT) E(EBADE) E(EBADR) E(EXFULL) E(ENOANO) E(EBADRQC) E(EBADSLT)
    E(EBFONT) E(ENOSTR) E(ENODATA) E(ETIME) E(ENOSR) E(ENONET) E(ENOPKG)
    E(EREMOTE) E(ENOLINK) E(EADV) E(ESRMNT) E(ECOMM) E(EPROTO) E(EMULTIHOP) E(EDOTDOT)
    E(EBADMSG) E(EOVERFLOW) E(ENOTUNIQ) E(EBADFD) E(EREMCHG) E(ELIBACC) E(ELIBBAD)
    E(ELIBSCN) E(ELIBMAX) E(ELIBEXEC) E(EILSEQ) E(ERESTART) E(ESTRPIPE) E(EUSERS)
    E(ENOTSOCK) E(EDESTADDRREQ) E(EMSGSIZE) E(EPROTOTYPE) E(ENOPROTOOPT)
    E(EPROTONOSUPPORT) E(ESOCKTNOSUPPORT) E(ENOTSUP) E(EOPNOTSUPP) E(EPFNOSUPPORT)
    E(EAFNOSUPPORT) E(EADDRINUSE) E(EADDRNOTAVAIL) E(ENETDOWN) E(ENETUNREACH)
    E(ENETRESET) E(ECONNABORTED) E(ECONNRESET) E(ENOBUFS) E(EISCONN) E(ENOTCONN)
    E(ESHUTDOWN) E(ETOOMANYREFS) E(ETIMEDOUT) E(ECONNREFUSED) E(EHOSTDOWN)
    E(EHOSTUNREACH) E(EALREADY) E(EINPROGRESS) E(ESTALE) E(EUCLEAN) E(ENOTNAM)
    E(ENAVAIL) E(EISNAM) E(EREMOTEIO) E(EDQUOT) E(ENOMEDIUM) E(EMEDIUMTYPE) E(ECANCELED)
    E(ENOKEY) E(EKEYEXPIRED) E(EKEYREVOKED) E(EKEYREJECTED) E(EOWNERDEAD)
    E(ENOTRECOVERABLE) E(ERFKILL)
};

#undef E

gp_object_t *gp_errno_module_create(void)
{
    gp_object_t *module = gp_module_new("errno");
    gp_object_t *codes = module ? gp_dict_new() : NULL;
    if (!codes)
        goto fail;
    for (size_t i = 0; i < sizeof errno_table / sizeof errno_table[0]; i++) {
        const errno_entry_t *e = &errno_table[i];
        if (gp_module_add_int(module, e->name, e->value) < 0)
            goto fail;
        gp_object_t *key = gp_int_from_i64(e->value);
        gp_object_t *name = key ? gp_str_from_cstr(e->name) : NULL;
        int rc = name ? gp_dict_contains(codes, key) : -1;
        if (rc == 0)
            rc = gp_dict_setitem(codes, key, name);
        GP_XDECREF(key);
        GP_XDECREF(name);
        if (rc < 0)
            goto fail;
    }
    if (gp_module_add_object(module, "errorcode", codes) < 0)
        goto fail;
    GP_DECREF(codes);
    return module;
fail:
    GP_XDECREF(codes);
    GP_XDECREF(module);
    return NULL;
}
