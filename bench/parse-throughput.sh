#!/usr/bin/env bash
# Parse throughput: `whittle parse --roundtrip` over the whole corpus, and dockerfile-ast 0.7.1
# (installed from npm into bench/out/) parsing the same files in the same run.
# Usage: bench/parse-throughput.sh [CORPUS_DIR]   (default: ../shared/corpus unpacked into /tmp; a clear error without either)
set -euo pipefail
corpus_arg="${1:-}"
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
with_dockerfile_ast
find "$corpus" -type f -name Dockerfile | sort > "$out/files.txt"
echo "corpus: $(wc -l < "$out/files.txt") files, $(du -sh "$corpus" | cut -f1) on disk, $(nproc) cores"
# warm the page cache so both parsers read from memory
xargs -a "$out/files.txt" cat > /dev/null

/usr/bin/time -f "%e %M" -o "$out/whittle.time" "$repo/whittle" parse --roundtrip "@$out/files.txt" \
  > /dev/null 2> "$out/whittle.log" || true
read -r w_secs w_kb < <(tail -1 "$out/whittle.time")
summary=$(grep -E '^[0-9]+ files:' "$out/whittle.log" || echo "no summary (see $out/whittle.log)")
echo "whittle parse --roundtrip: $summary"
w_files=$(echo "$summary" | awk '{print $1}')
echo "whittle: ${w_secs} s wall (JVM start included), $(awk -v f="$w_files" -v s="$w_secs" 'BEGIN{printf "%.0f", f/s}') files/s, peak $((w_kb / 1024)) MB"

ast=$(cd "$out" && NODE_PATH="$out/node_modules" node "$here/dockerfile-ast-parse.js" < "$out/files.txt")
a_secs=$(echo "$ast" | sed -E 's/.*"seconds":([0-9.]+).*/\1/')
a_mb=$(echo "$ast" | sed -E 's/.*"peakMB":([0-9]+).*/\1/')
echo "dockerfile-ast 0.7.1 parse only: $(printf '%.2f' "$a_secs") s (file reading included, node start excluded), peak ${a_mb} MB"
echo "ratio: whittle is $(awk -v a="$a_secs" -v w="$w_secs" 'BEGIN{printf "%.1f", a/w}')x faster"
