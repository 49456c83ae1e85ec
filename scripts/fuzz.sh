#!/bin/bash
# Runs the libFuzzer harnesses of tests/fuzz for a chosen time each.
#
#   scripts/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]
#
# Builds build-fuzz with clang (-Dfuzz=true, ASan+UBSan), seeds each
# harness's working corpus (build-fuzz/corpus/<name>) from the checked-in
# regression corpus and, for the Python harnesses, from tests/py, then runs
# libFuzzer. Crashing inputs land in build-fuzz/crashes/<name>/; copy each
# one (minimised with -minimize_crash=1) into tests/fuzz/corpus/<name>/ once
# fixed, so the suite replays it forever. A summary line per harness (runs,
# coverage, crashes) goes to stdout and build-fuzz/fuzz-report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
# FUZZ_BUILD picks another build directory (default build-fuzz).
B=${FUZZ_BUILD:-build-fuzz}
SECS=${1:-60}
shift || true
HARNESSES=("$@")
[ ${#HARNESSES[@]} -eq 0 ] && HARNESSES=(compile exec json urlparse http)

if [ ! -f $B/build.ninja ]; then
    CC=clang meson setup $B -Dfuzz=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
fi
ninja -C $B $(printf 'tests/fuzz/fuzz_%s ' "${HARNESSES[@]}") >/dev/null

for name in "${HARNESSES[@]}"; do
    corpus=$B/corpus/$name
    crashes=$B/crashes/$name
    mkdir -p "$corpus" "$crashes"
    [ -d tests/fuzz/corpus/$name ] && cp -n tests/fuzz/corpus/$name/* "$corpus"/ 2>/dev/null || true
    case $name in
        compile|exec)
            # Test scripts as seeds, named by content so reruns do not copy twice.
            find tests/py -name '*.py' -size -8k | while read -r f; do
                cp -n "$f" "$corpus/seed-$(md5sum < "$f" | cut -c1-16)"
            done ;;
        json)
            for doc in '{"a": [1, 2.5, "x\\u00e9", null, true]}' '[]' '"\ud83d\ude00"' '1e400' \
                       '{"k": {"k": {"k": [[[[]]]]}}}' '[1, -0, 0.1, 1E+2]'; do
                printf '%s' "$doc" > "$corpus/seed-$(printf '%s' "$doc" | md5sum | cut -c1-16)"
            done ;;
        http)
            # The regression corpus already holds a dozen realistic responses.
            ;;
        urlparse)
            for u in 'http://user:pw@host:80/p/a;x?q=1&r=2#f' '//h/p' 'https://[::1]:8080/' \
                     'mailto:a@b' '../../g?y#s' 'a=1&b=%20&c'; do
                printf '%s' "$u" > "$corpus/seed-$(printf '%s' "$u" | md5sum | cut -c1-16)"
            done ;;
    esac
    # Server responses may carry big headers; other inputs stay small.
    max_len=4096
    [ "$name" = http ] && max_len=32768
    log=$B/fuzz-$name.log
    echo "fuzz: $name for ${SECS}s"
    # fork mode keeps going past timeouts (9**9**9 is slow, not a bug);
    # crashes and sanitizer reports stop nothing but are kept in $crashes.
    ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=0 \
    ./$B/tests/fuzz/fuzz_$name "$corpus" -fork=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -ignore_crashes=1 -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
        -max_total_time="$SECS" -artifact_prefix="$crashes/" > "$log" 2>&1 || true
    stats=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    ncrash=$(find "$crashes" -type f -name 'crash-*' | wc -l)
    line="$name: ${SECS}s; last status: ${stats:-none}; crash files: $ncrash"
    echo "$line"
    echo "$(date -u +%FT%TZ) $line" >> $B/fuzz-report.txt
done
