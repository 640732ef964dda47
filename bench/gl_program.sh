#!/usr/bin/env bash
# Builds one of bench/'s plain OpenGL programs (llvmpipe_floor.c, llvmpipe_paths.c: GLFW and the build's
# generated glad loader, no ImGui) into OUT. Needs a configured build (BUILD_DIR, default build).
# Usage: bench/gl_program.sh SOURCE.c OUT
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build=${BUILD_DIR:-$root/build}
[[ -f "$build/glad/src/gl.c" ]] || { echo "$(basename "$1" .c): no $build/glad (run make build first)" >&2; exit 2; }
cc -O2 -Wall -Wextra "$1" "$build/glad/src/gl.c" -I"$build/glad/include" -lglfw -ldl -o "$2"
