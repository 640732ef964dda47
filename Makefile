# The two commands of the README. Each installs missing Debian packages first (scripts/setup-deps.sh).
#   make run    configure, build (release) and start PoolScope
#   make test   the same set-up, then every test: release suite, GUI tests under Xvfb, ASan+UBSan suite
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local

.PHONY: setup build run test test-release test-asan bench install clean

setup:
	@scripts/setup-deps.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

run: build
	./build/poolscope $(ARGS)

test: test-release test-asan

test-release: build
	@ctest --preset release

test-asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan

bench: setup
	@POOLSCOPE_WITH_TORCH=1 scripts/setup-deps.sh
	@cmake --preset bench >/dev/null
	@cmake --build --preset bench -j $(JOBS)
	@bench/run.sh

install: build
	cmake --install build --prefix $(PREFIX)

clean:
	rm -rf build build-debug build-asan build-bench build-fuzz
