#!/bin/sh
# Records `flowbook bench flows --json` (FlowBook against plain PyTorch, side by side) together with the
# machine, the date and the PyTorch version, into chapters/data/bench-flows.json, which the speed chapter
# reads. Run from anywhere after `swift build -c release` (or set FLOWBOOK to another flowbook binary);
# extra arguments go to the bench command.
set -eu
cd "$(dirname "$0")/../.."
result=$("${FLOWBOOK:-.build/release/flowbook}" bench flows --json "$@")
RESULT="$result" python3 - <<'PY' > chapters/data/bench-flows.json
import datetime, json, os, platform
record = json.loads(os.environ["RESULT"])
model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
             platform.processor() or "unknown CPU")
record["machine"] = f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"
record["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
record.setdefault("threads", 1)  # the bench pins BLAS and torch to one thread
try:
    import torch
    record["torch_version"] = torch.__version__
except ImportError:
    pass
print(json.dumps(record, indent=2, sort_keys=True))
PY
echo "recorded chapters/data/bench-flows.json"
