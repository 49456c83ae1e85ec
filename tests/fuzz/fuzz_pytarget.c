/*
 * fuzz_pytarget.c - feeds arbitrary bytes to a Python-level target.
 *
 * Built once per target with -DGP_FUZZ_TARGET=<name>; the target is a
 * small Python function in the table below, compiled at start-up, that
 * calls the library code under test with the input and swallows the
 * exceptions that code is documented to raise. Anything else escaping is
 * reported on stderr and aborts, so libFuzzer keeps the input: an
 * unexpected exception type is a bug too (TypeError from json.loads on
 * bytes, say). A crash or sanitizer report is, of course, the main catch.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "vm/eval.h"

#define GP_STR2(x) #x
#define GP_STR(x) GP_STR2(x)

typedef struct fuzz_target {
    const char *name;
    const char *source; /* defines target(data: bytes) */
} fuzz_target_t;

static const fuzz_target_t fuzz_targets[] = {
    {"json",
     "import json\n"
     "def target(data):\n"
     "    try:\n"
     "        value = json.loads(data)\n"
     "    except (ValueError, RecursionError):\n"
     "        return\n"
     "    text = json.dumps(value)\n"
     "    again = json.loads(text)\n"
     "    if json.dumps(again) != text:\n"
     "        raise AssertionError('json round trip changed ' + text[:80])\n"
     "    json.dumps(value, indent=2, sort_keys=False, ensure_ascii=False)\n"},
    {"urlparse",
     "from urllib.parse import urlsplit, urljoin, parse_qs, quote, unquote\n"
     "def target(data):\n"
     "    s = data.decode('utf-8', 'replace')\n"
     "    try:\n"
     "        parts = urlsplit(s)\n"
     "        parts.port\n"
     "    except ValueError:\n"
     "        return\n"
     "    urljoin('http://a/b/c/d;p?q', s)\n"
     "    parse_qs(s)\n"
     "    if unquote(quote(s, safe='')) != s:\n"
     "        raise AssertionError('quote/unquote changed the text')\n"},
};

static gp_object_t *target_fn;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gp_fuzz_runtime_start();
    const char *want = GP_STR(GP_FUZZ_TARGET);
    const fuzz_target_t *t = NULL;
    for (size_t i = 0; i < sizeof fuzz_targets / sizeof fuzz_targets[0]; i++)
        if (strcmp(fuzz_targets[i].name, want) == 0)
            t = &fuzz_targets[i];
    if (!t) {
        fprintf(stderr, "fuzz: no target named %s\n", want);
        abort();
    }
    target_fn = gp_fuzz_load_target(t->source, "<fuzz-target>");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gp_object_t *arg = gp_bytes_new(data, size);
    if (!arg) {
        gp_err_clear();
        return 0;
    }
    gp_object_t *r = gp_object_call(target_fn, &arg, 1, NULL);
    GP_DECREF(arg);
    if (!r) {
        gp_object_t *exc = gp_err_fetch();
        if (GP_TYPE(exc) == &gp_exc_MemoryError) {
            GP_DECREF(exc);
            return 0;
        }
        fprintf(stderr, "fuzz: the target raised\n");
        gp_exception_print(exc);
        abort();
    }
    GP_DECREF(r);
    return 0;
}
