#!/bin/sh
# vireo-sim as its users run it, in TAP: the seed printed first and the
# summary last, the same seed giving the same run (in a reused work dir
# too), --replay reproducing a recorded trace and catching a tampered one,
# a violation printing the seed, the step and a command that reproduces it
# from any directory, the test hooks each caught by its invariant, fault
# plans read as the node reads them, and restarts of the node on its state
# directory keeping runs reproducible.
# usage: check-vireo-sim.sh VIREO_SIM
set -u
sim=$1
abs_sim=$(cd "$(dirname "$sim")" && pwd)/$(basename "$sim")
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

echo "1..60"

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

# a rerun in the same work dir finds neither the save images nor the state
# of the run before: the same seed gives the same trace
mkdir "$tmp/wd"
"$sim" --seed 101 --steps 1000 --workdir "$tmp/wd" --trace "$tmp/wt1" > "$tmp/w1"
ls "$tmp/wd" > "$tmp/wls"
"$sim" --seed 101 --steps 1000 --workdir "$tmp/wd" --trace "$tmp/wt2" > "$tmp/w2"
check "--workdir keeps the state directory and a rerun starts afresh" \
    '[ -f "$tmp/wd/state/vireo-sim-state" ] && grep -q "^img" "$tmp/wls" && tail -n 1 "$tmp/w1" | grep -q "result=ok$" && cmp -s "$tmp/w1" "$tmp/w2" && cmp -s "$tmp/wt1" "$tmp/wt2" && [ "$(summary_hash "$tmp/w1")" = "$(summary_hash "$tmp/w2")" ]'
"$sim" --seed 101 --steps 1000 > "$tmp/w3"
check "a run in a reused work dir is the run in a fresh one" 'cmp -s "$tmp/w1" "$tmp/w3"'

echo notes > "$tmp/wd/notes"
ls -R "$tmp/wd" > "$tmp/wls1"
"$sim" --seed 7 --steps 10 --workdir "$tmp/wd" --trace "$tmp/wt3" > /dev/null 2> "$tmp/err"
rc=$?
ls -R "$tmp/wd" > "$tmp/wls2"
check "a work dir holding a file vireo-sim did not write is refused and left as it was" \
    '[ $rc -eq 2 ] && grep -qx "vireo-sim: the work dir .$tmp/wd. holds .notes., which is not a save image: vireo-sim clears only its own files (save images and .state/.) from a work dir" "$tmp/err" && cmp -s "$tmp/wls1" "$tmp/wls2" && ! [ -e "$tmp/wt3" ]'
rm "$tmp/wd/notes"
"$sim" --seed 7 --steps 10 --workdir "$tmp/wd" --trace "$tmp/nodir/t" > /dev/null 2> "$tmp/err"
rc=$?
ls -R "$tmp/wd" > "$tmp/wls2"
check "an unwritable trace is refused before the work dir is cleared" \
    '[ $rc -eq 2 ] && grep -qx "vireo-sim: cannot write .$tmp/nodir/t.: No such file or directory" "$tmp/err" && grep -q "^img" "$tmp/wls2" && [ "$(grep -v "^notes$" "$tmp/wls1")" = "$(cat "$tmp/wls2")" ]'
"$sim" --seed 7 --steps 10 --workdir "$tmp/wd" --trace "$tmp/wd/t" > /dev/null 2> "$tmp/err"
rc=$?
check "a trace inside the work dir is refused" \
    '[ $rc -eq 2 ] && grep -q "^vireo-sim: the trace .$tmp/wd/t. may not go into the work dir .$tmp/wd.$" "$tmp/err" && ! [ -e "$tmp/wd/t" ]'
"$sim" --seed 7 --steps 10 --workdir "$tmp/wd/new/deeper" > "$tmp/out"
rc=$?
check "a work dir that does not exist is made" \
    '[ $rc -eq 0 ] && [ -f "$tmp/wd/new/deeper/state/vireo-sim-state" ]'

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
    '[ $rc -eq 1 ] && [ "$cmd" = "$abs_sim --seed 5 --steps 200" ] && cmp -s "$tmp/lost" "$tmp/lost2"'
cmd=$(sed -n 's/^reproduce: //p' "$tmp/violation")
$cmd > "$tmp/violation2"
check "a scenario's reproduce command reproduces it" 'cmp -s "$tmp/violation" "$tmp/violation2"'

