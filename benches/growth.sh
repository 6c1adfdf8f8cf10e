#!/usr/bin/env bash
# How build time and query time grow with the archive: text-only synthetic corpora
# of each size given (default 10k, 100k and 1M reports), each rebuilt from scratch
# and queried with a fixed set (median of 7 whole-process runs).
#
#   benches/growth.sh [WORKDIR] [N...]    (default /tmp/referat-growth 10000 100000 1000000)
#
# A million text reports take about 4 GB of disk (small files) and the index about
# 0.6 GB; the corpus is generated once and kept in WORKDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/timing.sh
WORK=${1:-/tmp/referat-growth}
shift || true
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
mkdir -p "$WORK"

cargo build --release --quiet --bin referat --example gen_corpus
BIN=target/release/referat

queries=(
  "search helseplattformen"
  "search kommunene tjenester"
  "search \"felles legevakt\""
  "search person:nordal"
  "search dato:2023-11 rehabilitering"
  "people --about helseplattformen"
  "ask Kven snakka om velferdsteknologi?"
)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
for n in "${SIZES[@]}"; do
  corpus=$WORK/text-$n
  index=$WORK/index-$n
  if [ ! -d "$corpus/reports" ]; then
    target/release/examples/gen_corpus --count "$n" --out "$corpus" --seed 1 --text-share 100 --no-gold > /dev/null
  fi
  mb=$(du -sm --apparent-size "$corpus/reports" | cut -f1)
  rm -rf "$index"
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BIN" --index "$index" index --rebuild -q "$corpus/reports"
  read -r build_s rss_kb < "$WORK/time.txt"
  index_mb=$(du -sm --apparent-size "$index" | cut -f1)
  echo "$n reports ($mb MB of text): rebuild $build_s s ($(python3 -c "print(round($n/$build_s))") reports/s), peak RSS $((rss_kb / 1024)) MB, index $index_mb MB"
  for q in "${queries[@]}"; do
    read -r median _ < <(time_ms 7 "$BIN --index $index $q")
    echo "  $n '$q': median $median ms"
  done
done
