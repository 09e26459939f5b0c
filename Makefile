# The two commands of the README:
#   make assets  — set up, build, render every layout in layouts/ into output/
#   make test    — set up, build, run every test
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all assets test bootstrap build media clean

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

clean:
	rm -rf $(BUILD) output/*
