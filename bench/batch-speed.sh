#!/usr/bin/env bash
# Batch speed: `whittle batch` over the whole corpus (full optimize at the balanced level, a diff for every
# changed file, nothing written), with wall time and peak memory; whittle's own read and print of the same
# files (`whittle parse --roundtrip`, the floor a batch cannot go below) and dockerfile-ast 0.7.1 parsing them,
# in the same run, with the ratios; then the median cold start of a single `whittle optimize`. The three run in
# turn, RUNS times each (default 3), and the medians are compared: one run on a shared 2-core machine can be
# off by 10% or more.
# Usage: bench/batch-speed.sh [CORPUS_DIR]   (default: ../shared/corpus unpacked into /tmp; a clear error without either)
set -euo pipefail
corpus_arg="${1:-}"
runs="${RUNS:-3}"
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
with_dockerfile_ast
"$repo/whittle" --version > /dev/null # builds the class-data-sharing archive once, outside the timings
find "$corpus" -type f -name Dockerfile | sort > "$out/files.txt"
echo "corpus: $(wc -l < "$out/files.txt") files, $(du -sh "$corpus" | cut -f1) on disk, $(nproc) cores"
xargs -a "$out/files.txt" cat > /dev/null # page cache warm for both tools

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
: > "$out/batch.walls"; : > "$out/roundtrip.walls"; : > "$out/ast.secs"; peak_kb=0; r_peak_kb=0; a_mb=0
for r in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$out/batch.time" "$repo/whittle" batch --no-progress "$corpus" \
    > "$out/batch.summary" 2> "$out/batch.log" || true
  read -r w_secs w_kb < <(tail -1 "$out/batch.time")
  echo "$w_secs" >> "$out/batch.walls"
  [ "$w_kb" -gt "$peak_kb" ] && peak_kb=$w_kb
  /usr/bin/time -f "%e %M" -o "$out/roundtrip.time" "$repo/whittle" parse --roundtrip "$corpus" \
    > /dev/null 2> "$out/roundtrip.log" || true
  read -r r_secs r_kb < <(tail -1 "$out/roundtrip.time")
  echo "$r_secs" >> "$out/roundtrip.walls"
  [ "$r_kb" -gt "$r_peak_kb" ] && r_peak_kb=$r_kb
  ast=$(cd "$out" && NODE_PATH="$out/node_modules" node "$here/dockerfile-ast-parse.js" < "$out/files.txt")
  echo "$ast" | sed -E 's/.*"seconds":([0-9.]+).*/\1/' >> "$out/ast.secs"
  a_mb=$(echo "$ast" | sed -E 's/.*"peakMB":([0-9]+).*/\1/')
  echo "run $r: whittle batch ${w_secs} s, whittle parse --roundtrip ${r_secs} s, dockerfile-ast $(printf '%.2f' "$(tail -1 "$out/ast.secs")") s"
done
w_med=$(median < "$out/batch.walls")
a_med=$(median < "$out/ast.secs")
r_med=$(median < "$out/roundtrip.walls")
echo "whittle batch (optimize + diff, balanced, no writes):"
sed 's/^/  /' "$out/batch.summary" | head -8
echo "  wall ${w_med} s, median of ${runs} (JVM start and the file search included), peak $((peak_kb / 1024)) MB"
echo "whittle parse --roundtrip (read and print every file, no passes): wall ${r_med} s, median of ${runs}, peak $((r_peak_kb / 1024)) MB"
echo "  $(grep -E '^[0-9]+ files:' "$out/roundtrip.log" || echo "no summary (see $out/roundtrip.log)")"
echo "ratio: whittle batch time / whittle parse --roundtrip time = $(awk -v r="$r_med" -v w="$w_med" 'BEGIN{printf "%.2f", w/r}') (target: at most 1.5)"
echo "dockerfile-ast 0.7.1, parse only: $(printf '%.2f' "$a_med") s, median of ${runs} (file reading included, node start excluded), peak ${a_mb} MB"
echo "ratio: dockerfile-ast parse time / whittle batch time = $(awk -v a="$a_med" -v w="$w_med" 'BEGIN{printf "%.2f", a/w}') (target: at least 2)"

# cold start: a new JVM each time, on the Dockerfile of the README's first command
sample="$repo/testdata/examples/go-alpine-go-get/Dockerfile"
cold() {
  for _ in $(seq 21); do
    s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  done | median
}
echo "cold start, whittle optimize --diff (median of 21):"
echo "  ./whittle (class-data-sharing archive, C1 only): $(cold "$repo/whittle" optimize --diff "$sample") ms"
echo "  plain java -jar:                                 $(cold java -jar "$repo/target/whittle.jar" optimize --diff "$sample") ms"
