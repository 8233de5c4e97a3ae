#!/usr/bin/env python3
"""Benchmark (not a test): time from saving a chapter to the `reload` event of `flowbook preview`.

  scripts/bench-preview.py [--binary .build/release/flowbook] [--runs 5] [--quick] BOOK

BOOK is a copy of the course (its cache warm, e.g. after one `flowbook build`). Edits chapter 4
(chapters/04-training.md): a prose line, then the plotting cell `fig-samples` (its figure's width),
each saved the way editors save (write a new file, rename it over the old), and restores the chapter.
Prints the median and range of save -> `reload` for each kind of edit, the median CPU time (user + sys) the
preview spent on it (its own and that of every process it waited for: compiler, chapter program, node), and
the load average, since wall times on a shared machine mean little.
"""
import argparse, http.client, json, os, re, select, signal, statistics, subprocess, sys, time

def cpu_seconds(pid):
    """CPU time of `pid` and of the children it waited for (/proc/PID/stat: utime, stime, cutime, cstime)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")

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

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("book")
    parser.add_argument("--binary", default=".build/release/flowbook")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="the --quick profile (build the cache with it too)")
    args = parser.parse_args()
    chapter = os.path.join(args.book, "chapters/04-training.md")
    original = open(chapter).read()
    preview = subprocess.Popen([args.binary, "preview", "--book", args.book, "--port", "0"] + (["--quick"] if args.quick else []),
                               stdout=subprocess.PIPE, text=True)
    port = None
    for line in preview.stdout:
        print("  " + line.rstrip())
        match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    events = Events(port)
    edits = {
        "prose": lambda i: original.replace("## ", f"Edit {i}.\n\n## ", 1),
        # The width of the `fig-samples` figure: the chapter's program reruns, the flows come from the cache.
        "plotting cell": lambda i: original.replace("Figure(width: 620, height: 620", f"Figure(width: {620 + i}, height: 620", 1),
    }
    try:
        for kind, edit in edits.items():
            times, cpus = [], []
            for i in range(args.runs):
                cpu = cpu_seconds(preview.pid)
                started = time.time()
                save(chapter, edit(i + 1))
                message = events.next("reload")
                times.append(time.time() - started)
                cpus.append(cpu_seconds(preview.pid) - cpu)
                assert message["ok"] and "04-training.html" in message["pages"], message
                save(chapter, original)
                events.next("reload")
            load = " ".join(f"{value:.1f}" for value in os.getloadavg())
            print(f"{kind}: median {statistics.median(times):.2f} s, range {min(times):.2f}-{max(times):.2f} s over "
                  f"{len(times)} saves; CPU median {statistics.median(cpus):.2f} s (load average {load})")
        # A save that changes nothing the build reads (the same text written again).
        times, cpus = [], []
        for i in range(args.runs):
            cpu = cpu_seconds(preview.pid)
            started = time.time()
            save(chapter, original)
            events.next("reload")
            times.append(time.time() - started)
            cpus.append(cpu_seconds(preview.pid) - cpu)
        load = " ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"no change: median {statistics.median(times):.2f} s, CPU median {statistics.median(cpus):.2f} s "
              f"(load average {load})")
    finally:
        save(chapter, original)
        preview.send_signal(signal.SIGINT)
        preview.wait()

if __name__ == "__main__":
    main()
