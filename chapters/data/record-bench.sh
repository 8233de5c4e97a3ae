#!/bin/sh
# Records `flowbook bench flows --json` (FlowBook against plain PyTorch, side by side) together with the
# machine, the date, the load and the PyTorch version, into chapters/data/bench-flows.json, which the speed
# chapter reads, and prints the README's speed table from that record. Run from anywhere after
# `swift build -c release` (or set FLOWBOOK to another flowbook binary); extra arguments go to the bench
# command. The README's table: `chapters/data/record-bench.sh --steps 1000 --compare-steps 200`.
set -eu
cd "$(dirname "$0")/../.."
load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
result=$("${FLOWBOOK:-.build/release/flowbook}" bench flows --json "$@")
RESULT="$result" LOAD_BEFORE="$load_before" python3 - <<'PY'
import datetime, json, os, platform
record = json.loads(os.environ["RESULT"])
model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
             platform.processor() or "unknown CPU")
record["machine"] = f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"
record["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
record.setdefault("threads", 1)  # the bench pins BLAS and torch to one thread
try:
    record["load_average"] = [float(os.environ["LOAD_BEFORE"]), os.getloadavg()[0]]  # before, after
except (ValueError, OSError):
    pass
try:
    import torch
    record["torch_version"] = torch.__version__
except ImportError:
    pass
with open("chapters/data/bench-flows.json", "w") as out:
    out.write(json.dumps(record, indent=2, sort_keys=True) + "\n")

# The README's speed table: medians per step, thread CPU time (ratios are of CPU times) and wall clock.
def f(key, digits=2):
    value = record.get(key)
    return "—" if value is None else f"{value:.{digits}f}"
def ratio(a, b):
    return "—" if record.get(a) is None or record.get(b) is None else f"{record[a] / record[b]:.2f}"
rows = [
    ("piecewise (default)", "flowbook_cpu_ms_per_step", "flowbook_ms_per_step",
     f"{ratio('flowbook_cpu_ms_per_step', 'torch_cpu_ms_per_step')}× PyTorch; test NLL {f('flowbook_test_nll', 3)}"),
    ("dense", "dense_cpu_ms_per_step", "dense_ms_per_step",
     f"{f('dense_over_sgemm')}× its own BLAS calls ({f('dense_sgemm_cpu_ms_per_step')} ms); "
     f"{ratio('dense_cpu_ms_per_step', 'torch_cpu_ms_per_step')}× PyTorch"),
    ("autodiff", "autodiff_cpu_ms_per_step", "autodiff_ms_per_step",
     f"{f('autodiff_over_dense_time')}× dense; {ratio('autodiff_cpu_ms_per_step', 'torch_cpu_ms_per_step')}× PyTorch"),
    (f"PyTorch {record.get('torch_version', '')}".strip(), "torch_cpu_ms_per_step", "torch_ms_per_step",
     f"1×; test NLL {f('torch_test_nll', 3)}"),
]
load = record.get("load_average")
print(f"{record['date']}, {record['machine']}, load {load[0]:.1f} → {load[1]:.1f}" if load else record["date"])
print(f"{record['steps']} steps of {record['dataset']} (piecewise, PyTorch), "
      f"{record.get('compare_steps', '?')} compared steps (dense, autodiff)\n")
print("| engine | CPU ms/step (median) | wall ms/step (median) | ratio |")
print("| --- | --- | --- | --- |")
for name, cpu, wall, note in rows:
    print(f"| {name} | {f(cpu)} | {f(wall)} | {note} |")
PY
echo "recorded chapters/data/bench-flows.json"
