# Timing helpers shared by the benchmark scripts (sourced, not run).

# Prints the median and 95th percentile, in milliseconds, of RUNS whole-process runs
# of a command given as one string: with hyperfine when it is installed (no shell
# in between), else timed from Python.
#   time_ms RUNS "COMMAND ARGS…"
time_ms() {
  local runs=$1
  shift
  if command -v hyperfine > /dev/null; then
    local json
    json=$(mktemp)
    hyperfine -N --runs "$runs" --warmup 2 --ignore-failure --style none \
      --export-json "$json" "$*" > /dev/null 2>&1
    python3 - "$json" <<'PY'
import json, statistics, sys
ts = sorted(t * 1000 for t in json.load(open(sys.argv[1]))["results"][0]["times"])
p95 = ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
print(f"{statistics.median(ts):.1f} {p95:.1f}")
PY
    rm -f "$json"
  else
    python3 - "$runs" "$*" <<'PY'
import shlex, statistics, subprocess, sys, time
runs, args = int(sys.argv[1]), shlex.split(sys.argv[2])
ts = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append((time.perf_counter() - start) * 1000)
ts.sort()
p95 = ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
print(f"{statistics.median(ts):.1f} {p95:.1f}")
PY
  fi
}

# The median of numbers given as arguments.
median() {
  python3 -c "import statistics, sys; print(statistics.median(map(float, sys.argv[1:])))" "$@"
}
