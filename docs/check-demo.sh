#!/usr/bin/env bash
# `./run demo` is the first thing a newcomer runs: replay its session with
# the built shell (no build, no packages) and check every command ran
# cleanly.
# usage: check-demo.sh RUN-SCRIPT VIREO-SHELL
set -u

run=$1 shell=$2
[ -d "$shell" ] && shell=$shell/vireo
# The commands the demo walks through, in order (see cmd_demo in ./run).
steps=("list --all" "define docs/examples/demo.xml" "dumpxml demo"
       "list --all" "start demo" "dominfo demo" "suspend demo"
       "domstate --reason demo" "resume demo" "domstate --reason demo"
       "save demo *" "list --all" "restore *" "list" "destroy demo"
       "undefine demo" "list --all" "net-list --all" "net-info default"
       "pool-list --details" "vol-create-as default-pool demo.img 64M"
       "vol-list default-pool --details" "pool-info default-pool"
       "vol-delete demo.img --pool default-pool")

plan=$(( 5 + ${#steps[@]} ))
echo "1..$plan"
if [ ! -x "$shell" ]; then
    for i in $(seq 1 "$plan"); do
        echo "ok $i - demo # SKIP $shell is not built"
    done
    exit 0
fi

out=$(VIREO_DEMO_SHELL=$shell VIREO_DEMO_URI=sim:///default "$run" demo 2>&1)
rc=$?
n=1 failed=0
check() { # check STATUS NAME
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
        echo "not ok $n - $2"; failed=1; fi
    n=$((n + 1))
}

check "$rc" "./run demo exits 0"
! grep -q '^error:' <<<"$out"
check $? "no command printed an error"
grep -qx 'demo finished: every command succeeded' <<<"$out"
check $? "the demo reports success"

grep -qx 'paused (user)' <<<"$out"
check $? "domstate --reason after suspend prints 'paused (user)'"
grep -qx 'running (unpaused)' <<<"$out"
check $? "domstate --reason after resume prints 'running (unpaused)'"

# Each prompt line appears, in order ("*": followed by a path).
rest=$out
for s in "${steps[@]}"; do
    p=$'\n'"vireo # "$s$'\n'
    if [[ $rest == *$p* ]]; then
        # shellcheck disable=SC2295 # $p is a pattern on purpose
        rest=$'\n'${rest#*$p}
        check 0 "runs '$s'"
    else
        check 1 "runs '$s'"
    fi
done
if [ "$failed" -ne 0 ]; then
    while IFS= read -r line; do echo "# $line"; done <<<"$out"
fi
exit "$failed"
