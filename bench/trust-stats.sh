#!/usr/bin/env bash
# Before / after over the whole corpus, one level: per pass, the files it rewrites and the findings it reports
# instead, by reason; first lines over 160 characters. Runs `whittle batch --format json` with this checkout's jar
# and with BASE_JAR (another build of whittle, e.g. one of the commit before a change), then compares the reports.
# Usage: BASE_JAR=/path/to/old/whittle.jar bench/trust-stats.sh [LEVEL] [CORPUS_DIR]   (default: balanced)
set -euo pipefail
level="${1:-balanced}"
corpus_arg="${2:-}"
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
: "${BASE_JAR:?set BASE_JAR to the whittle.jar to compare with}"
run() { # JAR OUT
  java -XX:+UseParallelGC -Xmx800m -Xss16m -jar "$1" batch --no-progress --level "$level" --format json "$corpus" > "$2" \
    2> "$2.log" || true
}
run "$BASE_JAR" "$out/trust-before.$level.json"
run "$repo/target/whittle.jar" "$out/trust-after.$level.json"
python3 "$here/trust_stats.py" "$out/trust-before.$level.json" "$out/trust-after.$level.json"
