"""The e2e suite's table, layer tables and checks, from the reports `whittle verify --format json` wrote.

Usage: summary.py HERE OUT APP...   (run.sh calls it). Exit 1 when any check failed.
"""
import json
import os
import sys

here, out, apps = sys.argv[1], sys.argv[2], sys.argv[3:]
rows, failed, layer_text = [], [], []
worst = [0.0, ""]


def mb(b):
    return f"{b / 1e6:,.1f} MB" if b >= 100_000 else f"{b / 1e3:,.1f} kB"


def layers(app, level, side_name, side):
    """The side's layer table, and its sizes against buildah's own (buildah inspect): within 1%."""
    rep, eng = side.get("layerReport"), side.get("engineLayerBytes") or []
    if not rep:
        failed.append(f"{app} ({level}): no layer report for the {side_name}")
        return
    if eng and len(eng) != len(rep["layers"]):
        failed.append(f"{app} ({level}) {side_name}: {len(rep['layers'])} layers, buildah says {len(eng)}")
    for row, theirs in zip(rep["layers"], eng):
        dev = abs(row["tarBytes"] - theirs) / max(theirs, 1)
        if dev >= worst[0]:
            worst[:] = [dev, f"{app} {side_name} layer {row['index'] + 1}"]
        if dev > 0.01:
            failed.append(f"{app} ({level}) {side_name} layer {row['index'] + 1}: {row['tarBytes']} bytes, buildah says {theirs}")
    layer_text.append(f"\n{app} ({level}), {side_name}: {len(rep['layers'])} layers, {mb(rep['tarBytes'])}, "
                      f"efficiency {100 * rep['efficiency']:.1f}%, {mb(rep['wastedBytes'])} wasted")
    for row in rep["layers"]:
        made = ("line %d: " % row["line"] if row["line"] else "") + row["instruction"]
        layer_text.append(f"  {row['index'] + 1:>2} {mb(row['tarBytes']):>10}  {made[:100]}")


for app in apps:
    refused = os.path.join(here, "apps", app, "refused")
    if os.path.exists(refused):
        # whittle must refuse the split with this reason, and the original must build
        expected = open(refused).read().strip()
        for level in open(os.path.join(here, "apps", app, "levels")).read().split():
            base = os.path.join(out, f"{app}.{level}")
            try:
                report = json.load(open(base + ".json"))
                changes = report["files"][0].get("changes", [])
            except (OSError, ValueError, KeyError, IndexError):
                failed.append(f"{app} ({level}): no report")
                continue
            split = [c for c in changes if c["pass"] == "split-build-runtime"]
            said = split[0]["message"] if split else "(no word from the split)"
            ok = bool(split) and not split[0]["applied"] and expected in said
            built = open(base + ".rc").read().strip() == "0"
            if not ok:
                failed.append(f"{app} ({level}): expected a refusal saying '{expected}', got: {said}")
            if not built:
                failed.append(f"{app} ({level}): the original does not build (see {base}.build.log)")
            rows.append(f"| {app} | {level} | - | - | - | - | - | refused: {said[:90]} | - | "
                        f"{'pass' if ok and built else 'FAIL'} |")
        continue
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
        ok = rc == 0 and r["outcome"] == "SAME" and ratio >= need
        if not ok:
            failed.append(f"{app} ({level}): {r['outcome']}: {r['verdict'] or ''} ratio {ratio:.1f}x, needs {need:g}x, exit {rc}")
        c = r.get("contents")
        if c is None:
            failed.append(f"{app} ({level}): the content comparison did not run")
            contents = "-"
        else:
            contents = f"{c['missingFiles']} ({mb(c['missingBytes'])}), {len(c['needed'])} needed; {c['buildOnly']:,} build-only"
        layers(app, level, "original", b)
        if a:
            layers(app, level, "rewrite", a)
        dom_file = base + ".dom"
        if not os.path.exists(base + ".html"):
            failed.append(f"{app} ({level}): no HTML report")
        elif os.path.exists(dom_file):
            dom = open(dom_file, encoding="utf-8", errors="replace").read()
            if '<svg id="totals"' not in dom or dom.count('<rect class="layer"') < 2:
                failed.append(f"{app} ({level}): Chromium did not build the report's charts")
        rows.append(f"| {app} | {level} | {b['sizeBytes'] / 1e6:,.1f} MB | {a.get('sizeBytes', 0) / 1e6:,.1f} MB | "
                    f"{ratio:,.1f}x (≥ {need:g}x) | {b['layers']} / {a.get('layers', '-')} | "
                    f"{b['buildSeconds']:.0f} s / {a.get('buildSeconds', 0):.0f} s | {a.get('outcome') or '-'} | {contents} | "
                    f"{'pass' if ok else 'FAIL'} |")

table = ["| app | level | size before | size after | ratio | layers before / after | build before / after | check (both) "
         "| files the rewrite lacks (needed; build-only) | result |",
         "|---|---|---|---|---|---|---|---|---|---|"] + rows
self_status = open(os.path.join(out, "self.status")).read().strip()
table.append("")
table.append(f"whittle's own Dockerfile: {self_status}")
table.append(f"layer sizes against buildah inspect: largest difference {100 * worst[0]:.3f}% ({worst[1] or 'none compared'})")
if self_status.startswith("FAIL"):
    failed.append("whittle's own Dockerfile: " + self_status)
text = "\n".join(table) + "\n" + "\n".join(layer_text) + "\n"
open(os.path.join(out, "results.md"), "w").write(text)
print(text)
for f in failed:
    print("FAILED:", f)
sys.exit(1 if failed else 0)
