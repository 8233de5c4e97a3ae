#!/usr/bin/env bash
# Runs the test suite as `make test` does (after `swift build --build-tests`), passing its arguments to
# `swift test` (e.g. --filter). The tests create and delete tens of thousands of files (books, caches, chapter
# programs, Chromium profiles); on ext4 each new inode then costs a scan past the recently deleted ones, ~3 s of
# the run. So the run's temporary folder (TMPDIR) is a fresh folder on /dev/shm when that is a tmpfs that allows
# executables and has 2 GiB free, removed afterwards; otherwise the system's.
set -euo pipefail
cd "$(dirname "$0")/.."

# Most tests wait on a child process (flowbook, swiftc, Chromium) while blocking their thread, and Swift's
# cooperative pool has one thread per core: on 2 cores only 2 tests ran at once and a core idled whenever one
# waited. On plain dispatch queues the pool grows past a blocked thread, and Swift Testing keeps at most
# TEST_WIDTH tests running (6: about 4 child processes at a time), so the waits of some overlap the work of others.
export SWIFT_DEBUG_CONCURRENCY_ENABLE_COOPERATIVE_QUEUES=false
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=${TEST_WIDTH:-6}

shm_usable() {
  local options
  options=$(awk '$2 == "/dev/shm" && $3 == "tmpfs" {print $4}' /proc/mounts)
  [[ -n $options && ,$options, != *,noexec,* ]] || return 1
  (($(df --output=avail -k /dev/shm | tail -1) >= 2 * 1024 * 1024))
}
if shm_usable; then
  scratch=$(mktemp -d /dev/shm/flowbook-tests.XXXXXX)
  trap 'rm -rf "$scratch"' EXIT
  export TMPDIR=$scratch
fi

# Every test is a Swift Testing test: without --disable-xctest, swift test first starts the bundle for XCTest too.
swift test --skip-build --disable-xctest "$@"
