#!/usr/bin/env bash
# Stage-split statistics over the corpus: for each language, how many single-stage files were split
# and how many refused, with the top refusal reasons; every split output is parsed again and checked
# for idempotence. No build contexts (the corpus has only Dockerfiles): the cautious mode.
# Usage: bench/split-stats.sh [LEVEL] [CORPUS_DIR]   (default: balanced; ../shared/corpus unpacked into /tmp)
set -euo pipefail
level="${1:-balanced}"
corpus_arg="${2:-}"
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
find "$corpus" -type f -name Dockerfile | sort > "$here/out/files.txt"
java -cp "$repo/target/whittle.jar" "$here/SplitStats.java" "$here/out/files.txt" "$level"
