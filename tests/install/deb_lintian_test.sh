#!/bin/bash
# lintian, as Debian checks its own packages, on the Debian package: fails on any error or warning (a
# warning the project accepts would be overridden in the package, with its reason). Info tags are shown.
# Usage: deb_lintian_test.sh DEB_DIR
set -u
debs=("$1"/poolscope_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || { echo "deb_lintian_test: FAIL: no package in $1 (the fixture install.deb_build makes it)"; exit 1; }
command -v lintian >/dev/null || { echo "deb_lintian_test: FAIL: lintian missing (scripts/setup-deps.sh installs it)"; exit 1; }
# lintian warns on stderr when run as root, as tests here are; the tags go to stdout.
if lintian --fail-on error,warning --display-info --no-tag-display-limit "$deb" 2>/dev/null; then
    echo "deb_lintian_test: ok: lintian reports no error and no warning on $(basename "$deb")"
else
    echo "deb_lintian_test: FAIL: lintian reports errors or warnings on $(basename "$deb") (above)"
    exit 1
fi
