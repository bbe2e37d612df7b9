#!/usr/bin/env bash
# Runs every pass (aggressive level) over the corpus and prints how many files each pass changed,
# the findings, and whether every output parses again and is idempotent.
# Usage: bench/pass-stats.sh [CORPUS_DIR]   (default: unpacks ../shared/corpus into /tmp)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
corpus="${1:-/tmp/whittle-corpus}"
if [ ! -d "$corpus/data" ]; then
  mkdir -p "$corpus" && tar -xJf "$repo/../shared/corpus/dockerhub-dockerfiles.tar.xz" -C "$corpus"
fi
[ -f "$repo/target/whittle.jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
mkdir -p "$here/out"
find "$corpus" -type f -name Dockerfile | sort > "$here/out/files.txt"
java -cp "$repo/target/whittle.jar" "$here/PassStats.java" "$here/out/files.txt"
