#!/usr/bin/env bash
# Runs every pass (aggressive level) over the corpus and prints how many files each pass changed,
# the findings, and whether every output parses again and is idempotent.
# Usage: bench/pass-stats.sh [CORPUS_DIR]   (default: ../shared/corpus unpacked into /tmp; a clear error without either)
set -euo pipefail
corpus_arg="${1:-}"
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
find "$corpus" -type f -name Dockerfile | sort > "$here/out/files.txt"
java -cp "$repo/target/whittle.jar" "$here/PassStats.java" "$here/out/files.txt"
