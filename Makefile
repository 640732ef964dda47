# The two commands of the README. Each installs missing Debian packages first (scripts/setup-deps.sh).
#   make run    configure, build (release) and start PoolScope
#   make test   the same set-up, then every test: release suite, GUI tests under Xvfb, the browser build and
#               its headless-Chromium test, ASan+UBSan suite, fuzzing
#   make web    PoolScope in the browser: build-web/ (serve it: python3 -m http.server -d build-web)
#   make deb    the Debian package build/poolscope_<version>_<arch>.deb (sudo apt install ./build/poolscope_*.deb)
#   make site   build-site/: the web version and its lessons, ready for any static web host (README inside)
#   make python the notebook package's web page in python/poolscope/web/; then pip install ./python
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local

.PHONY: setup build run test test-release test-asan test-fuzz bench bench-app install deb clean web bench-web site \
	python

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

# The WebAssembly build (emscripten, issue 19); the release suite builds and tests it too (label web).
web: setup
	@cmake --preset web >/dev/null
	@cmake --build --preset web -j $(JOBS)

# A folder for any static host (issue 31): the app, lessons.html and the lessons, offline after one visit.
site: web
	@/usr/bin/python3 scripts/make_site.py build-web lessons build-site

# The notebook package (python/, issue 31) carries the web build as one page; pip install ./python packs it.
python: web
	@mkdir -p python/poolscope/web
	@cp build-web/poolscope-notebook.html python/poolscope/web/
	@echo "python: python/poolscope/web/poolscope-notebook.html; now pip install ./python"

# Its download size (gzip -9) and first-frame time in headless Chromium.
bench-web: web
	@bench/web_bench.sh

# ASan + UBSan (clang, issue 34: one tree for the tests and the fuzzers).
test-asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan

# Under libFuzzer (ASan + UBSan, the asan tree): the lesson loader for 30 s, seeded with the shipped lessons and
# the broken fixtures; then `poolscope compute` lines, `poolscope shape` arguments, networks (JSON) and the
# window's options for 20 s each, seeded with the hostile inputs of issue 12 (fuzz/seeds); then `poolscope
# export` arguments and `poolscope fmt` on a lesson file for 20 s each (issue 28). Two at a time on two cores
# (fuzz/run_fuzzers.sh: each is one process, so each still gets its whole budget). Corpora: build-asan/fuzz-corpus/.
test-fuzz: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS) --target poolscope_fuzzers
	@JOBS=$(JOBS) fuzz/run_fuzzers.sh build-asan

bench: setup
	@POOLSCOPE_WITH_TORCH=1 scripts/setup-deps.sh
	@cmake --preset bench >/dev/null
	@cmake --build --preset bench -j $(JOBS)
	@BUILD_DIR=build-bench bench/app_bench.sh
	@bench/run.sh

# The app's rows alone (frame times under Xvfb, idle CPU, the frame-time ratio to the ImGui demo peer):
# bench/app_bench.sh on the release build.
bench-app: build
	@bench/app_bench.sh

install: build
	cmake --install build --prefix $(PREFIX)

# The Debian package, build/poolscope_<version>_<arch>.deb (issue 32): CPack packs the release build with the
# same install rules under /usr (packaging/deb.cmake). Install it with `sudo apt install ./build/poolscope_*.deb`.
deb: build
	@cpack --config build/CPackConfig.cmake -B build | grep -F "package:" || { echo "make deb: cpack failed"; exit 1; }

clean:
	rm -rf build build-debug build-asan build-bench build-fuzz build-web build-site python/poolscope/web
