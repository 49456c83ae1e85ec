/*
 * socket_addr.c - addresses and names for the _socket module.
 *
 * Design notes
 * ------------
 * Converts between Python addresses and sockaddrs with CPython's rules and
 * messages: AF_INET takes (host, port), AF_INET6 (host, port[, flowinfo[,
 * scope_id]]), AF_UNIX a str or bytes path (a leading NUL byte selects
 * Linux's abstract namespace). A host is '' (any address), '<broadcast>', a
 * numeric address, or a name.
 *
 * Names resolve through getaddrinfo() in the calling thread with the GIL
 * released: glibc's resolver is blocking and thread-safe, and libuv's
 * uv_getaddrinfo would only run the same call on a threadpool thread, adding
 * two thread switches per lookup. Other threads run Python meanwhile.
 * Failures raise socket.gaierror(code, gai_strerror(code)).
 *
 * The stateless module functions live here too: getaddrinfo, gethostname,
 * gethostbyname, inet_aton/ntoa/pton/ntop and the byte-order conversions.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mod/socket_internal.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

/* Raises socket.gaierror(code, gai_strerror(code)); EAI_SYSTEM uses errno. */
void gp_socket_raise_gaierror(int code)
{
    if (code == EAI_SYSTEM) {
        gp_err_set_from_errno(errno, NULL);
        return;
    }
    gp_object_t *args = gp_tuple_new(2);
    gp_object_t *msg = gp_str_from_cstr(gai_strerror(code));
    if (!args || !msg) {
        GP_XDECREF(args);
        GP_XDECREF(msg);
        return;
    }
    GP_TUPLE_SET(args, 0, gp_int_from_i64(code));
    GP_TUPLE_SET(args, 1, msg);
    gp_object_t *exc = gp_object_call_tuple_dict((gp_object_t *)gp_socket_gaierror_type, args, NULL);
    GP_DECREF(args);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

/* A C int from an int (CPython's "i" format). */
int gp_socket_int_arg(gp_object_t *o, int *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(o, &overflow);
    if (overflow || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (v < INT32_MIN) {
        gp_err_set_string(&gp_exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* The data of a bytes-like argument (bytes, bytearray or memoryview). The
   pointer is borrowed: callers that drop the GIL re-read it afterwards. */
int gp_socket_buffer_arg(gp_object_t *o, const char **data, size_t *len)
{
    gp_buffer_t view;
    if (gp_buffer_get(o, &view, GP_BUFFER_SIMPLE) < 0)
        return -1;
    *data = view.data;
    *len = view.len;
    gp_buffer_release(&view);
    return 0;
}

bool gp_socket_is_bytearray(gp_object_t *o)
{
    return GP_IS_PTR(o) && gp_type_is_subtype(GP_TYPE(o), &gp_bytearray_type);
}

/* ------------------------------------------------------------------ */
/* Addresses                                                            */
/* ------------------------------------------------------------------ */

/* The C text of a host argument: str, bytes or bytearray. Borrowed. */
static const char *socket_host_text(gp_object_t *host)
{
    if (gp_str_check(host))
        return gp_str_utf8(host);
    if (gp_bytes_check(host) || gp_socket_is_bytearray(host))
        return gp_bytes_data(host);
    gp_err_format(&gp_exc_TypeError, "str, bytes or bytearray expected, not %T", host);
    return NULL;
}

/* Resolves [host] to one address of [family] (AF_INET or AF_INET6) in
   [out], keeping its port field zero. Host names go to getaddrinfo() with
   the GIL released. */
int gp_socket_resolve(const char *host, int family, gp_socket_address_t *out)
{
    memset(out, 0, sizeof *out);
    if (family == AF_INET) {
        out->in4.sin_family = AF_INET;
        if (host[0] == '\0') {
            out->in4.sin_addr.s_addr = htonl(INADDR_ANY);
            return 0;
        }
        if (strcmp(host, "<broadcast>") == 0 || strcmp(host, "255.255.255.255") == 0) {
            out->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
            return 0;
        }
        if (inet_pton(AF_INET, host, &out->in4.sin_addr) == 1)
            return 0;
    } else {
        out->in6.sin6_family = AF_INET6;
        if (host[0] == '\0') {
            out->in6.sin6_addr = in6addr_any;
            return 0;
        }
        if (inet_pton(AF_INET6, host, &out->in6.sin6_addr) == 1)
            return 0;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_SOCKET);
    int rc = getaddrinfo(host, NULL, &hints, &res);
    gp_gil_acquire_after_blocking(ts);
    if (rc != 0) {
        gp_socket_raise_gaierror(rc);
        return -1;
    }
    size_t len = res->ai_addrlen < sizeof *out ? res->ai_addrlen : sizeof *out;
    memcpy(out, res->ai_addr, len);
    freeaddrinfo(res);
    if (family == AF_INET)
        out->in4.sin_port = 0;
    else
        out->in6.sin6_port = 0;
    return 0;
}

/* A port from an address tuple, with CPython's range check. */
static int socket_port_arg(gp_object_t *o, const char *caller, uint16_t *port)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(o, &overflow);
    if (overflow || v < 0 || v > 65535) {
        gp_err_format(&gp_exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *port = (uint16_t)v;
    return 0;
}

/* Converts a Python address for [family] to a sockaddr, as CPython's
   getsockaddrarg(). [caller] names the method in messages. */
int gp_socket_address_from(int family, gp_object_t *addr, const char *caller,
                               gp_socket_address_t *out, socklen_t *len)
{
    memset(out, 0, sizeof *out);
    switch (family) {
    case AF_UNIX: {
        const char *path;
        size_t n;
        if (gp_str_check(addr)) {
            path = gp_str_utf8(addr);
            n = gp_str_utf8_len(addr);
        } else if (gp_socket_buffer_arg(addr, &path, &n) < 0) {
            return -1;
        }
        if (n >= sizeof out->un.sun_path) {
            gp_err_set_string(&gp_exc_OSError, "AF_UNIX path too long");
            return -1;
        }
        out->un.sun_family = AF_UNIX;
        memcpy(out->un.sun_path, path, n);
        /* Abstract-namespace names (a leading NUL) are not NUL-terminated. */
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n > 0 && path[0] == '\0' ? 0 : 1));
        return 0;
    }
    case AF_INET: {
        if (!gp_tuple_check(addr)) {
            gp_err_format(&gp_exc_TypeError, "%s(): AF_INET address must be tuple, not %T", caller,
                          addr);
            return -1;
        }
        if (GP_TUPLE_SIZE(addr) != 2) {
            gp_err_set_string(&gp_exc_TypeError, "AF_INET address must be a pair (host, port)");
            return -1;
        }
        const char *host = socket_host_text(GP_TUPLE_GET(addr, 0));
        uint16_t port;
        if (!host || socket_port_arg(GP_TUPLE_GET(addr, 1), caller, &port) < 0 ||
            gp_socket_resolve(host, AF_INET, out) < 0)
            return -1;
        out->in4.sin_port = htons(port);
        *len = sizeof out->in4;
        return 0;
    }
    case AF_INET6: {
        if (!gp_tuple_check(addr)) {
            gp_err_format(&gp_exc_TypeError, "%s(): AF_INET6 address must be tuple, not %T",
                          caller, addr);
            return -1;
        }
        intptr_t n = GP_TUPLE_SIZE(addr);
        if (n < 2 || n > 4) {
            gp_err_set_string(&gp_exc_TypeError,
                              "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            return -1;
        }
        const char *host = socket_host_text(GP_TUPLE_GET(addr, 0));
        uint16_t port;
        int flowinfo = 0, scope_id = 0;
        if (!host || socket_port_arg(GP_TUPLE_GET(addr, 1), caller, &port) < 0)
            return -1;
        if (n > 2 && gp_socket_int_arg(GP_TUPLE_GET(addr, 2), &flowinfo) < 0)
            return -1;
        if (n > 3 && gp_socket_int_arg(GP_TUPLE_GET(addr, 3), &scope_id) < 0)
            return -1;
        if (flowinfo < 0 || flowinfo > 0xfffff) {
            gp_err_format(&gp_exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
            return -1;
        }
        if (gp_socket_resolve(host, AF_INET6, out) < 0)
            return -1;
        out->in6.sin6_port = htons(port);
        out->in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        if (scope_id)
            out->in6.sin6_scope_id = (uint32_t)scope_id;
        *len = sizeof out->in6;
        return 0;
    }
    default:
        gp_err_format(&gp_exc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

/* The Python form of a sockaddr: (host, port), (host, port, flowinfo,
   scope_id), or a path for AF_UNIX. */
gp_object_t *gp_socket_address_to_object(const struct sockaddr *sa, socklen_t len)
{
    char text[INET6_ADDRSTRLEN];
    if (len == 0)
        return gp_none_new();
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *in4 = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &in4->sin_addr, text, sizeof text);
        gp_object_t *host = gp_str_from_cstr(text);
        if (!host)
            return NULL;
        gp_object_t *port = gp_int_from_i64(ntohs(in4->sin_port));
        gp_object_t *t = gp_tuple_pack(2, host, port);
        GP_DECREF(host);
        return t;
    }
    case AF_INET6: {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
        gp_object_t *host = gp_str_from_cstr(text);
        if (!host)
            return NULL;
        gp_object_t *port = gp_int_from_i64(ntohs(in6->sin6_port));
        gp_object_t *flow = gp_int_from_u64(ntohl(in6->sin6_flowinfo));
        gp_object_t *scope = gp_int_from_u64(in6->sin6_scope_id);
        gp_object_t *t = gp_tuple_pack(4, host, port, flow, scope);
        GP_DECREF(host);
        return t;
    }
    case AF_UNIX: {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t n = len > offsetof(struct sockaddr_un, sun_path)
                       ? len - offsetof(struct sockaddr_un, sun_path)
                       : 0;
        if (n > 0 && un->sun_path[0] == '\0')
            return gp_bytes_new(un->sun_path, n);
        n = strnlen(un->sun_path, n);
        return gp_str_from_utf8(un->sun_path, n);
    }
    default: {
        /* Unknown families: (family, raw bytes), as CPython. */
        gp_object_t *data = gp_bytes_new(sa->sa_data, sizeof sa->sa_data);
        if (!data)
            return NULL;
        gp_object_t *t = gp_tuple_pack(2, GP_SMALL_NEW(sa->sa_family), data);
        GP_DECREF(data);
        return t;
    }
    }
}

gp_object_t *gp_socket_getaddrinfo(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    gp_object_t *v[6];
    if (gp_args_parse("getaddrinfo", args, nargs, kwnames, names, 2, v) < 0)
        return NULL;
    const char *host = NULL;
    if (v[0] != gp_None) {
        if (!gp_str_check(v[0]) && !gp_bytes_check(v[0])) {
            gp_err_set_string(&gp_exc_TypeError, "getaddrinfo() argument 1 must be string or None");
            return NULL;
        }
        host = gp_str_check(v[0]) ? gp_str_utf8(v[0]) : gp_bytes_data(v[0]);
    }
    char port_text[32];
    const char *port = NULL;
    if (gp_int_check(v[1])) {
        int64_t p = gp_int_as_i64(v[1]);
        if (p == -1 && gp_err_occurred())
            return NULL;
        snprintf(port_text, sizeof port_text, "%lld", (long long)p);
        port = port_text;
    } else if (gp_str_check(v[1])) {
        port = gp_str_utf8(v[1]);
    } else if (gp_bytes_check(v[1])) {
        port = gp_bytes_data(v[1]);
    } else if (v[1] != gp_None) {
        gp_err_set_string(&gp_exc_OSError, "Int or String expected");
        return NULL;
    }
    int opts[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        if (v[2 + i] && gp_socket_int_arg(v[2 + i], &opts[i]) < 0)
            return NULL;
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = opts[0];
    hints.ai_socktype = opts[1];
    hints.ai_protocol = opts[2];
    hints.ai_flags = opts[3];
    /* The strings stay alive: v[] holds them, and only this thread runs. */
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_SOCKET);
    int rc = getaddrinfo(host, port, &hints, &res);
    gp_gil_acquire_after_blocking(ts);
    if (rc != 0) {
        gp_socket_raise_gaierror(rc);
        return NULL;
    }
    gp_object_t *list = gp_list_new(0);
    for (struct addrinfo *ai = res; list && ai; ai = ai->ai_next) {
        gp_object_t *addr = gp_socket_address_to_object(ai->ai_addr, ai->ai_addrlen);
        gp_object_t *canon = gp_str_from_cstr(ai->ai_canonname ? ai->ai_canonname : "");
        gp_object_t *item = addr && canon ? gp_tuple_pack(5, GP_SMALL_NEW(ai->ai_family),
                                                          GP_SMALL_NEW(ai->ai_socktype),
                                                          GP_SMALL_NEW(ai->ai_protocol), canon,
                                                          addr)
                                          : NULL;
        GP_XDECREF(addr);
        GP_XDECREF(canon);
        if (!item || gp_list_append(list, item) < 0)
            GP_CLEAR(list);
        GP_XDECREF(item);
    }
    freeaddrinfo(res);
    return list;
}

gp_object_t *gp_socket_gethostname(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("gethostname", nargs, kwnames, 0, 0) < 0)
        return NULL;
    char name[256];
    if (gethostname(name, sizeof name) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    name[sizeof name - 1] = '\0';
    return gp_str_from_cstr(name);
}

gp_object_t *gp_socket_gethostbyname(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("gethostbyname", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "gethostbyname() argument 1 must be str, not %T",
                      args[0]);
        return NULL;
    }
    gp_socket_address_t addr;
    if (gp_socket_resolve(gp_str_utf8(args[0]), AF_INET, &addr) < 0)
        return NULL;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &addr.in4.sin_addr, text, sizeof text);
    return gp_str_from_cstr(text);
}

gp_object_t *gp_socket_inet_aton(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("inet_aton", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "inet_aton() argument 1 must be str, not %T", args[0]);
        return NULL;
    }
    struct in_addr a;
    if (inet_aton(gp_str_utf8(args[0]), &a) == 0) {
        gp_err_set_string(&gp_exc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return gp_bytes_new(&a, sizeof a);
}

gp_object_t *gp_socket_inet_ntoa(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    const char *data;
    size_t len;
    if (gp_args_check("inet_ntoa", nargs, kwnames, 1, 1) < 0 ||
        gp_socket_buffer_arg(args[0], &data, &len) < 0)
        return NULL;
    if (len != 4) {
        gp_err_set_string(&gp_exc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, data, text, sizeof text);
    return gp_str_from_cstr(text);
}

gp_object_t *gp_socket_inet_pton(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    int family;
    if (gp_args_check("inet_pton", nargs, kwnames, 2, 2) < 0 ||
        gp_socket_int_arg(args[0], &family) < 0)
        return NULL;
    if (!gp_str_check(args[1])) {
        gp_err_format(&gp_exc_TypeError, "inet_pton() argument 2 must be str, not %T", args[1]);
        return NULL;
    }
    unsigned char buf[sizeof(struct in6_addr)];
    int rc = inet_pton(family, gp_str_utf8(args[1]), buf);
    if (rc < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    if (rc == 0) {
        gp_err_set_string(&gp_exc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    return gp_bytes_new(buf, family == AF_INET ? 4 : 16);
}

gp_object_t *gp_socket_inet_ntop(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    int family;
    const char *data;
    size_t len;
    if (gp_args_check("inet_ntop", nargs, kwnames, 2, 2) < 0 ||
        gp_socket_int_arg(args[0], &family) < 0 || gp_socket_buffer_arg(args[1], &data, &len) < 0)
        return NULL;
    if (family != AF_INET && family != AF_INET6) {
        gp_err_set_string(&gp_exc_ValueError, "unknown address family");
        return NULL;
    }
    if (len != (family == AF_INET ? 4u : 16u)) {
        gp_err_set_string(&gp_exc_ValueError, "invalid length of packed IP address string");
        return NULL;
    }
    char text[INET6_ADDRSTRLEN];
    if (!inet_ntop(family, data, text, sizeof text)) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_str_from_cstr(text);
}

/* htons/ntohs (16 bits) and htonl/ntohl (32 bits), with CPython's checks. */
static gp_object_t *socket_byte_order(gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames, const char *name, bool wide)
{
    if (gp_args_check(name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_int_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      args[0]);
        return NULL;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(args[0], &overflow);
    if (wide) {
        if (overflow < 0 || v < 0) {
            gp_err_set_string(&gp_exc_OverflowError, "can't convert negative value to unsigned int");
            return NULL;
        }
        if (overflow || v > UINT32_MAX) {
            gp_err_set_string(&gp_exc_OverflowError, "int larger than 32 bits");
            return NULL;
        }
        return gp_int_from_i64(htonl((uint32_t)v));
    }
    if (overflow < 0 || v < 0) {
        gp_err_format(&gp_exc_OverflowError,
                      "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
        return NULL;
    }
    if (overflow || v > UINT16_MAX) {
        gp_err_format(&gp_exc_OverflowError,
                      "%s: Python int too large to convert to C 16-bit unsigned integer", name);
        return NULL;
    }
    return gp_int_from_i64(htons((uint16_t)v));
}

#define BYTE_ORDER_FUNCTION(name, wide)                                                            \
    gp_object_t *gp_socket_##name(gp_object_t *self, gp_object_t *const *args, size_t nargs,  \
                                      gp_object_t *kwnames)                                       \
    {                                                                                              \
        return socket_byte_order(args, nargs, kwnames, #name, wide);                               \
    }
BYTE_ORDER_FUNCTION(htons, false)
BYTE_ORDER_FUNCTION(ntohs, false)
BYTE_ORDER_FUNCTION(htonl, true)
BYTE_ORDER_FUNCTION(ntohl, true)

