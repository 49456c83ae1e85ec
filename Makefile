# A thin wrapper over meson for the README's two commands:
#   make demo   install what is missing, build, run the showcase demo
#   make test   install what is missing, build, run every test
# Extra meson options go through MESONFLAGS, e.g. make test MESONFLAGS=-Dwerror=true

BUILD      ?= build
ASAN_BUILD ?= build-asan
MESONFLAGS ?=
PYTHON     ?= python3
# debugoptimized keeps the sanitizer build fast enough and its stacks readable.
ASAN_FLAGS := -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized

.PHONY: all deps build demo test asan bench clean

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

bench: build
	$(PYTHON) bench/run.py --gilpy $(BUILD)/gilpy

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
