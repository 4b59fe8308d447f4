#!/usr/bin/env bash
# The man page stays true: it carries the project version, formats without
# groff warnings, and documents every command the built shell's `help` lists.
# usage: check-man.sh MAN-PAGE VERSION VIREO-SHELL
set -u

man=$1 version=$2 shell=$3
# tools/meson.build may build the shell in tools/ or in tools/vireo/.
[ -d "$shell" ] && shell=$shell/vireo
n=0 failed=0

result() { # result STATUS NAME [DIRECTIVE]
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2${3:+ # $3}"; else
        echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

commands=()
if [ -x "$shell" ]; then
    # virsh's help layout: four spaces, the command, two or more spaces, text.
    mapfile -t commands < <("$shell" help 2>/dev/null |
        sed -n 's/^    \([a-z][a-z0-9-]*\)  .*/\1/p')
fi
echo "1..$(( 3 + ${#commands[@]} ))"

grep -q "^\.TH VIREO 1 .*\"vireo $version\"" "$man"
result $? ".TH names vireo $version"

if command -v groff >/dev/null; then
    out=$(groff -man -ww -z "$man" 2>&1)
    [ -z "$out" ]
    result $? "groff -man -ww reports nothing"
    [ -n "$out" ] && sed 's/^/# /' <<<"$out"
else
    result 0 "groff -man -ww reports nothing" "SKIP groff is not installed"
fi

if [ -x "$shell" ]; then
    [ "${#commands[@]}" -gt 0 ]
    result $? "\`vireo help\` lists commands"
else
    result 0 "\`vireo help\` lists commands" "SKIP $shell is not built"
fi

# A command is documented when it appears in bold (.B/.BR/.BI or \fB).
for c in "${commands[@]}"; do
    pat=${c//-/\\\\-}
    grep -Eq "(^\.B[IR]? \"?${pat}[\" ]|^\.B[IR]? \"?$pat\"?$|\\\\fB$pat\\\\fP)" "$man"
    result $? "documents $c"
done
[ "$failed" -eq 0 ]
