#!/bin/bash
# The Debian package as dpkg and a lab administrator see it:
#  - dpkg-deb --info: name, version, architecture, and Depends: a package for every shared library the
#    executable needs (dpkg-shlibdeps' work, checked against the binary itself) and the fonts;
#  - its files: the expected ones, all under /usr, owned by root, 0755/0644; the executable stripped, PIE,
#    RELRO + BIND_NOW, fortified, stack-protected, without RPATH; the changelog parses for this version; the
#    man page renders without groff warnings and names every command and window option the program has;
#  - dpkg --root: installed into a throwaway root and purged again, nothing of it stays behind.
# Never touches the real system's dpkg database. Usage: deb_package_test.sh DEB_DIR VERSION
set -u
debs=("$1"/poolscope_*.deb)
deb=${debs[0]}
version=$2
fail=0
say() { echo "deb_package_test: $*"; }
bad() { say "FAIL: $*"; fail=1; }

[ -f "$deb" ] || { bad "no package in $1 (the fixture install.deb_build makes it)"; exit 1; }
tmp=$(mktemp -d /tmp/poolscope-deb-package-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
arch=$(dpkg --print-architecture)

# --- control data -------------------------------------------------------------------------------------
[ "$(basename "$deb")" = "poolscope_${version}_${arch}.deb" ] || bad "file name $(basename "$deb")"
dpkg-deb --info "$deb" >"$tmp/info" || { bad "dpkg-deb --info failed"; exit 1; }
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = poolscope ] || bad "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || bad "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] || bad "Architecture: $(field Architecture)"
for f in Maintainer Description Section Installed-Size; do
    [ -n "$(field $f)" ] || bad "no $f field"
done
depends=$(field Depends)
say "Depends: $depends"
grep -q "^ Depends: " "$tmp/info" || bad "dpkg-deb --info lists no Depends"
# The package names in Depends (alternatives included, versions dropped).
echo "$depends" | tr ',|' '\n\n' | sed -e 's/(.*)//' -e 's/^ *//' -e 's/ *$//' | sort -u >"$tmp/depends"
for p in fonts-dejavu-core fonts-wqy-microhei libc6 libglfw3 libgl1; do
    grep -qx "$p" "$tmp/depends" || bad "Depends lacks $p"
done
echo "$depends" | grep -q "libc6 (>= " || bad "Depends has no versioned libc6 (dpkg-shlibdeps did not run?)"

# --- files -----------------------------------------------------------------------------------------------
dpkg-deb --contents "$deb" >"$tmp/contents" || bad "dpkg-deb --contents failed"
awk '{print $2}' "$tmp/contents" | grep -v -x root/root | sort -u | sed 's/^/owner /' >"$tmp/owners"
[ -s "$tmp/owners" ] && bad "files not owned by root/root: $(cat "$tmp/owners")"
awk '$6 !~ /^\.\/(usr\/.*)?$/ {print $6}' "$tmp/contents" | head -3 >"$tmp/outside"
[ -s "$tmp/outside" ] && bad "files outside /usr: $(cat "$tmp/outside")"
awk '($1 ~ /^d/ && $1 != "drwxr-xr-x") || ($1 ~ /^-/ && $1 != "-rw-r--r--" && $6 != "./usr/bin/poolscope") \
     {print $1, $6}' "$tmp/contents" >"$tmp/modes"
[ -s "$tmp/modes" ] && bad "unusual permissions: $(head -3 "$tmp/modes")"
app_id=io.github.poolscope.PoolScope
for f in usr/bin/poolscope usr/share/man/man1/poolscope.1.gz \
         usr/share/doc/poolscope/copyright usr/share/doc/poolscope/changelog.gz \
         usr/share/poolscope/lessons/01-pool2d-from-scratch.json usr/share/poolscope/lessons/schema.json \
         usr/share/poolscope/shaders/pool.frag usr/share/poolscope/assets/images/landscape.png \
         usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/$app_id.svg usr/share/icons/hicolor/256x256/apps/$app_id.png; do
    grep -q " \./$f\$" "$tmp/contents" || bad "not in the package: /$f"
done
grep " \./usr/bin/poolscope\$" "$tmp/contents" | grep -q "^-rwxr-xr-x" || bad "/usr/bin/poolscope is not 0755"

root=$tmp/unpacked
dpkg-deb -x "$deb" "$root" || { bad "dpkg-deb -x failed"; exit 1; }
exe=$root/usr/bin/poolscope

# Every shared library the executable needs comes from a package in Depends: ldd finds the file, dpkg the
# package that installed it (by its folder and name: /lib and /usr/lib are one folder since Debian 12, and
# the folder tells x86_64-linux-gnu from the 32-bit copies).
ldd "$exe" | sed -n 's/^\s*\(\S*\) => \(\S*\) .*/\1 \2/p' >"$tmp/libs"
[ -s "$tmp/libs" ] || bad "ldd lists no shared libraries"
while read -r lib path; do
    real=$(readlink -f "$path")
    owner=$(dpkg -S "*/$(basename "$(dirname "$real")")/$(basename "$real")" 2>/dev/null | sed -n '1s/[:,].*//p')
    if [ -z "$owner" ]; then
        bad "no installed package holds $lib ($path)"
    elif ! grep -qx "$owner" "$tmp/depends"; then
        bad "$lib comes from $owner, which is not in Depends"
    fi
