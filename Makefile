# The two commands of the README:
#   make assets  — set up, build, render every layout in layouts/ into output/
#   make test    — set up, build, run every test
# and the reliability stages (issue 7; .ci/run is to call them):
#   make test-sanitize — every test again on an ASan+UBSan build (SAN_BUILD)
#   make fuzz-smoke    — build the libFuzzer harnesses (FUZZ_BUILD), fuzz each briefly
BUILD ?= build
SAN_BUILD ?= build-san
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
JOBS ?= $(shell nproc)
# Unity builds (CMAKE_UNITY_BUILD) for BUILD, SAN_BUILD and FUZZ_BUILD: CMake
# compiles a target's sources eight at a time as one translation unit, so the
# shared headers are parsed and their inline templates optimised once per
# batch instead of once per file (eight test sources: 27 s as one unit
# against 66 s apart; the fuzz harnesses: 57 s against 1 min 46 s). That is
# what lets the sanitizer build, which compiles 2-2.5x slower, fit in CI.
# For quick incremental edits, where only the file you touch should
# recompile, pass UNITY=OFF (e.g. `make build UNITY=OFF`).
UNITY ?= ON

.PHONY: all assets test test-sanitize fuzz-smoke bootstrap build media clean

all: build

bootstrap:
	@scripts/bootstrap.sh

# cmake configures BUILD once per set of options (remembered in
# BUILD/koho-configure.txt); after that ninja re-runs cmake by itself when a
# CMakeLists.txt changes, so a `make assets` with nothing to do stays well
# under a second instead of paying a configure (0.7 s) each time.
CONFIGURE = cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=$(UNITY)

build: bootstrap
	@if [ ! -f $(BUILD)/build.ninja ] || [ "$$(cat $(BUILD)/koho-configure.txt 2>/dev/null)" != '$(CONFIGURE)' ]; then \
	  $(CONFIGURE) >/dev/null && echo '$(CONFIGURE)' > $(BUILD)/koho-configure.txt; \
	fi
	@cmake --build $(BUILD) -j $(JOBS)

media: build
	@$(MAKE) --no-print-directory -f Makefile.assets KOHO_BUILD=$(BUILD) media

assets: build
	@$(MAKE) --no-print-directory -f Makefile.assets KOHO_BUILD=$(BUILD) -j $(JOBS)

test: media
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite built with -fsanitize=address,undefined (cmake/sanitize/,
# g++: clang cannot compile qpdf's headers in C++20); any sanitizer report
# ends the process with 86 and fails its test. The tests read the media
# `make media` made with the normal build.
test-sanitize: media
	@cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
	  -DKOHO_SANITIZE=ON -DKOHO_BENCH=OFF -DCMAKE_UNITY_BUILD=$(UNITY) >/dev/null
	@cmake --build $(SAN_BUILD) -j $(JOBS)
	@cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# The libFuzzer harnesses (tests/fuzz, clang, ASan+UBSan): only their
# targets are built, their corpus and regression replays run (ctest -L fuzz),
# then each harness fuzzes for FUZZ_SECONDS (tests/fuzz/run-all).
fuzz-smoke: bootstrap
	@if [ -f tests/fuzz/CMakeLists.txt ]; then \
	  cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ \
	    -DKOHO_SANITIZE=ON -DKOHO_FUZZ=ON -DCMAKE_UNITY_BUILD=$(UNITY) >/dev/null && \
	  cmake --build $(FUZZ_BUILD) -j $(JOBS) --target tests/fuzz/all && \
	  (cd $(FUZZ_BUILD) && ctest --output-on-failure -j $(JOBS) -L fuzz) && \
	  if [ -x tests/fuzz/run-all ]; then tests/fuzz/run-all $(FUZZ_SECONDS) $(FUZZ_BUILD); fi; \
	fi

# output/* misses the hidden temporary files (.NAME.koho-tmp-XXXXXX) a
# killed koho leaves; find removes those.
clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(FUZZ_BUILD) output/* output/.deps
	find output -maxdepth 1 -name '.*.koho-tmp-*' -delete 2>/dev/null || true
