/*
 * curl_lazy.c - libcurl, loaded on first use instead of at start-up.
 *
 * Design notes
 * ------------
 * libcurl on Debian pulls in about thirty shared libraries (OpenSSL, GnuTLS,
 * Kerberos, LDAP, ...). Linking it into the gilpy binary made the dynamic
 * loader map and relocate all of them before main(), and curl_global_init()
 * then initialised OpenSSL: together about 20 ms, four times the whole
 * start-up budget of `gilpy -c pass`, paid by every script whether or not it
 * ever makes an HTTP request.
 *
 * So the binary does not link libcurl. This file defines the libcurl entry
 * points the HTTP module uses, with their exact prototypes from
 * <curl/curl.h>; the first call of any of them dlopen()s libcurl.so.4 once
 * (pthread_once, so any thread may be first), runs the real
 * curl_global_init() with the flags asked for earlier, and resolves every
 * symbol. The module's code is unchanged: it calls curl_easy_init() and
 * friends as usual.
 *
 *   - curl_global_init() only records its flags: the real one runs when the
 *     library is loaded, which libcurl >= 7.84 allows from any thread.
 *   - If libcurl cannot be loaded, every entry point fails the way libcurl
 *     reports a failure (NULL handles, CURLE_FAILED_INIT,
 *     CURLM_INTERNAL_ERROR), so HTTP raises an error and nothing else is
 *     affected.
 *   - The variadic setters read their one argument with the type libcurl's
 *     option numbering encodes (long, pointer, function pointer, curl_off_t)
 *     and pass it on with that type.
 *
 * A new libcurl function used by the module needs one line in
 * CURL_LAZY_FUNCTIONS below (the link fails loudly until it has one).
 */
#define CURL_DISABLE_TYPECHECK 1

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

/* X(return type, name, parameters, argument names, value when unavailable) */
#define CURL_LAZY_FUNCTIONS(X)                                                                      \
    X(CURL *, curl_easy_init, (void), (), NULL)                                                    \
    X(const char *, curl_easy_strerror, (CURLcode code), (code), "libcurl is not available")      \
    X(CURLM *, curl_multi_init, (void), (), NULL)                                                  \
    X(CURLMcode, curl_multi_add_handle, (CURLM * multi, CURL * easy), (multi, easy),              \
      CURLM_INTERNAL_ERROR)                                                                        \
    X(CURLMcode, curl_multi_remove_handle, (CURLM * multi, CURL * easy), (multi, easy),           \
      CURLM_INTERNAL_ERROR)                                                                        \
    X(CURLMcode, curl_multi_assign, (CURLM * multi, curl_socket_t fd, void *data),                \
      (multi, fd, data), CURLM_INTERNAL_ERROR)                                                     \
    X(CURLMcode, curl_multi_cleanup, (CURLM * multi), (multi), CURLM_INTERNAL_ERROR)              \
    X(CURLMsg *, curl_multi_info_read, (CURLM * multi, int *left), (multi, left), NULL)           \
    X(CURLMcode, curl_multi_socket_action,                                                         \
      (CURLM * multi, curl_socket_t fd, int mask, int *running), (multi, fd, mask, running),      \
      CURLM_INTERNAL_ERROR)                                                                        \
    X(const char *, curl_multi_strerror, (CURLMcode code), (code), "libcurl is not available")    \
    X(CURLMcode, curl_multi_perform, (CURLM * multi, int *running), (multi, running),             \
      CURLM_INTERNAL_ERROR)                                                                        \
    X(CURLMcode, curl_multi_poll,                                                                  \
      (CURLM * multi, struct curl_waitfd * fds, unsigned int nfds, int timeout_ms, int *numfds),   \
      (multi, fds, nfds, timeout_ms, numfds), CURLM_INTERNAL_ERROR)                                \
    X(CURLMcode, curl_multi_wakeup, (CURLM * multi), (multi), CURLM_INTERNAL_ERROR)               \
    X(CURLcode, curl_easy_pause, (CURL * easy, int bitmask), (easy, bitmask), CURLE_FAILED_INIT)  \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist * list, const char *s),          \
      (list, s), NULL)                                                                             \
    X(curl_version_info_data *, curl_version_info, (CURLversion v), (v), NULL)

