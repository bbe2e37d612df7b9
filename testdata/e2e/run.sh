#!/usr/bin/env bash
# The end-to-end suite: for every app under apps/ (its Dockerfile and sources, or a `source` file naming them) and every level in its `levels` file, `whittle verify`
# builds the legacy Dockerfile and whittle's rewrite with buildah, runs the app's check (verify.args) in both
# images, and records sizes, layers and build times. Prints a table (also written to out/results.md) and
# fails when an app's rewrite does not build, behaves differently, or is not at least `min-ratio` times smaller.
#
# Here the base images are local stand-ins built from Debian packages by standins.sh (this machine cannot
# reach Docker Hub). With a normal Docker engine and the real images: WHITTLE_E2E_ENGINE=docker
# WHITTLE_E2E_STANDINS=no testdata/e2e/run.sh  (then --no-pull is dropped and the real images are pulled).
# Usage: testdata/e2e/run.sh [APP...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
engine="${WHITTLE_E2E_ENGINE:-buildah}"
export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}" BUILDAH_ISOLATION="${BUILDAH_ISOLATION:-chroot}"
out="$here/out"
mkdir -p "$out"
pull=(--no-pull)
if [ "${WHITTLE_E2E_STANDINS:-yes}" = yes ]; then
  "$here/standins.sh"
else
  pull=()
fi
[ -f "$repo/target/whittle.jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)

apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=($(ls "$here/apps"))
rm -f "$out"/*.json
for app in "${apps[@]}"; do
  dir="$here/apps/$app"
  read -r -a args < "$dir/verify.args" || true
  src="$dir"
  # an app may be a Dockerfile kept elsewhere in testdata (the go-run-main example): its folder is named in `source`
  [ -f "$dir/source" ] && src="$(cd "$dir/$(cat "$dir/source")" && pwd)"
  for level in $(cat "$dir/levels"); do
    echo "e2e: $app ($level)..." >&2
    rc=0
    java -jar "$repo/target/whittle.jar" verify --engine "$engine" "${pull[@]}" --no-cache --level "$level" --format json \
      "${args[@]}" "$src/Dockerfile" > "$out/$app.$level.json" 2> "$out/$app.$level.log" || rc=$?
    echo "$rc" > "$out/$app.$level.rc"
    [ "$rc" = 0 ] || { echo "e2e: $app ($level) exit $rc" >&2; tail -30 "$out/$app.$level.log" >&2; }
  done
done

# whittle's own Dockerfile: it builds, and the image runs whittle
self_status="not built"
if [ "$engine" = buildah ]; then
  if buildah bud "${pull[@]/--no-pull/--pull=never}" --layers -t localhost/whittle-e2e-self "$repo" > "$out/self.log" 2>&1; then
    ctr=$(buildah from --pull=never localhost/whittle-e2e-self)
    rules=$(buildah run "$ctr" -- /usr/bin/java -jar /opt/whittle/whittle.jar rules 2>&1 || true)
    if grep -q split-build-runtime <<< "$rules"; then
      self_status="builds, runs \`whittle rules\`: $(buildah images --format '{{.Size}}' localhost/whittle-e2e-self | head -1)"
    else
      self_status="FAIL: built, but whittle does not run in it"
    fi
    buildah rm "$ctr" > /dev/null
    buildah rmi localhost/whittle-e2e-self > /dev/null 2>&1 || true
  else
    self_status="FAIL: does not build (see $out/self.log)"
  fi
elif [ "$engine" = docker ] || [ "$engine" = podman ]; then
  rules=""
  if "$engine" build -t whittle-e2e-self "$repo" > "$out/self.log" 2>&1; then
    rules=$("$engine" run --rm whittle-e2e-self rules 2>&1 || true)
  fi
  if grep -q split-build-runtime <<< "$rules"; then
    self_status="builds, runs \`whittle rules\`"
  else
    self_status="FAIL: see $out/self.log"
  fi
  "$engine" rmi -f whittle-e2e-self > /dev/null 2>&1 || true
fi
echo "$self_status" > "$out/self.status"

# intermediate images of the builds (kept by --layers) are not needed any more
[ "$engine" = buildah ] && buildah rmi --prune > /dev/null 2>&1 || true

python3 - "$here" "$out" "${apps[@]}" <<'PY'
import json, os, sys
here, out, apps = sys.argv[1], sys.argv[2], sys.argv[3:]
rows, failed = [], []
for app in apps:
    need = float(open(os.path.join(here, "apps", app, "min-ratio")).read())
    for level in open(os.path.join(here, "apps", app, "levels")).read().split():
        base = os.path.join(out, f"{app}.{level}")
        rc = int(open(base + ".rc").read())
        try:
            r = json.load(open(base + ".json"))
        except (OSError, ValueError):
            failed.append(f"{app} ({level}): no report, exit {rc}")
            continue
        b, a = r["before"], r.get("after") or {}
        ratio = b["sizeBytes"] / a["sizeBytes"] if a.get("sizeBytes") else 0
        ok = rc == 0 and r["verdict"] is None and ratio >= need
        if not ok:
            failed.append(f"{app} ({level}): {r['verdict'] or ''} ratio {ratio:.1f}x, needs {need:g}x, exit {rc}")
        rows.append(f"| {app} | {level} | {b['sizeBytes']/1e6:,.1f} MB | {a.get('sizeBytes', 0)/1e6:,.1f} MB | "
                    f"{ratio:,.1f}x (≥ {need:g}x) | {b['layers']} / {a.get('layers', '-')} | "
                    f"{b['buildSeconds']:.0f} s / {a.get('buildSeconds', 0):.0f} s | {a.get('outcome') or '-'} | "
                    f"{'pass' if ok else 'FAIL'} |")
table = ["| app | level | size before | size after | ratio | layers before / after | build before / after | check (both) | result |",
         "|---|---|---|---|---|---|---|---|---|"] + rows
self_status = open(os.path.join(out, "self.status")).read().strip()
table.append("")
table.append(f"whittle's own Dockerfile: {self_status}")
if self_status.startswith("FAIL"):
    failed.append("whittle's own Dockerfile: " + self_status)
text = "\n".join(table) + "\n"
open(os.path.join(out, "results.md"), "w").write(text)
print(text)
for f in failed:
    print("FAILED:", f)
sys.exit(1 if failed else 0)
PY
