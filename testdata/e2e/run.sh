#!/usr/bin/env bash
# The end-to-end suite: for every app under apps/ (its Dockerfile and sources, or a `source` file naming them) and every level in its `levels` file, `whittle verify`
# builds the legacy Dockerfile and whittle's rewrite with buildah, compares the files of the two final images
# (what the rewrite lacks outside the base image and build-only paths), runs the app's check (verify.args: HTTP
# checks with --compare / --ignore-json / --expect-status, --env, --arg, --service ...) in both images, and writes
# the layer report (JSON, and HTML opened in headless Chromium to check its charts are drawn). summary.py prints a
# table and each app's layers (also written to out/results.md) and fails when an app's rewrite does not build,
# lacks a file the image needs, behaves differently, the check could not run, is not at least `min-ratio` times
# smaller, or a layer's size differs from what buildah inspect says by more than 1%.
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
# the service the python-service app asks (verify --service), built from a stand-in like the others
if [ "$engine" = buildah ]; then
  buildah inspect --type image localhost/whittle-e2e-items > /dev/null 2>&1 \
    || buildah bud -q --pull=never -t localhost/whittle-e2e-items "$here/services/items" > /dev/null
else
  "$engine" build -q -t localhost/whittle-e2e-items "$here/services/items" > /dev/null
fi

apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=($(ls "$here/apps"))
rm -f "$out"/*.json "$out"/*.html "$out"/*.dom
for app in "${apps[@]}"; do
  dir="$here/apps/$app"
  # an app whittle must not split (its `refused` file holds the reason it must give): the report says so, and the
  # original still builds
  if [ -f "$dir/refused" ]; then
    for level in $(cat "$dir/levels"); do
      echo "e2e: $app ($level), to be refused..." >&2
      (cd "$dir" && java -jar "$repo/target/whittle.jar" optimize --level "$level" --format json Dockerfile) \
        > "$out/$app.$level.json" 2> "$out/$app.$level.log" || true
      rc=0
      if [ "$engine" = buildah ]; then
        buildah bud --pull=never -q -t "localhost/whittle-e2e-$app" "$dir" > "$out/$app.$level.build.log" 2>&1 || rc=$?
        buildah rmi "localhost/whittle-e2e-$app" > /dev/null 2>&1 || true
      fi
      echo "$rc" > "$out/$app.$level.rc"
    done
    continue
  fi
  read -r -a args < "$dir/verify.args" || true
  src="$dir"
  # an app may be a Dockerfile kept elsewhere in testdata (the go-run-main example): its folder is named in `source`
  [ -f "$dir/source" ] && src="$(cd "$dir/$(cat "$dir/source")" && pwd)"
  for level in $(cat "$dir/levels"); do
    echo "e2e: $app ($level)..." >&2
    rc=0
    java -jar "$repo/target/whittle.jar" verify --engine "$engine" "${pull[@]}" --no-cache --level "$level" --format json \
      --layers --html "$out/$app.$level.html" "${args[@]}" "$src/Dockerfile" > "$out/$app.$level.json" 2> "$out/$app.$level.log" || rc=$?
    echo "$rc" > "$out/$app.$level.rc"
    [ "$rc" = 0 ] || { echo "e2e: $app ($level) exit $rc" >&2; tail -30 "$out/$app.$level.log" >&2; }
    # the HTML report in a real browser: the DOM it builds must hold both charts (summary.py checks)
    if [ -f "$out/$app.$level.html" ] && command -v chromium > /dev/null; then
      timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$out/chromium-profile" --dump-dom "file://$out/$app.$level.html" \
        > "$out/$app.$level.dom" 2> /dev/null || true
      rm -rf "$out/chromium-profile"
    fi
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

python3 "$here/summary.py" "$here" "$out" "${apps[@]}"
