#!/usr/bin/env bash
# Times the test run as `make test` runs it (scripts/run-tests.sh, after `swift build --build-tests`), RUNS times
# (default 3): wall seconds, CPU seconds and the load average before and after, for each run, then the medians.
# CPU is given twice: the user + sys time of the processes the run waited for, and the whole machine's busy time
# during the run (/proc/stat), which also counts what the first misses (the test process's shared Chromium and
# its renderers, which outlive the waits); on a quiet machine the second is the suite's real cost. "Stolen" is CPU
# time the virtual machine's host gave to others while the run wanted it, which stretches the wall time. Speed
# figures mean little while other work loads the machine: quote the load.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
steal_ticks() { awk '/^cpu /{print $9}' /proc/stat; }
ticks_per_second=$(getconf CLK_TCK)
walls=() cpus=() machine_cpus=()
for run in $(seq "$runs"); do
  before=$(cut -d' ' -f1 /proc/loadavg)
  busy_before=$(busy_ticks) steal_before=$(steal_ticks)
  /usr/bin/time -f "%e %U %S" -o /tmp/time-tests.$$ scripts/run-tests.sh > /tmp/time-tests.$$.log 2>&1 ||
    { echo "run $run: tests failed (log /tmp/time-tests.$$.log)" >&2; exit 1; }
  busy_after=$(busy_ticks) steal_after=$(steal_ticks)
  read -r wall user sys < /tmp/time-tests.$$
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
  machine_cpu=$(awk -v a="$busy_after" -v b="$busy_before" -v t="$ticks_per_second" 'BEGIN {print (a - b) / t}')
  steal=$(awk -v a="$steal_after" -v b="$steal_before" -v t="$ticks_per_second" 'BEGIN {print (a - b) / t}')
  walls+=("$wall") cpus+=("$cpu") machine_cpus+=("$machine_cpu")
  echo "run $run: wall ${wall} s, CPU ${cpu} s (user ${user} + sys ${sys}), machine busy ${machine_cpu} s, stolen ${steal} s," \
    "load ${before} -> $(cut -d' ' -f1 /proc/loadavg);" \
    "$(grep -E 'Test run with' /tmp/time-tests.$$.log | tail -1 | sed 's/.*Test run with //')"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "median of $runs: wall $(median "${walls[@]}") s, CPU $(median "${cpus[@]}") s," \
  "machine busy $(median "${machine_cpus[@]}") s"
rm -f /tmp/time-tests.$$ /tmp/time-tests.$$.log
