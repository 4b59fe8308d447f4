#!/bin/sh
# vireo-sim as its users run it, in TAP: the seed printed first and the
# summary last, the same seed giving the same run, --replay reproducing a
# recorded trace and catching a tampered one, a violation printing the
# seed, the step and a command that reproduces it, and restarts of the node
# on its state directory keeping runs reproducible.
# usage: check-vireo-sim.sh VIREO_SIM
set -u
sim=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

check() {
    n=$((n + 1))
    if eval "$2"; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1"
        failed=1
    fi
}

summary_hash() {
    sed -n 's/^summary: .* trace=\([0-9a-f]*\) .*/\1/p' "$1"
}

echo "1..38"

"$sim" --seed 7 --steps 300 --trace "$tmp/trace" > "$tmp/out"
rc=$?
check "a workload exits 0" '[ $rc -eq 0 ]'
check "the seed is printed first" '[ "$(head -n 1 "$tmp/out")" = "seed: 7" ]'
check "the output ends with the summary line" \
    'tail -n 1 "$tmp/out" | grep -q "^summary: seed=7 steps=[0-9]* faults=[1-9][0-9]* invariants=[1-9][0-9]* trace=[0-9a-f]\{16\} result=ok$"'

"$sim" --seed 7 --steps 300 > "$tmp/again"
check "the same seed gives the same run" 'cmp -s "$tmp/out" "$tmp/again"'
"$sim" --seed 8 --steps 300 > "$tmp/other"
check "another seed gives another run" '[ "$(summary_hash "$tmp/out")" != "$(summary_hash "$tmp/other")" ]'

"$sim" --replay "$tmp/trace" > "$tmp/replay"
rc=$?
check "--replay of a recorded trace exits 0" '[ $rc -eq 0 ]'
check "--replay reproduces the trace hash" \
    '[ -n "$(summary_hash "$tmp/out")" ] && [ "$(summary_hash "$tmp/out")" = "$(summary_hash "$tmp/replay")" ]'

# change one recorded state line: the replay must stop there
line=$(grep -n ' state .* running ' "$tmp/trace" | sed -n 5p | cut -d: -f1)
sed "${line}s/ running / paused /" "$tmp/trace" > "$tmp/tampered"
"$sim" --replay "$tmp/tampered" > "$tmp/diverged"
rc=$?
check "a tampered trace fails the replay" '[ $rc -eq 1 ]'
check "the divergence names the trace line" \
    'grep -q "^VIOLATION at step [0-9]* (seed 7): replay: trace line $line: recorded" "$tmp/diverged"'

cat > "$tmp/broken.scen" <<'SCEN'
seed 11
suspend test
destroy test => ok
expect test running
SCEN
"$sim" --scenario "$tmp/broken.scen" > "$tmp/violation"
rc=$?
check "a violated expectation exits 1" '[ $rc -eq 1 ]'
check "the violation names the step and the seed" \
    'grep -q "^VIOLATION at step 3 (seed 11): expect: domain .test. is shutoff, expected running$" "$tmp/violation"'
check "the violation prints a reproduce command" \
    'grep -q "^reproduce: .*vireo-sim --seed 11 --scenario $tmp/broken.scen$" "$tmp/violation"'
check "the summary is still last" 'tail -n 1 "$tmp/violation" | grep -q "result=violation$"'

printf 'define web\nstart web sideways\n' > "$tmp/bad.scen"
"$sim" --scenario "$tmp/bad.scen" > /dev/null 2> "$tmp/err"
rc=$?
check "a malformed scenario names its line" \
    '[ $rc -eq 2 ] && grep -q "scenario .*bad.scen. line 2: wrong arguments for .start." "$tmp/err"'

printf 'net-define lab\nnet-frobnicate lab\n' > "$tmp/unknown.scen"
"$sim" --scenario "$tmp/unknown.scen" > /dev/null 2> "$tmp/err"
rc=$?
check "an unknown operation names its line" \
    '[ $rc -eq 2 ] && grep -q "scenario .*unknown.scen. line 2: unknown operation .net-frobnicate.$" "$tmp/err"'

printf 'pool-define p\n\n# a comment\nvol-resize p v 1m sideways\n' > "$tmp/flags.scen"
"$sim" --scenario "$tmp/flags.scen" > /dev/null 2> "$tmp/err"
rc=$?
check "a bad flag names its line and the flags there are" \
    '[ $rc -eq 2 ] && grep -q "scenario .*flags.scen. line 4: invalid flag or option .sideways. for .vol-resize. (shrink allocate delta)$" "$tmp/err"'