done < <(grep -F -f <(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p') "$tmp/libs")

# The executable as Debian's hardening and lintian want it.
readelf -SW "$exe" | grep -q -e ' \.symtab ' -e ' \.debug_' && bad "/usr/bin/poolscope is not stripped"
readelf -dW "$exe" >"$tmp/dynamic"
grep -q -e '(RPATH)' -e '(RUNPATH)' "$tmp/dynamic" && bad "/usr/bin/poolscope has an RPATH: $(grep PATH "$tmp/dynamic")"
grep -q -e 'BIND_NOW' -e 'Flags:.* NOW' "$tmp/dynamic" || bad "not linked with -z now"
readelf -lW "$exe" | grep -q GNU_RELRO || bad "not linked with -z relro"
readelf -hW "$exe" | grep -q 'Type: *DYN' || bad "not a position-independent executable"
readelf --dyn-syms -W "$exe" >"$tmp/symbols"
grep -q '__[a-z_]*_chk' "$tmp/symbols" || bad "no fortified libc calls (-D_FORTIFY_SOURCE=2)"
grep -q '__stack_chk_fail' "$tmp/symbols" || bad "no stack protector (-fstack-protector-strong)"

# The changelog is a Debian changelog for this version.
zcat "$root/usr/share/doc/poolscope/changelog.gz" >"$tmp/changelog" || bad "changelog.gz is not gzip"
logged=$(dpkg-parsechangelog -l "$tmp/changelog" -S Version 2>&1)
[ "$logged" = "$version" ] || bad "the changelog's latest version is '$logged', expected $version"
head -1 "$root/usr/share/doc/poolscope/copyright" |
    grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
    bad "the copyright file is not in Debian's machine-readable format"

# The man page: renders cleanly (as lintian renders it) and covers the program's own help.
page=$root/usr/share/man/man1/poolscope.1.gz
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" >/dev/null 2>"$tmp/man.err"
[ -s "$tmp/man.err" ] && bad "man reports: $(head -5 "$tmp/man.err")"
LC_ALL=C.UTF-8 MANWIDTH=200 man -E UTF-8 -l "$page" 2>/dev/null | col -b >"$tmp/man.txt"
grep -q "^NAME" "$tmp/man.txt" && grep -q "^SYNOPSIS" "$tmp/man.txt" && grep -q "^OPTIONS" "$tmp/man.txt" ||
    bad "the man page lacks NAME, SYNOPSIS or OPTIONS"
"$exe" --help >"$tmp/help"
for command in $(sed -n 's/^\(usage:\)\? *poolscope \([a-z][a-z]*\).*/\2/p' "$tmp/help"); do
    grep -q "^ *poolscope $command\b" "$tmp/man.txt" || bad "the man page does not describe 'poolscope $command'"
done
options=$(sed -n '/^Window options/,$p' "$tmp/help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || bad "poolscope --help lists no window options"
for option in $options; do
    grep -q -- "$option" "$tmp/man.txt" || bad "the man page does not mention $option"
done

# --- dpkg --root: install into a throwaway root, purge, nothing left -------------------------------------
target=$tmp/target
mkdir -p "$target/var/lib/dpkg/info" "$target/var/lib/dpkg/updates"
touch "$target/var/lib/dpkg/status"
export PATH=$PATH:/usr/sbin:/sbin  # dpkg wants ldconfig and start-stop-daemon in the PATH, even with --root
dpkg_root() {
    # The fake root's database knows none of the dependencies: install anyway (the files are what matter).
    if [ "$EUID" -eq 0 ]; then
        dpkg --root="$target" --log="$tmp/dpkg.log" --force-depends "$@"
    else
        fakeroot dpkg --root="$target" --log="$tmp/dpkg.log" --force-depends --force-not-root "$@"
    fi
}
list_files() { (cd "$target" && find . -path ./var/lib/dpkg -prune -o -print | sort); }
list_files >"$tmp/before"
if dpkg_root --install "$deb" >"$tmp/install.log" 2>&1; then
    dpkg-query --admindir="$target/var/lib/dpkg" -W -f='${Status}' poolscope | grep -q "install ok installed" ||
        bad "dpkg does not list poolscope as installed"
    [ -x "$target/usr/bin/poolscope" ] || bad "dpkg --install did not put /usr/bin/poolscope in place"
    installed=$(dpkg-query --admindir="$target/var/lib/dpkg" -L poolscope | wc -l)
    "$target/usr/bin/poolscope" --version >/dev/null || bad "the dpkg-installed poolscope does not run"
    if dpkg_root --purge poolscope >"$tmp/purge.log" 2>&1; then
        list_files >"$tmp/after"
        if ! diff -u "$tmp/before" "$tmp/after" >"$tmp/left"; then
            bad "dpkg --purge left files behind:"
            grep '^[-+]\./' "$tmp/left" | head -20
        fi
        dpkg-query --admindir="$target/var/lib/dpkg" -W -f='${Status}' poolscope 2>/dev/null |
            grep -q "ok installed" && bad "dpkg still lists poolscope after --purge"
        say "dpkg --root installed $installed paths and purged them all"
    else
        cat "$tmp/purge.log"
        bad "dpkg --purge failed"
    fi
else
    cat "$tmp/install.log"
    bad "dpkg --install into a throwaway root failed"
fi

[ $fail -eq 0 ] && say "ok: $(basename "$deb")"
exit $fail
