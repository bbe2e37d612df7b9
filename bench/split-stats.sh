#!/usr/bin/env bash
# Stage-split statistics over the corpus: for each language, how many single-stage files were split
# and how many refused, with the top refusal reasons; every split output is parsed again and checked
# for idempotence. No build contexts (the corpus has only Dockerfiles): the cautious mode.
# Usage: bench/split-stats.sh [LEVEL] [CORPUS_DIR]   (default: balanced, /tmp/whittle-corpus)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
level="${1:-balanced}"
corpus="${2:-/tmp/whittle-corpus}"
if [ ! -d "$corpus/data" ]; then
  mkdir -p "$corpus" && tar -xJf "$repo/../shared/corpus/dockerhub-dockerfiles.tar.xz" -C "$corpus"
fi
[ -f "$repo/target/whittle.jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
mkdir -p "$here/out"
find "$corpus" -type f -name Dockerfile | sort > "$here/out/files.txt"
java -cp "$repo/target/whittle.jar" "$here/SplitStats.java" "$here/out/files.txt" "$level"
