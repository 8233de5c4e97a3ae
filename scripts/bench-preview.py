#!/usr/bin/env python3
"""Benchmark (not a test): time from saving a chapter to the `reload` event of `flowbook preview`.

  scripts/bench-preview.py [--binary .build/release/flowbook] [--runs 5] [--profile full|quick|both] [BOOK]

The one command for the figures in the README (after `swift build -c release`): for each profile (default: both,
the default profile first, then `--quick`) it builds BOOK once with `flowbook build` to warm its cache (not timed),
times a `flowbook build` that has nothing to rerun, then starts `flowbook preview` and edits chapter 4
(chapters/04-training.md): a prose line, then the plotting cell `fig-samples` (its figure's width), each saved the
way editors save (write a new file, rename it over the old) and restored after its `reload`; last, it saves the
chapter unchanged. Prints the median and range of save -> `reload` for each kind of save, the median CPU time (user
+ sys) the preview spent on it (its own and that of every process it waited for: compiler, chapter program, node),
and the load average, since wall times on a shared machine mean little; then a summary table.

Without BOOK, the course of this repository is copied to `.build/bench-preview/book` (its chapters refreshed on
every run, its cache kept, so only the first run trains the course's flows: minutes in the default profile).
"""
import argparse, http.client, json, os, random, re, resource, shutil, signal, statistics, subprocess, sys, time

def cpu_seconds(pid):
    """CPU time of `pid` and of the children it waited for (/proc/PID/stat: utime, stime, cutime, cstime)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")

def load_average():
    return " ".join(f"{value:.1f}" for value in os.getloadavg())

def save(path, text):
    tmp = path + ".bench-tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)

class Events:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port)
        self.conn.request("GET", "/_flowbook/events")
        self.response = self.conn.getresponse()
        self.buffer = ""

    def next(self, name, timeout=600):
        deadline = time.time() + timeout
        while True:
            match = re.search(r"event: (\w+)\ndata: ([^\n]*)\n\n", self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                if match.group(1) == name:
                    return json.loads(match.group(2))
                continue
            if time.time() > deadline:
                sys.exit(f"no {name} event")
            # Raw lines: chunk-size lines sit between frames and are skipped by the pattern above.
            line = self.response.fp.readline()
            self.buffer += line.decode()

def timed_build(binary, book, flags):
    """Wall and CPU seconds (with every process it waited for) of one `flowbook build`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    result = subprocess.run([binary, "build", "--book", book] + flags, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    wall = time.time() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"flowbook build {' '.join(flags)} failed:\n{result.stdout[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

def summary(times, cpus):
    return (f"median {statistics.median(times):.2f} s, range {min(times):.2f}-{max(times):.2f} s over {len(times)} saves; "
            f"CPU median {statistics.median(cpus):.2f} s (load average {load_average()})")

def bench_profile(binary, book, quick, runs):
    """The save -> reload figures of one profile: {kind: (median wall, median CPU)}."""
    flags = ["--quick"] if quick else []
    name = "--quick" if quick else "default profile"
    print(f"== {name}: warming the cache (flowbook build {' '.join(flags)})", flush=True)
    timed_build(binary, book, flags)
    walls, cpus = zip(*(timed_build(binary, book, flags) for _ in range(runs)))
    results = {"flowbook build, nothing to rerun": (statistics.median(walls), statistics.median(cpus))}
    print(f"flowbook build with nothing to rerun: median {statistics.median(walls):.2f} s, "
          f"CPU median {statistics.median(cpus):.2f} s (load average {load_average()})", flush=True)

    chapter = os.path.join(book, "chapters/04-training.md")
    original = open(chapter).read()
    preview = subprocess.Popen([binary, "preview", "--book", book, "--port", "0"] + flags,
                               stdout=subprocess.PIPE, text=True)
    port = None
    for line in preview.stdout:
        print("  " + line.rstrip())
        match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    events = Events(port)
    # Widths no earlier run used: the cache keeps a chapter's last results, and an edit it knows would rerun nothing.
    widths = random.sample(range(621, 1000), runs)
    edits = {
        "prose edit": lambda i: original.replace("## ", f"Edit {i}.\n\n## ", 1),
        # The width of the `fig-samples` figure: the chapter's program reruns.
        "plotting-cell edit": lambda i: original.replace("Figure(width: 620, height: 620",
                                                         f"Figure(width: {widths[i - 1]}, height: 620", 1),
        # The same text written again: nothing the build reads changed.
        "save without a change": lambda i: original,
    }
    try:
        for kind, edit in edits.items():
            times, cpus = [], []
            for i in range(runs):
                cpu = cpu_seconds(preview.pid)
                started = time.time()
                save(chapter, edit(i + 1))
                message = events.next("reload")
                times.append(time.time() - started)
                cpus.append(cpu_seconds(preview.pid) - cpu)
                assert message["ok"], message
                if kind != "save without a change":
                    assert "04-training.html" in message["pages"], message
                    save(chapter, original)
                    events.next("reload")
            print(f"{kind}: {summary(times, cpus)}", flush=True)
            results[kind] = (statistics.median(times), statistics.median(cpus))
    finally:
        save(chapter, original)
        preview.send_signal(signal.SIGINT)
        preview.wait()
    return results

def course_copy(repository):
    """`.build/bench-preview/book` with the course's chapters as they are now; its cache is kept between runs."""
    book = os.path.join(repository, ".build/bench-preview/book")
    shutil.rmtree(os.path.join(book, "chapters"), ignore_errors=True)
    shutil.copytree(os.path.join(repository, "chapters"), os.path.join(book, "chapters"))
    return book

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("book", nargs="?", help="a copy of the course (default: .build/bench-preview/book)")
    parser.add_argument("--binary", default=".build/release/flowbook")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", choices=["full", "quick", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="the same as --profile quick")
    args = parser.parse_args()
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = os.path.abspath(args.binary)
    book = os.path.abspath(args.book) if args.book else course_copy(repository)
    profile = "quick" if args.quick else args.profile
    quick = {"full": [False], "quick": [True], "both": [False, True]}[profile]
    results = {q: bench_profile(binary, book, q, args.runs) for q in quick}
    print(f"\nsave -> reload, medians of {args.runs} (wall / CPU), load average now {load_average()}:")
    for kind in next(iter(results.values())):
        cells = "  ".join(f"{'--quick' if q else 'default'}: {wall:5.2f} s / {cpu:5.2f} s CPU"
                          for q, figures in results.items() for wall, cpu in [figures[kind]])
        print(f"  {kind:34} {cells}")

if __name__ == "__main__":
    main()
