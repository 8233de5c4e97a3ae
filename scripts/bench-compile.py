#!/usr/bin/env python3
"""Benchmark (not a test): a chapter's compile with the compiler's jobs run directly (the default) and through
the `swiftc` driver (`FLOWBOOK_COMPILE_JOBS=off`), and a rerun with other settings, which reuses the program.

  scripts/bench-compile.py [--binary .build/debug/flowbook] [--runs 5] [--chapters 4]

Writes a book of `--chapters` one-cell chapters to a temporary folder and builds it cold (no cache, no output)
both ways, alternating, `--runs` times each, then once more with `--seed 1` (every chapter reruns; their programs
come from `.flowbook-cache/programs/`). Prints, per build and as medians, the wall time and the CPU time (user +
sys) of `flowbook build` and every process it waited for, and the load average, since wall times on a shared
machine mean little.
"""
import argparse, os, statistics, tempfile
from timed_build import timed_build

def build(binary, book, jobs, arguments=(), cold=True):
    return timed_build(binary, book, arguments, {} if jobs else {"FLOWBOOK_COMPILE_JOBS": "off"}, cold)

def report(label, wall, cpu):
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{label}: {wall:6.2f} s wall, {cpu:6.2f} s CPU (load {load})", flush=True)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/flowbook")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chapters", type=int, default=4)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    with tempfile.TemporaryDirectory(prefix="flowbook-compile-") as book:
        for number in range(args.chapters):
            os.makedirs(os.path.join(book, "chapters"), exist_ok=True)
            with open(os.path.join(book, "chapters", f"{number:02}.md"), "w") as chapter:
                chapter.write(f"# Chapter {number}\n\n```{{swift}}\nprint({number}, Build.seed)\n```\n")
        results = {True: [], False: []}
        for run in range(args.runs):
            for jobs in (True, False) if run % 2 == 0 else (False, True):
                wall, cpu = build(binary, book, jobs)
                results[jobs].append((wall, cpu))
                report(f"cold, {'jobs  ' if jobs else 'swiftc'}", wall, cpu)
        for jobs in (True, False):
            walls = [wall for wall, _ in results[jobs]]
            cpus = [cpu for _, cpu in results[jobs]]
            print(f"median, cold, {'jobs  ' if jobs else 'swiftc'}: {statistics.median(walls):.2f} s wall, "
                  f"{statistics.median(cpus):.2f} s CPU over {len(walls)} build(s) of {args.chapters} chapters")
        report("--seed 1, programs reused", *build(binary, book, True, ["--seed", "1"], cold=False))

if __name__ == "__main__":
    main()