printf 'vol-create p v cap=lots\n' > "$tmp/size.scen"
"$sim" --scenario "$tmp/size.scen" > /dev/null 2> "$tmp/err"
rc=$?
check "a bad size is a bad option" \
    '[ $rc -eq 2 ] && grep -q "line 1: invalid flag or option .cap=lots. for .vol-create. (cap=SIZE alloc=SIZE)$" "$tmp/err"'

printf 'net-update lab dhcp-add 300\n' > "$tmp/host.scen"
"$sim" --scenario "$tmp/host.scen" > /dev/null 2> "$tmp/err"
rc=$?
check "a DHCP host out of range is wrong arguments" \
    '[ $rc -eq 2 ] && grep -q "line 1: wrong arguments for .net-update.$" "$tmp/err"'

# an upload whose content the model does not expect: the expectation and
# the content check both stand behind what the user reads back
cat > "$tmp/content.scen" <<'SCEN'
seed 3
vol-create default-pool v cap=64k
vol-upload default-pool v 0 64k fill=1 abort
vol-upload default-pool v 60k 8k fill=1 => error VIR_ERR_INVALID_ARG
expect-vol default-pool v present
vol-download default-pool v
SCEN
"$sim" --scenario "$tmp/content.scen" > "$tmp/out"
rc=$?
check "refused and aborted uploads leave the volume as it was" \
    '[ $rc -eq 0 ] && tail -n 1 "$tmp/out" | grep -q "result=ok$"'


# restarts: the node reopens on its state directory; runs still repeat
"$sim" --seed 7 --steps 1000 --trace "$tmp/rtrace" > "$tmp/rout"
rc=$?
check "a workload restarts its node now and then" \
    '[ $rc -eq 0 ] && grep -q " op restart$" "$tmp/rtrace" && grep -qx "# statedir yes" "$tmp/rtrace"'
"$sim" --seed 7 --steps 1000 > "$tmp/ragain"
check "with restarts the same seed gives the same run" 'cmp -s "$tmp/rout" "$tmp/ragain"'
"$sim" --replay "$tmp/rtrace" > "$tmp/rreplay"
rc=$?
check "--replay reproduces a run with restarts" \
    '[ $rc -eq 0 ] && [ "$(summary_hash "$tmp/rout")" = "$(summary_hash "$tmp/rreplay")" ]'

"$sim" --seed 7 --steps 300 --no-statedir --trace "$tmp/ntrace" > "$tmp/nout"
rc=$?
check "--no-statedir runs without restarts and says so in the trace" \
    '[ $rc -eq 0 ] && ! grep -q " op restart$" "$tmp/ntrace" && grep -qx "# statedir no" "$tmp/ntrace"'
"$sim" --replay "$tmp/ntrace" > "$tmp/nreplay"
rc=$?
check "--replay of a run without a state directory runs without one" \
    '[ $rc -eq 0 ] && [ "$(summary_hash "$tmp/nout")" = "$(summary_hash "$tmp/nreplay")" ]'

printf 'seed 2\nrestart\n' > "$tmp/restart.scen"
"$sim" --scenario "$tmp/restart.scen" --no-statedir > "$tmp/out"
rc=$?
check "a restart without a state directory fails and the reproduce command says so" \
    '[ $rc -eq 1 ] && grep -q "^VIOLATION at step 1 (seed 2): outcome: expected ok, got error VIR_ERR_OPERATION_INVALID: Requested operation is not valid: vireo-sim runs without a state directory" "$tmp/out" && grep -q "^reproduce: .* --no-statedir$" "$tmp/out"'

mkdir "$tmp/wd"
"$sim" --seed 7 --steps 200 --workdir "$tmp/wd" > "$tmp/w1"
"$sim" --seed 7 --steps 200 --workdir "$tmp/wd" > "$tmp/w2"
check "--workdir keeps the state directory and a rerun starts afresh" \
    '[ -f "$tmp/wd/state/vireo-sim-state" ] && tail -n 1 "$tmp/w1" | grep -q "result=ok$" && tail -n 1 "$tmp/w2" | grep -q "result=ok$"'

mkdir -p "$tmp/wd2/state" && echo hello > "$tmp/wd2/state/notes"
"$sim" --seed 7 --steps 10 --workdir "$tmp/wd2" > /dev/null 2> "$tmp/err"
rc=$?
check "a work dir whose state directory holds other files is refused" \
    '[ $rc -eq 2 ] && grep -q "state. exists and is not a state directory (it holds other files)$" "$tmp/err" && [ -f "$tmp/wd2/state/notes" ]'

