#!/usr/bin/env bash
# Installs the build into a scratch DESTDIR and builds the libvirt client
# program against the installed headers and library through vireo.pc, as a
# user of the installed package would, then runs it.
# usage: check-pkgconfig.sh MESON BUILD-DIR PREFIX LIBDIR VERSION SANITIZE
#                           CLIENT.C EXPECTED RUN-CLIENT.SH
set -u
. "$(dirname "$0")/tap.sh"

meson=$1 build=$2 prefix=$3 libdir=$4 version=$5 sanitize=$6
client_src=$7 expected=$8 run_client=$9
PLAN=9

tap_plan $PLAN
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest=$work/dest
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac

stop() {
    tap_fail "$1"
    [ -s "$work/log" ] && tap_diag "$work/log"
    tap_fail_rest $PLAN "not run: $1 failed"
    tap_done
}

"$meson" install -C "$build" --no-rebuild --quiet --destdir "$dest" \
    >"$work/log" 2>&1 || stop "meson install --destdir"
tap_ok "meson install --destdir"

pcdir=$dest$libdir/pkgconfig
[ -f "$pcdir/vireo.pc" ] || stop "vireo.pc installed in $libdir/pkgconfig"
tap_ok "vireo.pc installed in $libdir/pkgconfig"

# What a packaged vireo must carry besides the library.
if [ -n "$(find "$dest" -path '*/man1/vireo.1*' -print -quit)" ]; then
    tap_ok "man page vireo.1 installed"
else
    tap_fail "man page vireo.1 installed"
fi
if [ -x "$dest$prefix/bin/vireo" ]; then
    tap_ok "the vireo shell installed in $prefix/bin"
else
    tap_fail "the vireo shell installed in $prefix/bin"
fi

pc() {
    PKG_CONFIG_PATH=$pcdir PKG_CONFIG_LIBDIR=$pcdir \
        pkg-config --define-variable=prefix="$dest$prefix" "$@"
}
got=$(pc --modversion vireo 2>"$work/log") || got=""
if [ "$got" != "$version" ]; then
    stop "pkg-config --modversion vireo is $version (got '$got')"
fi
tap_ok "pkg-config --modversion vireo is $version"

if ! cflags=$(pc --cflags vireo 2>"$work/log") ||
   ! libs=$(pc --libs vireo 2>"$work/log"); then
    stop "pkg-config --cflags --libs vireo"
fi
tap_ok "pkg-config --cflags --libs vireo"

san=()
if [ -n "$sanitize" ] && [ "$sanitize" != none ]; then
    san=("-fsanitize=$sanitize")
fi
# shellcheck disable=SC2086 # pkg-config output is a word list
cc -std=gnu11 -Wall -Werror "${san[@]}" $cflags -c "$client_src" \
    -o "$work/client.o" >"$work/log" 2>&1 ||
    stop "compile the libvirt client against installed <libvirt/libvirt.h>"
tap_ok "compile the libvirt client against installed <libvirt/libvirt.h>"

# shellcheck disable=SC2086
cc "${san[@]}" "$work/client.o" $libs -o "$work/client" >"$work/log" 2>&1 ||
    stop "link the libvirt client with pkg-config --libs vireo"
tap_ok "link the libvirt client with pkg-config --libs vireo"

if LD_LIBRARY_PATH=$dest$libdir "$run_client" "$work/client" "$expected" \
    libvireo >"$work/log" 2>&1; then
    tap_ok "the installed client prints what libvirt prints"
else
    tap_fail "the installed client prints what libvirt prints"
    grep -e '^not ok' -e '^#' "$work/log" | tap_diag /dev/stdin
fi
tap_done
