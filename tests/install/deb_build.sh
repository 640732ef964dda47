#!/bin/bash
# Makes the Debian package from this build for the deb tests (ctest fixture poolscope_deb): CPack, as
# `make deb` runs it, into OUT_DIR, which then holds exactly one poolscope_*.deb. Nothing is compiled: the
# release build is reused.
# Usage: deb_build.sh CPACK CPACK_CONFIG OUT_DIR
set -u
cpack=$1
config=$2
out=$3
rm -rf "$out"
mkdir -p "$out"
if ! "$cpack" --config "$config" -B "$out" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    echo "deb_build: FAIL: cpack could not make the package"
    exit 1
fi
debs=("$out"/poolscope_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    cat "$out/cpack.log"
    echo "deb_build: FAIL: expected one poolscope_*.deb in $out, found: ${debs[*]}"
    exit 1
fi
rm -rf "$out/_CPack_Packages"  # the staging tree: the package is what the tests look at
echo "deb_build: ${debs[0]} ($(stat -c %s "${debs[0]}") bytes)"
