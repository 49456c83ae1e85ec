/*
 * fuzz.h - what the fuzz harnesses share.
 *
 * Each harness is one file that defines LLVMFuzzerTestOneInput (and, when
 * it needs one, LLVMFuzzerInitialize). The same file links two ways:
 *
 *   - with clang's -fsanitize=fuzzer into a libFuzzer binary
 *     (meson -Dfuzz=true; scripts/fuzz.sh runs them for a chosen time);
 *   - with replay.c's main() into a plain program that feeds it every file
 *     of a corpus directory. The test suite runs that program over
 *     tests/fuzz/corpus/<harness>/, so every input that ever crashed a
 *     harness stays a regression test under gcc and the sanitizers.
 */
#ifndef GP_FUZZ_H
#define GP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Starts the runtime once, quietly: stdout goes to /dev/null so that
   programs which print do not flood the fuzzer's log. */
void gp_fuzz_runtime_start(void);

/* Runs the Python [source] (which must define `target`) in fresh globals
   and returns `target`, a new reference; aborts with the traceback when
   the source fails, since a harness without its target cannot fuzz. */
struct gp_object *gp_fuzz_load_target(const char *source, const char *filename);

#endif
