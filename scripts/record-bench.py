#!/usr/bin/env python3
"""Runs `flowbook bench numerics|plot --json` several times and records every run, with min, median and max
of each figure, the machine, the date and the load average, in bench/records/<bench>.json. The README quotes
its speed figures from these files as min–median–max.

    swift build -c release && scripts/record-bench.py numerics [--runs 5]
    scripts/record-bench.py numerics --name numerics-prescott -- --core-type Prescott

FLOWBOOK names another flowbook binary; arguments after `--` go to the bench command."""
import argparse, datetime, json, os, platform, statistics, subprocess, sys

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("bench", choices=["numerics", "plot"])
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--name", help="the record's file name (default: the bench's name)")
arguments = sys.argv[1:]
split = arguments.index("--") if "--" in arguments else len(arguments)
options = parser.parse_args(arguments[:split])
options.extra = arguments[split + 1:]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.environ.get("FLOWBOOK", os.path.join(root, ".build/release/flowbook"))

load_before = os.getloadavg()
runs = []
for index in range(options.runs):
    print(f"record-bench: {options.bench} run {index + 1} of {options.runs}", file=sys.stderr)
    output = subprocess.run([binary, "bench", options.bench, "--json", *options.extra],
                            check=True, capture_output=True, text=True).stdout
    runs.append(json.loads(output))
numbers = sorted({key for run in runs for key, value in run.items() if isinstance(value, (int, float))})
summary = {key: {"min": min(values), "median": statistics.median(values), "max": max(values)}
           for key in numbers for values in [[run[key] for run in runs if key in run]]}
model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
             platform.processor() or "unknown CPU")
record = {
    "bench": options.bench, "command": f"flowbook bench {options.bench} --json {' '.join(options.extra)}".strip(),
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "machine": f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}",
    "load_average": {"before": [round(x, 1) for x in load_before], "after": [round(x, 1) for x in os.getloadavg()]},
    "summary": summary, "runs": runs,
}
path = os.path.join(root, "bench/records", (options.name or options.bench) + ".json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as file:
    json.dump(record, file, indent=2, sort_keys=True)
    file.write("\n")
print(f"recorded {os.path.relpath(path, root)}: {options.runs} runs")
for key, value in summary.items():
    print(f"  {key}: {value['min']:.4g} – {value['median']:.4g} – {value['max']:.4g}")
