#!/usr/bin/env python3
"""Benchmark (not a test): the cost of naming the exact line of a trap, on a cold build of the course.

  scripts/bench-trap-lines.py [--binary .build/release/flowbook] [--runs 1] [--quick] [BOOK]

Copies BOOK (default: this repository's course, `chapters/`) to a temporary folder and builds it cold (no
cache, no output) with the trap-line mapping on (the default: cells compile with `-gline-tables-only` and run
with `SWIFT_BACKTRACE`) and off (`FLOWBOOK_TRAP_LINES=off`), alternating, `--runs` times each. Prints, per
build and as medians, the wall time and the CPU time (user + sys) of `flowbook build` and every process it
waited for (compiler, chapter programs, node), and the load average, since wall times on a shared machine
mean little.
"""
import argparse, os, shutil, statistics, tempfile
from timed_build import timed_build

def cold_build(binary, book, quick, mapping):
    return timed_build(binary, book, ["--quick"] if quick else [], {} if mapping else {"FLOWBOOK_TRAP_LINES": "off"})

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("book", nargs="?", default=".")
    parser.add_argument("--binary", default=".build/release/flowbook")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="the --quick profile")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    with tempfile.TemporaryDirectory(prefix="flowbook-trap-lines-") as scratch:
        book = os.path.join(scratch, "book")
        shutil.copytree(os.path.join(args.book, "chapters"), os.path.join(book, "chapters"))
        results = {True: [], False: []}
        for run in range(args.runs):
            for mapping in (True, False) if run % 2 == 0 else (False, True):
                wall, cpu = cold_build(binary, book, args.quick, mapping)
                results[mapping].append((wall, cpu))
                load = " ".join(f"{value:.1f}" for value in os.getloadavg())
                print(f"mapping {'on ' if mapping else 'off'}: {wall:7.1f} s wall, {cpu:7.1f} s CPU (load {load})",
                      flush=True)
        for mapping in (True, False):
            walls = [wall for wall, _ in results[mapping]]
            cpus = [cpu for _, cpu in results[mapping]]
            print(f"median, mapping {'on ' if mapping else 'off'}: {statistics.median(walls):.1f} s wall, "
                  f"{statistics.median(cpus):.1f} s CPU over {len(walls)} cold build(s)")

if __name__ == "__main__":
    main()
