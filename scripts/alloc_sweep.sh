#!/bin/bash
# Runs the allocation-failure sweep over every representative script:
# each script's N-th allocation is refused for every N (or an even sample of
# MAX_RUNS values when the script makes more allocations than that), and each
# run must end with MemoryError or a clean exit. See
# tests/reliability/alloc_sweep.c and docs/reliability.md.
#
#   scripts/alloc_sweep.sh [BUILD_DIR] [MAX_RUNS]
#
# BUILD_DIR defaults to build-asan (configured with ASan+UBSan if missing),
# MAX_RUNS to 100000 (every N for all scripts but asyncio_prog). The summary
# line of each script goes to stdout; the failing runs are listed above it.
set -uo pipefail
cd "$(dirname "$0")/.."
B=${1:-build-asan}
MAX=${2:-100000}
if [ ! -f "$B/build.ninja" ]; then
    meson setup "$B" -Db_sanitize=address,undefined -Db_lundef=false \
        -Dbuildtype=debugoptimized >/dev/null || exit 2
fi
ninja -C "$B" tests/reliability/alloc_sweep >/dev/null || exit 2
rc=0
for script in tests/reliability/alloc_scripts/*.py; do
    "$B/tests/reliability/alloc_sweep" --max-runs "$MAX" "$script" || rc=1
done
"$B/tests/reliability/alloc_sweep" --startup --max-runs "$MAX" \
    tests/reliability/alloc_scripts/objects.py || rc=1
exit $rc