# the reproduce command holds absolute paths and the work dir: it runs
# from any directory.  A run from $tmp/here with relative paths, a lost
# event forcing the violation, reproduced from $tmp/there.
mkdir -p "$tmp/here" "$tmp/there"
printf 'domain.suspend prob=0.2\r\npool.full prob=0.1\r\n' > "$tmp/here/p1.plan"
(cd "$tmp/here" && VIREO_SIM_TEST_LOSE_EVENT=30 "$abs_sim" --seed 5 --steps 200 \
    --faults p1.plan --workdir wd > "$tmp/here.out")
rc=$?
cmd=$(sed -n 's/^reproduce: //p' "$tmp/here.out")
check "the reproduce command spells every path absolute and keeps --workdir" \
    '[ $rc -eq 1 ] && [ "$cmd" = "$abs_sim --seed 5 --steps 200 --faults $tmp/here/p1.plan --workdir $tmp/here/wd" ]'
(cd "$tmp/there" && export VIREO_SIM_TEST_LOSE_EVENT=30 && eval "$cmd" > "$tmp/there.out")
rc=$?
check "the reproduce command reproduces the violation from another directory" \
    '[ $rc -eq 1 ] && grep -q "^VIOLATION at step [0-9]* (seed 5): events: " "$tmp/there.out" && cmp -s "$tmp/here.out" "$tmp/there.out"'
(cd "$tmp/here" && "$abs_sim" --replay ../tampered --workdir wd > "$tmp/here.out")
cmd=$(sed -n 's/^reproduce: //p' "$tmp/here.out")
check "a replay's reproduce command names the trace and the work dir by absolute paths" \
    '[ "$cmd" = "$abs_sim --replay $tmp/tampered --workdir $tmp/here/wd" ]'

# every invariant below catches what its test hook breaks, at that step
cat > "$tmp/hook.scen" <<'SCEN'
seed 4
define web
start web
suspend web
SCEN
VIREO_SIM_TEST_TOUCH_STATE=2 "$sim" --scenario "$tmp/hook.scen" > "$tmp/out"
rc=$?
check "a definition file changed on disk is a state files violation" \
    '[ $rc -eq 1 ] && grep -qx "VIOLATION at step 2 (seed 4): state files: .test.xml. differs from what the API shows: .(end). became .<!-- VIREO_SIM_TEST_TOUCH_STATE -->." "$tmp/out"'
VIREO_SIM_TEST_TOUCH_STATE=2 "$sim" --scenario "$tmp/hook.scen" --no-statedir > "$tmp/out"
rc=$?
check "without a state directory the state file hook breaks nothing" \
    '[ $rc -eq 0 ] && tail -n 1 "$tmp/out" | grep -q "result=ok$"'
cat > "$tmp/pool.scen" <<'SCEN'
seed 4
vol-create default-pool v cap=64k
vol-create default-pool w cap=1m alloc=128k
define web
SCEN
VIREO_SIM_TEST_SKEW_POOL=2 "$sim" --scenario "$tmp/pool.scen" > "$tmp/out"
rc=$?
check "a pool allocation that is not the sum of its volumes is a violation" \
    '[ $rc -eq 1 ] && grep -qx "VIOLATION at step 2 (seed 4): pools: .default-pool. has capacity 107374182400 allocation 196609 available 107373985791, its volumes allocate 196608" "$tmp/out"'
cat > "$tmp/id.scen" <<'SCEN'
seed 4
define web
suspend test
start web
destroy web
SCEN
VIREO_SIM_TEST_DUP_ID=2 "$sim" --scenario "$tmp/id.scen" > "$tmp/out"
rc=$?
check "two active domains with one id are a violation, at the first step with two" \
    '[ $rc -eq 1 ] && grep -qx "VIOLATION at step 3 (seed 4): ids: .web. has id 1, not positive and unique" "$tmp/out"'
for hook in TOUCH_STATE:state.files SKEW_POOL:pools DUP_ID:ids; do
    env "VIREO_SIM_TEST_${hook%%:*}=50" "$sim" --seed 3 --steps 300 > "$tmp/out"
    rc=$?
    step=$(sed -n 's/^VIOLATION at step \([0-9]*\) (seed 3): .*/\1/p' "$tmp/out")
    cmd=$(sed -n 's/^reproduce: //p' "$tmp/out")
    env "VIREO_SIM_TEST_${hook%%:*}=50" sh -c "$cmd" > "$tmp/out2"
    check "in a workload VIREO_SIM_TEST_${hook%%:*} is caught by the ${hook#*:} invariant, and again by the reproduce command" \
        '[ $rc -eq 1 ] && [ "${step:-0}" -ge 50 ] && grep -q "^VIOLATION at step $step (seed 3): ${hook#*:}: " "$tmp/out" && cmp -s "$tmp/out" "$tmp/out2"'
