# shellcheck shell=bash
# TAP helpers shared by the tests/compat runners (sourced, not executed).
# Each runner declares its plan with tap_plan, then one tap_ok/tap_fail per
# case; tap_done exits 1 if any case failed.

TAP_N=0
TAP_FAILED=0

tap_plan() {
    echo "1..$1"
}

# A '#' in a description would start a TAP directive: escape it.
tap_desc() {
    printf '%s' "${1//#/\\#}"
}

tap_ok() {
    TAP_N=$((TAP_N + 1))
    echo "ok $TAP_N - $(tap_desc "$1")"
}

tap_fail() {
    TAP_N=$((TAP_N + 1))
    TAP_FAILED=$((TAP_FAILED + 1))
    echo "not ok $TAP_N - $(tap_desc "$1")"
}

tap_skip() {
    TAP_N=$((TAP_N + 1))
    echo "ok $TAP_N - $(tap_desc "$1") # SKIP $2"
}

# tap_check NAME CMD...: one case that passes when CMD succeeds.
tap_check() {
    local name=$1
    shift
    if "$@"; then tap_ok "$name"; else tap_fail "$name"; fi
}

# tap_diag FILE: show a file as TAP diagnostics (lines starting with "# ").
tap_diag() {
    sed -e 's/^/# /' "$1"
}

# Emit the cases that were planned but never run as failures, so a runner
# that stops early still accounts for its whole plan.
tap_fail_rest() {
    local planned=$1 why=$2
    while [ "$TAP_N" -lt "$planned" ]; do
        tap_fail "$why"
    done
}

tap_done() {
    [ "$TAP_FAILED" -eq 0 ]
    exit $?
}
