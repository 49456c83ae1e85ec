# A thin wrapper over meson for the README's two commands:
#   make demo   install what is missing, build, run the showcase demo
#   make test   install what is missing, build, run every test
#   make bench  build, run the whole benchmark suite (bench-quick: under a minute;
#               bench-startup and bench-trace: the start-up and trace-cost scenarios alone)
# Extra meson options go through MESONFLAGS, e.g. make test MESONFLAGS=-Dwerror=true

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
MESONFLAGS ?=
PYTHON     ?= python3
# debugoptimized keeps the sanitizer build fast enough and its stacks readable.
ASAN_FLAGS := -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized

.PHONY: all deps build demo test asan tsan bench bench-quick bench-startup bench-trace clean

all: build

deps:
	@bash scripts/install-deps.sh

# Configure once; later runs only re-apply MESONFLAGS (if any) and compile.
define meson_build
	@if [ -f $(1)/build.ninja ]; then \
	    if [ -n "$(strip $(2))" ]; then meson configure $(1) $(2); fi; \
	else \
	    meson setup $(1) $(2); \
	fi
	meson compile -C $(1)
endef

build: deps
	$(call meson_build,$(BUILD),$(MESONFLAGS))

demo: build
	./$(BUILD)/gilpy demos/showcase.py

test: build
	meson test -C $(BUILD) --print-errorlogs

asan: deps
	$(call meson_build,$(ASAN_BUILD),$(ASAN_FLAGS) $(MESONFLAGS))
	meson test -C $(ASAN_BUILD) --print-errorlogs

# ThreadSanitizer over everything that runs threads or loops: the GIL, loop,
# asyncio-loop, HTTP and trace units, the trace checker, the seed documents'
# examples, and the threading, multiprocessing, asyncio, socket, file, HTTP and
# reliability scripts.
tsan: deps
	$(call meson_build,$(TSAN_BUILD),-Db_sanitize=thread -Dbuildtype=debugoptimized $(MESONFLAGS))
	TSAN_OPTIONS=halt_on_error=1 meson test -C $(TSAN_BUILD) --print-errorlogs \
	    test_gil test_loop test_uvloop test_curl test_trace seeds trace
	TSAN_OPTIONS=halt_on_error=1 $(PYTHON) tests/run_py_tests.py --gilpy $(TSAN_BUILD)/gilpy \
	    --timeout 300 tests/py/threads tests/py/processes tests/py/asyncio tests/py/asyncio_net \
	    tests/py/socket tests/py/aiofile tests/py/http tests/py/servers tests/py/reliability \
	    tests/py/asyncio_subprocess

# Every scenario on gilpy, CPython and CPython + uvloop; writes bench/results/
# latest.{json,md} and plots/*.svg. BENCHFLAGS=--realtime runs under chrt -f 10.
BENCHFLAGS ?=
bench: build
	$(PYTHON) bench/suite.py --gilpy $(BUILD)/gilpy $(BENCHFLAGS)

bench-quick: build
	$(PYTHON) bench/suite.py --gilpy $(BUILD)/gilpy --quick $(BENCHFLAGS)

# Start-up alone: `gilpy -I -c pass` beside /bin/true and CPython, under
# SCHED_FIFO when run as root (bench/startup.py).
bench-startup: build
	$(PYTHON) bench/startup.py --gilpy $(BUILD)/gilpy --runs 100 \
	    $(if $(filter 0,$(shell id -u)),--realtime)

# What the GIL trace hooks cost: tracing off vs compiled out (a second build
# in NOTRACE_BUILD, -Dgil_trace=false) vs tracing on (bench/trace_cost.py).
NOTRACE_BUILD ?= build-notrace
bench-trace: build
	$(PYTHON) bench/trace_cost.py --gilpy $(BUILD)/gilpy --notrace $(NOTRACE_BUILD) \
	    $(if $(filter 0,$(shell id -u)),--realtime)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(NOTRACE_BUILD)
