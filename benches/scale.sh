#!/usr/bin/env bash
# Archive-scale benchmark: builds a synthetic corpus of N reports and measures a full
# rebuild, an incremental run with 1% of the files changed, whole-process query
# times, and beside them the engine limit (tantivy alone indexing the same extracted
# reports) and ripgrep over the same files when it is installed.
#
#   benches/scale.sh [N] [WORKDIR]      (default N=100000, WORKDIR=/tmp/referat-scale)
#   RUNS=1 benches/scale.sh …           (rebuild and engine limit once each; default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/timing.sh
N=${1:-100000}
WORK=${2:-/tmp/referat-scale}
CORPUS=$WORK/corpus-$N
INDEX=$WORK/index-$N
mkdir -p "$WORK"

cargo build --release --quiet --bin referat --example gen_corpus --example engine_limit
BIN=target/release/referat

if [ ! -d "$CORPUS/reports" ]; then
  target/release/examples/gen_corpus --count "$N" --out "$CORPUS" --seed 1
fi
html_mb=$(du -sm --apparent-size "$CORPUS/reports" | cut -f1)

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
now() { date +%s.%N; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
echo "corpus:  $N reports, $html_mb MB"

# The machine is shared: the rebuild and the engine limit run in turns, RUNS times
# each (default 3), and the ratio is of their medians.
RUNS=${RUNS:-3}
rebuilds=()
limits=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$INDEX"
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BIN" --index "$INDEX" index --rebuild -q "$CORPUS/reports"
  read -r rebuild_s rss_kb < "$WORK/time.txt"
  rebuilds+=("$rebuild_s")
  limit_line=$(target/release/examples/engine_limit "$INDEX")
  limit_s=$(echo "$limit_line" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
  limits+=("$limit_s")
  echo "run $run: rebuild $(seconds "$rebuild_s") s (peak RSS $((rss_kb / 1024)) MB), engine limit $(seconds "$limit_s") s"
done
rebuild_s=$(median "${rebuilds[@]}")
limit_s=$(median "${limits[@]}")
index_mb=$(du -sm --apparent-size "$INDEX" | cut -f1)
echo "rebuild: median $(seconds "$rebuild_s") s, $(python3 -c "print(round($N/$rebuild_s))") reports/s, $(python3 -c "print(round($html_mb/$rebuild_s,1))") MB/s, index $index_mb MB ($(python3 -c "print(round(100*$index_mb/$html_mb))")% of the corpus)"
echo "engine limit: median $(seconds "$limit_s") s"
echo "rebuild / engine limit: $(python3 -c "print(round($rebuild_s/$limit_s,2))")x"

# Incremental: nothing changed, then 1% of the files changed.
start=$(now)
"$BIN" --index "$INDEX" index -q "$CORPUS/reports"
noop_s=$(python3 -c "print($(now) - $start)")
echo "incremental (nothing changed): $(seconds "$noop_s") s = $(python3 -c "print(round(100*$noop_s/$rebuild_s,1))")% of the rebuild"
changed=$((N / 100))
find "$CORPUS/reports" -type f | sort > "$WORK/files.txt"
head -n "$changed" "$WORK/files.txt" | while read -r f; do
  printf '\n<!-- endra -->\n' >> "$f"
done
start=$(now)
"$BIN" --index "$INDEX" index -q "$CORPUS/reports"
incremental_s=$(python3 -c "print($(now) - $start)")
echo "incremental ($changed changed): $(seconds "$incremental_s") s = $(python3 -c "print(round(100*$incremental_s/$rebuild_s,1))")% of the rebuild"

queries=(
  "search helseplattformen"
  "search legevakt"
  "search helseforetaket"
  "search kommunene tjenester"
  "search \"felles legevakt\""
  "search person:nordal"
  "search dato:2023-11 rehabilitering"
  "search --sort date legevakt"
  "people --about helseplattformen"
  "person Nordal"
  "ask Kven snakka om velferdsteknologi?"
  "ask Når var utvida samarbeidsmøte?"
  # Whole-archive listings: no target, but they must not grow out of hand.
  "people"
  "themes"
  "timeline"
)
declare -A search_ms
for q in "${queries[@]}"; do
  read -r median p95 < <(time_ms 15 "$BIN --index $INDEX $q")
  search_ms[$q]=$median
  echo "query '$q': median $median ms, p95 $p95 ms"
done

# ripgrep over the same files, for the same single words (3 runs, median).
if command -v rg > /dev/null; then
  for word in helseplattformen legevakt; do
    times=()
    for _ in 1 2 3; do
      start=$(now)
      rg -l -i -F "$word" "$CORPUS/reports" > /dev/null || true
      times+=("$(python3 -c "print($(now) - $start)")")
    done
    rg_ms=$(python3 -c "import statistics,sys; print(round(1000*statistics.median(map(float, sys.argv[1:])),1))" "${times[@]}")
    echo "ripgrep '$word': $rg_ms ms = $(python3 -c "print(round($rg_ms/${search_ms["search $word"]}))")x referat search"
  done
else
  echo "ripgrep not installed: no comparison"
fi