# a workload violation (a lost event, through the test hook): reported with
# the seed and step, and the reproduce command reproduces it bit for bit
VIREO_SIM_TEST_LOSE_EVENT=40 "$sim" --seed 5 --steps 200 > "$tmp/lost"
rc=$?
check "a lost event is a violation of the events invariant" \
    '[ $rc -eq 1 ] && grep -q "^VIOLATION at step [0-9]* (seed 5): events: " "$tmp/lost"'
cmd=$(sed -n 's/^reproduce: //p' "$tmp/lost")
VIREO_SIM_TEST_LOSE_EVENT=40 $cmd > "$tmp/lost2"
rc=$?
check "the workload's reproduce command reproduces it" \
    '[ $rc -eq 1 ] && [ "$cmd" = "$sim --seed 5 --steps 200" ] && cmp -s "$tmp/lost" "$tmp/lost2"'
cmd=$(sed -n 's/^reproduce: //p' "$tmp/violation")
$cmd > "$tmp/violation2"
check "a scenario's reproduce command reproduces it" 'cmp -s "$tmp/violation" "$tmp/violation2"'

# bad options: a clear message and exit status 2
"$sim" --seed -5 --steps 1 > "$tmp/out" 2> "$tmp/err"
rc=$?
check "a negative seed is refused, not replaced by a random one" \
    '[ $rc -eq 2 ] && ! [ -s "$tmp/out" ] && grep -q "^vireo-sim: invalid seed .-5.: expected an unsigned decimal integer below 2^64" "$tmp/err"'
"$sim" --seed 18446744073709551615 --steps 5 > "$tmp/out"
rc=$?
check "a seed takes all 64 bits" \
    '[ $rc -eq 0 ] && [ "$(head -n 1 "$tmp/out")" = "seed: 18446744073709551615" ]'
"$sim" --replay "$tmp/trace" --seed 9 > /dev/null 2> "$tmp/err"
rc=$?
check "--replay refuses a seed of its own" \
    '[ $rc -eq 2 ] && grep -q "^vireo-sim: --replay takes the seed, the plan and the state directory from the trace" "$tmp/err"'
"$sim" --steps 10 stray > /dev/null 2> "$tmp/err"
rc=$?
check "a stray argument is named" '[ $rc -eq 2 ] && grep -q "unexpected argument .stray." "$tmp/err"'

# replays name the first line that differs, whatever it is
line=$(grep -n ' result error ' "$tmp/trace" | sed -n 3p | cut -d: -f1)
sed "${line}s/: \(.\)/: X\1/" "$tmp/trace" > "$tmp/tampered"
"$sim" --replay "$tmp/tampered" > "$tmp/diverged"
rc=$?
check "a changed result line is named as the divergence" \
    '[ $rc -eq 1 ] && grep -q "^VIOLATION at step [0-9]* (seed 7): replay: trace line $line: recorded" "$tmp/diverged"'
total=$(wc -l < "$tmp/trace")
sed '$d' "$tmp/trace" > "$tmp/short"
"$sim" --replay "$tmp/short" > "$tmp/diverged"
rc=$?
check "a truncated trace is a divergence at its end" \
    '[ $rc -eq 1 ] && grep -q "replay: trace line $total: the recorded trace ends, replayed" "$tmp/diverged"'
sed '3s/.*/# statedir perhaps/' "$tmp/trace" > "$tmp/badhdr"
"$sim" --replay "$tmp/badhdr" > /dev/null 2> "$tmp/err"
rc=$?
check "a malformed trace header is refused with its line" \
    '[ $rc -eq 2 ] && grep -q "trace .*badhdr. line 3: malformed line" "$tmp/err"'

# the environment does not enter the run
mkdir -p "$tmp/elsewhere/tmp"
abs_sim=$(cd "$(dirname "$sim")" && pwd)/$(basename "$sim")
(cd "$tmp/elsewhere" && TMPDIR="$tmp/elsewhere/tmp" LANG=C.UTF-8 TZ=Pacific/Kiritimati \
    "$abs_sim" --seed 7 --steps 300 --trace "$tmp/trace2" --workdir "$tmp/elsewhere/wd" > /dev/null)
check "another cwd, TMPDIR, locale, time zone and work dir give the same trace" \
    'cmp -s "$tmp/trace" "$tmp/trace2"'

exit $failed
