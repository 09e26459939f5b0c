# The two commands of the README:
#   make assets  — set up, build, render every layout in layouts/ into output/
#   make test    — set up, build, run every test
# and CI's second stage:
#   make test-sanitize — every test again on an ASan+UBSan build (clang, SAN_BUILD)
BUILD ?= build
SAN_BUILD ?= build-san
JOBS ?= $(shell nproc)

.PHONY: all assets test test-sanitize bootstrap build media clean

all: build

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

media: build
	@$(MAKE) --no-print-directory -f Makefile.assets KOHO_BUILD=$(BUILD) media

assets: build
	@$(MAKE) --no-print-directory -f Makefile.assets KOHO_BUILD=$(BUILD) -j $(JOBS)

test: media
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite built with -fsanitize=address,undefined (cmake/sanitize/);
# any sanitizer report ends the process with 86 and fails its test. The
# tests read the media `make media` made with the normal build. KOHO_FUZZ
# builds the libFuzzer harnesses with the same clang build.
test-sanitize: media
	@cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ \
	  -DKOHO_SANITIZE=ON -DKOHO_FUZZ=ON >/dev/null
	@cmake --build $(SAN_BUILD) -j $(JOBS)
	@cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# output/* misses the hidden temporary files (.NAME.koho-tmp-XXXXXX) a
# killed koho leaves; find removes those.
clean:
	rm -rf $(BUILD) $(SAN_BUILD) output/*
	find output -maxdepth 1 -name '.*.koho-tmp-*' -delete 2>/dev/null || true
