#!/usr/bin/env bash
# The runner's own behaviour, which the conformance runs themselves never
# exercise: refusal of leftover conform-* objects and --force, cleanup after
# a crashed or hung case (on a sim node with a state directory, which
# outlives each process), deviation entries (stale, malformed, not matching),
# --no-skip, repeated --case, and an unwritable --junit file.
# usage: test-runner.sh VIREO-CONFORM VIREO-SHELL VIREO-CONFORM-LIBVIRT|none DEVIATIONS
set -u

conform=$1 shell=$2 lvconform=$3 deviations=$4
work=$(mktemp -d /tmp/vireo-conform-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
uri="sim:///default?statedir=$work/state"
hook=VIREO_CONFORM_TEST_HOOK
# The crash cases need the real SIGSEGV: under AddressSanitizer (./run
# sanitize) ASan would catch it and exit 1 instead.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0"
n=0 failed=0

check() { # check STATUS NAME [DETAIL]
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
        echo "not ok $n - $2"; [ -n "${3:-}" ] && sed 's/^/# /' <<<"$3"; failed=1; fi
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
has() { grep -qF -- "$2" <<<"$1"; }   # has TEXT NEEDLE
# run OUTVAR RCVAR ARGS...: runs the runner, stdout and stderr together
run() { local -n _o=$1 _r=$2; shift 2; _o=$("$@" 2>&1); _r=$?; }
# Every conform-* object the node on $uri has.
leftnames() {
    { "$shell" -c "$uri" list --all; "$shell" -c "$uri" net-list --all
      "$shell" -c "$uri" pool-list --all; } 2>&1 | grep -o 'conform-[a-z0-9-]*'
}
# ... and every file of the state directory named after one.
leftovers() {
    leftnames
    find "$work/state" -name '*conform-*' 2>/dev/null
}

echo "1..25"

# ---- leftovers: refused with exit 2, removed by --force ----
cat >"$work/d.xml" <<'EOF'
<domain type='test'><name>conform-left-d</name><memory>1048576</memory>
<vcpu>1</vcpu><os><type>hvm</type></os></domain>
EOF
cat >"$work/n.xml" <<'EOF'
<network><name>conform-left-n</name><bridge name='vrcleft0'/></network>
EOF
cat >"$work/p.xml" <<EOF
<pool type='dir'><name>conform-left-p</name><target><path>$work/pool</path></target></pool>
EOF
out=$({ "$shell" -c "$uri" define "$work/d.xml" && "$shell" -c "$uri" start conform-left-d &&
        "$shell" -c "$uri" net-define "$work/n.xml" &&
        "$shell" -c "$uri" pool-define "$work/p.xml"; } 2>&1)
check $? "seed a running domain, a network and a pool named conform-left-* in a state directory" "$out"

run out rc "$conform" --uri "$uri" --case 'domain/060*'
[ "$rc" -eq 2 ] && has "$out" "vireo-conform: refusing to start: conform-* objects exist on $uri: " &&
    has "$out" "or pass --force to have them removed"
check $? "leftovers refuse the run with exit 2 (got $rc)" "$out"
has "$out" conform-left-d && has "$out" conform-left-n && has "$out" conform-left-p &&
    ! has "$out" "PASS"
check $? "the refusal names each leftover, and no case ran" "$out"
left=$(leftnames | sort -u | tr '\n' ' ')
[ "$left" = "conform-left-d conform-left-n conform-left-p " ]
check $? "a refused run changes nothing (still there: $left)"

run out rc "$conform" --uri "$uri" --force --case 'domain/060*'
[ "$rc" -eq 0 ] && has "$out" "PASS domain/060-persistent-lifecycle"
check $? "--force removes them and the run proceeds (exit $rc)" "$out"
left=$(leftovers)
[ -z "$left" ]
check $? "after --force no conform-* object or file remains" "$left"

# ---- a case that crashes or hangs: the runner cleans up after it ----
run out rc env "$hook=domain/060-persistent-lifecycle:7:segv" \
    "$conform" --uri "$uri" --case 'domain/060*'
[ "$rc" -eq 1 ] && has "$out" "FAIL domain/060-persistent-lifecycle (step 7: \
virDomainGetState(conform-p1): crashed: signal 11 (Segmentation fault))"
check $? "a case killed by SIGSEGV after starting a persistent domain FAILs (exit $rc)" "$out"
left=$(leftovers)
[ -z "$left" ]
check $? "after the crash no conform-* object or file remains" "$left"

run out rc env "$hook=network/020-persistent-lifecycle:4:hang" \
    "$conform" --uri "$uri" --timeout 1 --case 'network/020*'
[ "$rc" -eq 1 ] && has "$out" "FAIL network/020-persistent-lifecycle (step 4: " &&
    has "$out" "timed out after 1 s)"
check $? "a case hung after defining a network FAILs as timed out (exit $rc)" "$out"
left=$(leftovers)
[ -z "$left" ]
check $? "after the timeout no conform-* object or file remains" "$left"

# ---- deviation entries ----
printf '## domain/060-persistent-lifecycle\n\nexpect: step 3 succeeded\n' >"$work/stale.md"
run out rc "$conform" --uri sim:///default --case 'domain/060*' --expect-deviations "$work/stale.md"
[ "$rc" -eq 1 ] && has "$out" "FAIL domain/060-persistent-lifecycle (listed as a deviation \
(expect: step 3 succeeded) but passed: the deviation file is out of date, remove the entry)" &&
    has "$out" "1 cases listed as deviations passed: remove their entries from $work/stale.md"
check $? "a listed case that passes FAILs: stale deviation file (exit $rc)" "$out"
run out rc "$conform" --uri sim:///default --tap --case 'domain/060*' \
    --expect-deviations "$work/stale.md"
[ "$rc" -eq 1 ] && has "$out" "not ok 1 - domain/060-persistent-lifecycle" &&
    ! grep -q '^ok ' <<<"$out"
check $? "... and is 'not ok' in TAP" "$out"

printf '## domain/060-persistent-lifecycle\n\nno expectation here\n\n# Notes\n' >"$work/bad1.md"
run out rc "$conform" --uri sim:///default --case 'domain/060*' --expect-deviations "$work/bad1.md"
[ "$rc" -eq 2 ] && has "$out" "$work/bad1.md:5: entry domain/060-persistent-lifecycle has no \
'expect:' line"
check $? "an entry without an expect: line stops the run with exit 2 (got $rc)" "$out"
printf '## domain/060-persistent-lifecycle\nexpect: step 3 failed\n' >"$work/bad2.md"
run out rc "$conform" --uri sim:///default --case 'domain/060*' --expect-deviations "$work/bad2.md"
[ "$rc" -eq 2 ] && has "$out" "$work/bad2.md:2: bad expectation 'step 3 failed': want "
check $? "a malformed expect: line names the file and line, exit 2 (got $rc)" "$out"
printf '## domain/060-persistent-lifecycle\nexpect: step 3 error VIR_ERR_NOPE\n' >"$work/bad3.md"
run out rc "$conform" --uri sim:///default --case 'domain/060*' --expect-deviations "$work/bad3.md"
[ "$rc" -eq 2 ] && has "$out" "$work/bad3.md:2: unknown error code 'VIR_ERR_NOPE'"
check $? "an unknown error code is refused, exit 2 (got $rc)" "$out"

# ---- --no-skip ----
run out rc env "$hook=domain/060-persistent-lifecycle:6:skip" \
    "$conform" --uri sim:///default --case 'domain/060*'
[ "$rc" -eq 0 ] && has "$out" "SKIP domain/060-persistent-lifecycle (virDomainCreate: not \
supported (test hook))"
check $? "without --no-skip an unsupported call SKIPs and the run passes (exit $rc)" "$out"
run out rc env "$hook=domain/060-persistent-lifecycle:6:skip" \
    "$conform" --uri sim:///default --no-skip --case 'domain/060*'
[ "$rc" -eq 1 ] && has "$out" "FAIL domain/060-persistent-lifecycle (skipped, and --no-skip \
forbids it; virDomainCreate: not supported (test hook))"
check $? "with --no-skip it FAILs naming the call (exit $rc)" "$out"

# ---- repeated --case, unwritable --junit ----
out=$("$conform" --list --case 'domain/060*' --case 'network/020*' --case 'nothing*' |
      awk '{print $1}' | tr '\n' ' ')
[ "$out" = "domain/060-persistent-lifecycle network/020-persistent-lifecycle " ]
check $? "repeated --case selects the union of the patterns" "$out"
out=$("$conform" --list --group lifecycle --group network --case '*/020*' |
      awk '{print $1}' | tr '\n' ' ')
[ "$out" = "domain/020-transient-recreate network/020-persistent-lifecycle " ]
check $? "repeated --group with --case selects the intersection of both unions" "$out"
run out rc env "$hook=domain/060-persistent-lifecycle:3:segv" "$conform" --uri sim:///default \
    --case 'domain/060*' --junit "$work/no/such/dir/report.xml"
[ "$rc" -eq 1 ] && has "$out" "cannot write $work/no/such/dir/report.xml"
check $? "an unwritable --junit file is reported and a failing run still exits 1 (got $rc)" "$out"
run out rc "$conform" --uri sim:///default --case 'domain/060*' \
    --junit "$work/no/such/dir/report.xml"
[ "$rc" -eq 2 ] && has "$out" "cannot write $work/no/such/dir/report.xml"
check $? "... and a passing run exits 2 (got $rc)"

# ---- deviations that do not match (real failures: the libvirt twin) ----
if [ "$lvconform" = none ] || [ ! -x "$lvconform" ]; then
    for t in "a wrong error code" "a wrong step" "a wrong mismatch glob" "libvirt --no-skip"; do
        skip "$t" "libvirt-dev not installed"
    done
else
    sed 's/^expect: step 5 error VIR_ERR_INVALID_ARG$/expect: step 5 error VIR_ERR_NO_SUPPORT/' \
        "$deviations" >"$work/code.md"
    run out rc "$lvconform" --uri test:///default --case 'network/208*' \
        --expect-deviations "$work/code.md"
    [ "$rc" -eq 1 ] && has "$out" "FAIL network/208-xml-inactive (not the documented \
deviation: expected step 5 error VIR_ERR_NO_SUPPORT, got step 5 error VIR_ERR_INVALID_ARG; step 5:"
    check $? "a listed case failing with another code FAILs, showing both (exit $rc)" "$out"
    sed 's/^expect: step 4 succeeded$/expect: step 3 succeeded/' "$deviations" >"$work/step.md"
    run out rc "$lvconform" --uri test:///default --case 'network/100*' \
        --expect-deviations "$work/step.md"
    [ "$rc" -eq 1 ] && has "$out" "expected step 3 succeeded, got step 4 succeeded"
    check $? "a listed case failing at another step FAILs (exit $rc)" "$out"
    sed "s|^expect: step 10 mismatch .*|expect: step 10 mismatch \"target path: expected '*/x'*\"|" \
        "$deviations" >"$work/glob.md"
    run out rc "$lvconform" --uri test:///default --case 'storage/026*' \
        --expect-deviations "$work/glob.md"
    [ "$rc" -eq 1 ] && has "$out" "not the documented deviation: expected step 10 mismatch"
    check $? "a listed case with another mismatch FAILs (exit $rc)" "$out"
    run out rc "$lvconform" --uri test:///default --no-skip --case 'network/600*'
    [ "$rc" -eq 1 ] && has "$out" "FAIL network/600-dhcp-leases (skipped, and --no-skip \
forbids it; virNetworkGetDHCPLeases: not supported)"
    check $? "libvirt's unsupported call FAILs with --no-skip (exit $rc)" "$out"
fi
exit $failed