/* Functions without a meaningful "unavailable" value. */
#define CURL_LAZY_VOID_FUNCTIONS(X)                                                                 \
    X(curl_easy_cleanup, (CURL * easy), (easy))                                                    \
    X(curl_easy_reset, (CURL * easy), (easy))                                                      \
    X(curl_slist_free_all, (struct curl_slist * list), (list))

typedef CURLcode (*curl_global_init_fn)(long);
typedef CURLcode (*curl_easy_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*curl_easy_getinfo_fn)(CURL *, CURLINFO, ...);
typedef CURLMcode (*curl_multi_setopt_fn)(CURLM *, CURLMoption, ...);

/* The resolved entry points; all NULL when libcurl could not be loaded. */
typedef struct curl_lazy_table {
#define CURL_LAZY_FIELD(ret, name, params, args, fail) ret(*name) params;
#define CURL_LAZY_VOID_FIELD(name, params, args) void(*name) params;
    CURL_LAZY_FUNCTIONS(CURL_LAZY_FIELD)
    CURL_LAZY_VOID_FUNCTIONS(CURL_LAZY_VOID_FIELD)
#undef CURL_LAZY_FIELD
#undef CURL_LAZY_VOID_FIELD
    curl_easy_setopt_fn curl_easy_setopt;
    curl_easy_getinfo_fn curl_easy_getinfo;
    curl_multi_setopt_fn curl_multi_setopt;
    void (*curl_global_cleanup)(void);
} curl_lazy_table_t;

static curl_lazy_table_t lazy;

static pthread_once_t lazy_once = PTHREAD_ONCE_INIT;
static long lazy_init_flags = CURL_GLOBAL_DEFAULT;
static atomic_bool lazy_available;

static void *symbol_of(void *handle, const char *name, bool *missing)
{
    void *p = dlsym(handle, name);
    if (!p)
        *missing = true;
    return p;
}