done
VIREO_SIM_TEST_SKEW_POOL=0 "$sim" --seed 3 --steps 1 > /dev/null 2> "$tmp/err"
rc=$?
check "a hook's step must be a number from 1" \
    '[ $rc -eq 2 ] && grep -qx "vireo-sim: invalid VIREO_SIM_TEST_SKEW_POOL .0.: expected a step number >= 1" "$tmp/err"'

# --faults reads a plan as a faults= URI parameter does
printf 'domain.start nth=1\n\000domain.destroy always\n' > "$tmp/nul.plan"
"$sim" --seed 1 --steps 5 --faults "$tmp/nul.plan" > /dev/null 2> "$tmp/err"
rc=$?
check "a NUL byte in a plan names its line" \
    '[ $rc -eq 2 ] && grep -qx "vireo-sim: configuration file syntax error: fault plan .$tmp/nul.plan. line 2: NUL byte in the line" "$tmp/err"'
# 64 comment lines of 1024 bytes: exactly 64 KiB; one byte more is too much
awk 'BEGIN { l = "#"; while (length(l) < 1023) l = l "#"; for (i = 0; i < 64; i++) print l }' \
    > "$tmp/edge.plan"
{ cat "$tmp/edge.plan"; echo; } > "$tmp/big.plan"
"$sim" --seed 1 --steps 5 --faults "$tmp/big.plan" > /dev/null 2> "$tmp/err"
rc=$?
check "a plan over 64 KiB is refused" \
    '[ $rc -eq 2 ] && grep -qx "vireo-sim: configuration file syntax error: fault plan .$tmp/big.plan. is larger than 65536 bytes" "$tmp/err"'
"$sim" --seed 1 --steps 5 --faults "$tmp/edge.plan" > "$tmp/out"
rc=$?
check "a plan of exactly 65536 bytes is read" \
    '[ $rc -eq 0 ] && [ $(wc -c < "$tmp/edge.plan") -eq 65536 ] && tail -n 1 "$tmp/out" | grep -q "result=ok$"'
mkdir "$tmp/dir.plan"
"$sim" --seed 1 --steps 5 --faults "$tmp/dir.plan" > /dev/null 2> "$tmp/err"
rc=$?
check "a directory as the plan is refused in the library's words" \
    '[ $rc -eq 2 ] && grep -qx "vireo-sim: Failed to read file .$tmp/dir.plan.: Is a directory" "$tmp/err"'
"$sim" --seed 1 --steps 5 --faults "$tmp/none.plan" > /dev/null 2> "$tmp/err"
rc=$?
check "a missing plan is named" \
    '[ $rc -eq 2 ] && grep -qx "vireo-sim: Failed to open file .$tmp/none.plan.: No such file or directory" "$tmp/err"'
printf 'domain.suspend prob=0.3\r\n# a comment\r\n\r\ndomain.resume nth=2 message="a b"\r\n' > "$tmp/crlf.plan"
"$sim" --seed 3 --steps 200 --faults "$tmp/crlf.plan" --trace "$tmp/crlf.trace" > "$tmp/crlf.out"
"$sim" --replay "$tmp/crlf.trace" > "$tmp/crlf.replay"
rc=$?
check "a CRLF plan's rules go into the trace header without the carriage return" \
    '! grep -q "$(printf "\r")" "$tmp/crlf.trace" && grep -qx "# fault-line 1 domain.suspend prob=0.3" "$tmp/crlf.trace" && grep -qx "# fault-line 4 domain.resume nth=2 message=\"a b\"" "$tmp/crlf.trace" && [ $rc -eq 0 ] && [ "$(summary_hash "$tmp/crlf.out")" = "$(summary_hash "$tmp/crlf.replay")" ]'

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
(cd "$tmp/elsewhere" && TMPDIR="$tmp/elsewhere/tmp" LANG=C.UTF-8 TZ=Pacific/Kiritimati \
    "$abs_sim" --seed 7 --steps 300 --trace "$tmp/trace2" --workdir "$tmp/elsewhere/wd" > /dev/null)
check "another cwd, TMPDIR, locale, time zone and work dir give the same trace" \
    'cmp -s "$tmp/trace" "$tmp/trace2"'

exit $failed
