#!/usr/bin/env bash
# libvireo.so must export the public API and nothing else: every defined
# dynamic symbol is a vir* name, and every name in include/vireo/api.list
# is there as a function (or, for virConnectAuthPtrDefault, initialized data).
# usage: check-exports.sh LIBVIREO.SO API.LIST
set -u
. "$(dirname "$0")/tap.sh"

lib=$1
list=$2

mapfile -t api < <(grep -v '^[[:space:]]*\(#\|$\)' "$list")
tap_plan $(( ${#api[@]} + 2 ))

# "ADDR TYPE NAME" lines; type A marks the version node (VIREO_0.1.0).
if ! syms=$(nm -D --defined-only "$lib" 2>&1); then
    tap_fail "nm -D reads $lib"
    echo "# $syms"
    tap_fail_rest $(( ${#api[@]} + 2 )) "not checked: nm failed"
    tap_done
fi
exported=$(awk '$2 != "A" { print $3 }' <<<"$syms" | sed 's/@.*//' | sort -u)
# T: a function; D: initialized data (the exported variables)
functions=$(awk '$2 == "T" || $2 == "D" { print $3 }' <<<"$syms" | sed 's/@.*//' | sort -u)

if [ -n "$exported" ]; then
    tap_ok "$(basename "$lib") exports symbols"
else
    tap_fail "$(basename "$lib") exports symbols"
fi

stray=$(grep -v '^vir' <<<"$exported")
if [ -z "$stray" ]; then
    tap_ok "only vir* symbols are exported"
else
    tap_fail "only vir* symbols are exported"
    echo "# not in the public namespace: $(tr '\n' ' ' <<<"$stray")"
fi

for name in "${api[@]}"; do
    if grep -qx "$name" <<<"$functions"; then
        tap_ok "exports $name"
    else
        tap_fail "exports $name"
    fi
done
tap_done
