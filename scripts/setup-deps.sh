#!/usr/bin/env bash
# Installs the Debian 12 packages PoolScope needs to build, test and run. Idempotent: silent and quick
# when everything is present; otherwise one apt-get install of just the missing packages.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev llvm-14 lld-14
  libimgui-dev libglfw3-dev libfreetype-dev libfontconfig-dev libstb-dev libgif-dev python3-glad
  nlohmann-json3-dev fonts-dejavu-core
  libgtest-dev libgmock-dev libbenchmark-dev
  fontconfig fonts-wqy-microhei
  xvfb xauth xdotool x11-utils libgl1-mesa-dri
  desktop-file-utils appstream
  python3-jsonschema python3-numpy python3-pil
  emscripten dpkg-dev python3-fonttools fonts-dejavu-core chromium
  lintian fakeroot
  python3-venv python3-nbclient python3-nbformat python3-ipykernel
)
# clang builds the asan tree (tests and fuzzers, ASan + UBSan) and links it with lld (5x quicker than ld.bfd
# on its large instrumented programs); llvm-14's llvm-symbolizer-14 puts file:line in the sanitizers' traces.
# The emscripten line is the browser build (make web, issue 19): emscripten compiles the app to WebAssembly,
# dpkg-dev unpacks ImGui's Debian source package, fonttools cuts the fonts down, and the test drives a
# headless Chromium.
# `make deb` (issue 32): dpkg-dev computes the package's dependencies, lintian checks it, fakeroot lets its
# tests install it into a throwaway root without being root.
# The notebook package (python/, issue 31): its test pip-installs it into a fresh virtual environment
# (python3-venv) and runs a notebook with nbclient in a real IPython kernel.
# PyTorch is only the reference for golden data and the speed baseline; tests never need it (with it,
# python.torch and the notebook test also check torch.nn layers and tensors; without it they skip).
if [[ "${POOLSCOPE_WITH_TORCH:-0}" == 1 ]]; then packages+=(python3-torch); fi
# Only python/notebook_screenshot.py (the README's notebook picture) serves pages with Jupyter Notebook itself.
if [[ "${POOLSCOPE_WITH_NOTEBOOK:-0}" == 1 ]]; then packages+=(jupyter-notebook); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
sudo_cmd=()
((EUID == 0)) || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
