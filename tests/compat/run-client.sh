#!/usr/bin/env bash
# Runs a libvirt client program (tests/compat/libvirt-client.c built against
# vireo or against libvirt) on test:///default and checks, line by line,
# that it prints exactly what libvirt 9.0 prints (client.expected).
# usage: run-client.sh CLIENT EXPECTED LIBRARY-SONAME-PREFIX [URI]
set -u
. "$(dirname "$0")/tap.sh"

client=$1
expected=$2
want_lib=$3
uri=${4:-test:///default}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t want < "$expected"
tap_plan $(( ${#want[@]} + 4 ))

needed=$(readelf -d "$client" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if grep -q "^$want_lib\.so" <<<"$needed"; then
    tap_ok "linked against $want_lib.so"
else
    tap_fail "linked against $want_lib.so"
    echo "# NEEDED: $(tr '\n' ' ' <<<"$needed")"
fi

"$client" "$uri" >"$work/out" 2>"$work/err" </dev/null
rc=$?
if [ "$rc" -eq 0 ]; then
    tap_ok "exit status 0"
else
    tap_fail "exit status 0 (got $rc)"
fi

mapfile -t got < "$work/out"
for i in "${!want[@]}"; do
    if [ "${got[$i]-<missing line>}" == "${want[$i]}" ]; then
        tap_ok "line $((i + 1)): ${want[$i]}"
    else
        tap_fail "line $((i + 1)): ${want[$i]}"
        echo "#      got: ${got[$i]-<missing line>}"
    fi
done

if [ "${#got[@]}" -le "${#want[@]}" ]; then
    tap_ok "no extra output lines"
else
    tap_fail "no extra output lines"
    printf '#    extra: %s\n' "${got[@]:${#want[@]}}"
fi

if [ ! -s "$work/err" ]; then
    tap_ok "nothing on stderr (the program installs a quiet error handler)"
else
    tap_fail "nothing on stderr (the program installs a quiet error handler)"
    tap_diag "$work/err"
fi
tap_done
