#!/usr/bin/env bash
# Times the test run as `make test` runs it (its environment, after `swift build --build-tests`), RUNS times
# (default 3): wall seconds, CPU seconds (user + sys of everything it ran) and the load average before and after,
# for each run, then the medians. Speed figures mean little while other work loads the machine: quote the load.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
environment=$(make -s test-env)
walls=() cpus=()
for run in $(seq "$runs"); do
  before=$(cut -d' ' -f1 /proc/loadavg)
  # shellcheck disable=SC2086 # the environment is words of NAME=VALUE
  env $environment /usr/bin/time -f "%e %U %S" -o /tmp/time-tests.$$ swift test --skip-build > /tmp/time-tests.$$.log 2>&1 ||
    { echo "run $run: tests failed (log /tmp/time-tests.$$.log)" >&2; exit 1; }
  read -r wall user sys < /tmp/time-tests.$$
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
  walls+=("$wall") cpus+=("$cpu")
  echo "run $run: wall ${wall} s, CPU ${cpu} s (user ${user} + sys ${sys}), load ${before} -> $(cut -d' ' -f1 /proc/loadavg);" \
    "$(grep -E 'Test run with' /tmp/time-tests.$$.log | tail -1 | sed 's/.*Test run with //')"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "median of $runs: wall $(median "${walls[@]}") s, CPU $(median "${cpus[@]}") s"
rm -f /tmp/time-tests.$$ /tmp/time-tests.$$.log
