#!/bin/sh
# The whole random workload repeats, in TAP: for each seed, vireo-sim run
# twice prints the same summary (steps, faults fired, invariants checked and
# the trace hash over every line of every node).  The workload covers
# domains, networks, pools, volumes, upload and download streams, the state
# directory and restarts of the node on it, under the built-in plan with a
# rule for every fault point; the last cases check that these runs did
# cover all of that, so that a repeat proves what it claims.
# usage: check-determinism.sh VIREO_SIM [FIRST_SEED [SEEDS [STEPS]]]
set -u
sim=$1
first=${2:-1}
seeds=${3:-200}
steps=${4:-150}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one worker: every seed s of the range with s % 2 == $1; the first run
# keeps its trace's fault points, operations and header for the coverage
run_half() {
    s=$((first + $1))
    last=$((first + seeds - 1))
    while [ "$s" -le "$last" ]; do
        "$sim" --seed "$s" --steps "$steps" --trace "$tmp/t.$s" | tail -n 1 > "$tmp/a.$s"
        "$sim" --seed "$s" --steps "$steps" | tail -n 1 > "$tmp/b.$s"
        awk '$2 == "fault" { print "fault", $3 } $2 == "op" { print "op", $3 }
             /^# (statedir|fault-line)/ { print }' "$tmp/t.$s" | sort -u > "$tmp/c.$s"
        rm -f "$tmp/t.$s"
        s=$((s + 2))
    done
}

echo "1..$((seeds + 4))"
run_half 0 &
run_half 1 &
wait

n=0
failed=0
s=$first
while [ "$s" -lt $((first + seeds)) ]; do
    n=$((n + 1))
    a=$(cat "$tmp/a.$s")
    b=$(cat "$tmp/b.$s")
    case $a in
    "summary: seed=$s steps="*" result=ok")
        if [ "$a" = "$b" ]; then
            echo "ok $n - seed $s repeats: ${a#summary: }"
        else
            echo "not ok $n - seed $s does not repeat: '$a', then '$b'"
            failed=1
        fi ;;
    *)
        echo "not ok $n - seed $s: the first run ended '$a'"
        failed=1 ;;
    esac
    s=$((s + 1))
done
sort -u "$tmp"/c.* > "$tmp/covered"

check() {
    n=$((n + 1))
    if [ -z "$2" ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1: $2"
        failed=1
    fi
}

# every point of the built-in plan (17 when this was written) fired
points=$(sed -n 's/^# fault-line [0-9]* \([a-z.]*\) .*/\1/p' "$tmp/covered" | sort -u)
missing=""
for p in $points; do
    grep -qx "fault $p" "$tmp/covered" || missing="$missing $p"
done
[ "$(echo "$points" | wc -w)" -ge 17 ] || missing="$missing (the plan has only: $points)"
check "every fault point of the built-in plan fired" "$missing"

missing=""
for op in define create undefine start destroy shutdown reboot suspend resume save \
          restore managedsave crash advance net-define net-create net-start \
          net-destroy net-undefine net-autostart net-update; do
    grep -qx "op $op" "$tmp/covered" || missing="$missing $op"
done
check "every domain and network operation ran" "$missing"

missing=""
for op in pool-define pool-create pool-build pool-start pool-destroy pool-delete \
          pool-undefine pool-refresh vol-create vol-clone vol-delete vol-resize \
          vol-wipe vol-upload vol-download; do
    grep -qx "op $op" "$tmp/covered" || missing="$missing $op"
done
check "every pool, volume and stream operation ran" "$missing"

missing=""
grep -qx "# statedir yes" "$tmp/covered" || missing="no run had a state directory"
grep -qx "op restart" "$tmp/covered" || missing="$missing; no run restarted its node"
check "the runs kept a state directory and restarted the node on it" "$missing"

exit $failed
