# The two commands of the README. Each installs missing Debian packages first (scripts/setup-deps.sh).
#   make run    configure, build (release) and start PoolScope
#   make test   the same set-up, then every test: release suite, GUI tests under Xvfb, ASan+UBSan suite, fuzzing
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local

.PHONY: setup build run test test-release test-asan test-fuzz bench bench-app install clean

setup:
	@scripts/setup-deps.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

run: build
	./build/poolscope $(ARGS)

test: test-release test-asan test-fuzz

test-release: build
	@ctest --preset release

test-asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan

# The lesson loader under libFuzzer for 30 s, seeded with the shipped lessons and the broken fixtures.
test-fuzz: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@mkdir -p build-fuzz/corpus
	@build-fuzz/fuzz/lesson_loader_fuzzer -dict=fuzz/lesson.dict -max_total_time=30 -timeout=10 -rss_limit_mb=2048 \
		build-fuzz/corpus lessons tests/lessons/fixtures 2>build-fuzz/fuzz.log \
		&& tail -1 build-fuzz/fuzz.log || (tail -40 build-fuzz/fuzz.log; exit 1)

bench: setup
	@POOLSCOPE_WITH_TORCH=1 scripts/setup-deps.sh
	@cmake --preset bench >/dev/null
	@cmake --build --preset bench -j $(JOBS)
	@BUILD_DIR=build-bench bench/app_bench.sh
	@bench/run.sh

# The app's rows alone (frame times under Xvfb, idle CPU): bench/app_bench.sh on the release build.
bench-app: build
	@bench/app_bench.sh

install: build
	cmake --install build --prefix $(PREFIX)

clean:
	rm -rf build build-debug build-asan build-bench build-fuzz
