#!/usr/bin/env bash
# Language server latency: `whittle lsp` (through ./whittle, as an editor starts it) answering
# textDocument/diagnostic for a 300-line Dockerfile of the corpus (b/bklaric/saft), first right after start-up,
# then after a pause, then over 30 edits. Prints the figures; the target is under 200 ms after start-up.
# Usage: bench/lsp-latency.sh [CORPUS_DIR | FILE]   (default: unpacks ../shared/corpus into /tmp)
set -euo pipefail
arg="${1:-}"
file=""
if [ -f "$arg" ]; then file="$arg"; arg="$(dirname "$arg")"; fi # a file: no corpus to unpack
corpus_arg="$arg"
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ -n "$file" ] || file="$corpus/data/b/bklaric/saft/Dockerfile"
[ -f "$file" ] || { echo "no such file: $file" >&2; exit 2; }
echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
python3 "$here/lsp_latency.py" "$file" 30 -- "$repo/whittle" lsp