/* Loads libcurl and resolves every entry point (once, from any thread). */
static void lazy_load_once(void)
{
    void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return;
    bool missing = false;
    curl_global_init_fn global_init =
        (curl_global_init_fn)symbol_of(handle, "curl_global_init", &missing);
#define CURL_LAZY_RESOLVE(ret, name, params, args, fail)                                           \
    *(void **)&lazy.name = symbol_of(handle, #name, &missing);
#define CURL_LAZY_VOID_RESOLVE(name, params, args)                                                 \
    *(void **)&lazy.name = symbol_of(handle, #name, &missing);
    CURL_LAZY_FUNCTIONS(CURL_LAZY_RESOLVE)
    CURL_LAZY_VOID_FUNCTIONS(CURL_LAZY_VOID_RESOLVE)
    CURL_LAZY_RESOLVE(, curl_easy_setopt, , , )
    CURL_LAZY_RESOLVE(, curl_easy_getinfo, , , )
    CURL_LAZY_RESOLVE(, curl_multi_setopt, , , )
#undef CURL_LAZY_RESOLVE
#undef CURL_LAZY_VOID_RESOLVE
    if (missing || global_init(lazy_init_flags) != CURLE_OK) {
        /* Leave every entry point NULL: each call reports a failure. */
        memset(&lazy, 0, sizeof lazy);
        dlclose(handle);
        return;
    }
    lazy.curl_global_cleanup = (void (*)(void))symbol_of(handle, "curl_global_cleanup", &missing);
    atomic_store(&lazy_available, true);
}

static inline bool lazy_ready(void)
{
    pthread_once(&lazy_once, lazy_load_once);
    return atomic_load_explicit(&lazy_available, memory_order_relaxed);
}

CURLcode curl_global_init(long flags)
{
    /* Deferred to the first real use; see the design notes. */
    lazy_init_flags = flags;
    return CURLE_OK;
}

#define CURL_LAZY_DEFINE(ret, name, params, args, fail)                                            \
    ret name params                                                                                \
    {                                                                                              \
        if (!lazy_ready())                                                                         \
            return fail;                                                                           \
        return lazy.name args;                                                                     \
    }
CURL_LAZY_FUNCTIONS(CURL_LAZY_DEFINE)
#undef CURL_LAZY_DEFINE

#define CURL_LAZY_VOID_DEFINE(name, params, args)                                                  \
    void name params                                                                               \
    {                                                                                              \
        if (lazy_ready())                                                                          \
            lazy.name args;                                                                        \
    }
CURL_LAZY_VOID_FUNCTIONS(CURL_LAZY_VOID_DEFINE)
#undef CURL_LAZY_VOID_DEFINE

void curl_global_cleanup(void)
{
    /* Never load the library just to clean it up (at exit, say). */
    if (atomic_load(&lazy_available) && lazy.curl_global_cleanup)
        lazy.curl_global_cleanup();
}

/* The argument kinds of libcurl's option numbering (curl.h's CURLOPTTYPE_*:
   the option number's range says what the one variadic argument is). */
static int option_kind(int option)
{
    if (option < CURLOPTTYPE_OBJECTPOINT)
        return 0; /* long */
    if (option < CURLOPTTYPE_FUNCTIONPOINT)
        return 1; /* data pointer */
    if (option < CURLOPTTYPE_OFF_T)
        return 2; /* function pointer */
    if (option < CURLOPTTYPE_BLOB)
        return 3; /* curl_off_t */
    return 1;     /* struct curl_blob *, and anything newer: a pointer */
}

typedef void (*any_function_t)(void);

CURLcode curl_easy_setopt(CURL *easy, CURLoption option, ...)
{
    if (!lazy_ready())
        return CURLE_FAILED_INIT;
    va_list ap;
    va_start(ap, option);
    CURLcode rc;
    switch (option_kind((int)option)) {
    case 0:
        rc = lazy.curl_easy_setopt(easy, option, va_arg(ap, long));
        break;
    case 2:
        rc = lazy.curl_easy_setopt(easy, option, va_arg(ap, any_function_t));
        break;
    case 3:
        rc = lazy.curl_easy_setopt(easy, option, va_arg(ap, curl_off_t));
        break;
    default:
        rc = lazy.curl_easy_setopt(easy, option, va_arg(ap, void *));
        break;
    }
    va_end(ap);
    return rc;
}

CURLcode curl_easy_getinfo(CURL *easy, CURLINFO info, ...)
{
    if (!lazy_ready())
        return CURLE_FAILED_INIT;
    /* Every getinfo argument is a pointer to the result's storage. */
    va_list ap;
    va_start(ap, info);
    CURLcode rc = lazy.curl_easy_getinfo(easy, info, va_arg(ap, void *));
    va_end(ap);
    return rc;
}

CURLMcode curl_multi_setopt(CURLM *multi, CURLMoption option, ...)
{
    if (!lazy_ready())
        return CURLM_INTERNAL_ERROR;
    va_list ap;
    va_start(ap, option);
    CURLMcode rc;
    switch (option_kind((int)option)) {
    case 0:
        rc = lazy.curl_multi_setopt(multi, option, va_arg(ap, long));
        break;
    case 2:
        rc = lazy.curl_multi_setopt(multi, option, va_arg(ap, any_function_t));
        break;
    case 3:
        rc = lazy.curl_multi_setopt(multi, option, va_arg(ap, curl_off_t));
        break;
    default:
        rc = lazy.curl_multi_setopt(multi, option, va_arg(ap, void *));
        break;
    }
    va_end(ap);
    return rc;
}
