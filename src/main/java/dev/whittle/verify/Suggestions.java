package dev.whittle.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * whittle's suggestions for the instructions of an image that waste the most: bytes stored and removed later
 * (with the pass that avoids it), and build-only files (toolchains, caches, package manager state) that a layer
 * ships, which a builder stage would keep out of the image.
 */
public final class Suggestions {
    private Suggestions() {}

    /** One suggestion: the instruction, the bytes at stake, and what to do. */
    public record Suggestion(int layer, String instruction, long bytes, String advice) {}

    /** The suggestions for an image, the most bytes first (at most ten). */
    public static List<Suggestion> of(LayerReport report, ImageArchive archive, BuildPaths buildPaths) {
        List<Suggestion> out = new ArrayList<>();
        for (LayerReport.Waste w : report.waste()) {
            if (w.removedBy() < report.baseLayers()) continue; // the base image's own
            out.add(new Suggestion(w.addedBy(), w.addedInstruction(), w.bytes(), w.advice() + " (" + w.files() + (w.files() == 1 ? " file, " : " files, ")
                    + (w.deleted() ? "deleted" : "overwritten") + " by " + w.removedInstruction() + ")"));
        }
        MergedView view = new MergedView(archive.layers());
        Map<Integer, Map<String, Long>> shipped = new LinkedHashMap<>();
        for (MergedView.Placed p : view.files().values()) {
            if (p.layer() < report.baseLayers() || p.entry().kind() != ImageArchive.Kind.FILE) continue;
            BuildPaths.Group g = buildPaths.match("/" + p.entry().path());
            if (g == null || g.compiled()) continue;
            shipped.computeIfAbsent(p.layer(), k -> new LinkedHashMap<>()).merge(g.name(), p.entry().size(), Long::sum);
        }
        shipped.forEach((layer, groups) -> {
            long bytes = groups.values().stream().mapToLong(Long::longValue).sum();
            if (bytes < 1_000_000) return;
            List<String> parts = new ArrayList<>();
            groups.forEach((g, b) -> parts.add(g + " " + LayerText.human(b)));
            out.add(new Suggestion(layer, report.layers().get(layer).label(), bytes, "ships build-only files ("
                    + String.join(", ", parts) + "): a builder stage keeps them out of the image (split-build-runtime), "
                    + "or remove them in the same step"));
        });
        out.sort(Comparator.comparingLong(Suggestion::bytes).reversed());
        return List.copyOf(out.subList(0, Math.min(10, out.size())));
    }
}
