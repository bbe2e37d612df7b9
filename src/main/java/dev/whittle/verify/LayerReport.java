package dev.whittle.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the bytes of one image are, layer by layer, as dive shows them: each layer's size next to the
 * instruction that made it, the bytes stored by one layer and deleted or overwritten by a later one (wasted,
 * with both instructions), the efficiency, and the largest files and folders of the final file system.
 *
 * @param tarBytes     the sum of the layers' uncompressed tars (what {@code buildah inspect} and {@code docker
 *                     image inspect} count)
 * @param fileBytes    the bytes of every file every layer stores
 * @param finalBytes   the bytes of the files the final file system shows
 * @param wastedBytes  fileBytes that the final file system does not show
 * @param efficiency   finalBytes / fileBytes: 1.0 when no layer stores a byte a later one hides
 */
public record LayerReport(String image, List<Row> layers, int baseLayers, long tarBytes, long fileBytes, long finalBytes,
                          long wastedBytes, double efficiency, List<Waste> waste, List<Sized> largestFiles,
                          List<Sized> largestFolders) {

    /**
     * One layer.
     *
     * @param index        from 0, bottom first
     * @param tarBytes     its uncompressed tar
     * @param fileBytes    the bytes of its files
     * @param wastedBytes  of those, the bytes a later layer deletes or overwrites
     * @param base         whether it belongs to the base image
     * @param line         the Dockerfile line that made it (0: unknown, or the base image)
     * @param instruction  that instruction, or the history entry
     */
    public record Row(int index, long tarBytes, long fileBytes, int files, long wastedBytes, boolean base, int line,
                      String instruction) {
        /** "line 4: COPY . ." (the instruction alone when no line is known). */
        public String label() {
            return line > 0 ? "line " + line + ": " + instruction : instruction;
        }
    }

    /**
     * Bytes a layer stores that a later layer hides.
     *
     * @param addedBy    the layer that stores them
     * @param removedBy  the layer that deletes or overwrites them
     * @param deleted    deleted (whiteouts) or overwritten
     * @param examples   the largest of the files, at most five
     * @param advice     what would avoid it (a whittle pass when one applies)
     */
    public record Waste(int addedBy, String addedInstruction, int removedBy, String removedInstruction, boolean deleted,
                        long bytes, int files, List<String> examples, String advice) {}

    /** A file or folder of the final file system and its size. */
    public record Sized(String path, long bytes) {}

    /**
     * @param steps      the Dockerfile's instructions (NONE: the layers are named by their history)
     * @param baseLayers how many of the bottom layers are the base image's
     */
    public static LayerReport of(String image, ImageArchive archive, BuildSteps steps, int baseLayers) {
        List<ImageArchive.Layer> layers = archive.layers();
        MergedView view = new MergedView(layers);
        int base = Math.min(baseLayers, layers.size());
        List<BuildSteps.Step> named = steps.steps().isEmpty() ? null : steps.match(layers, base);
        String[] label = new String[layers.size()];
        int[] line = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            ImageArchive.History h = layers.get(i).history();
            if (i < base) {
                label[i] = "FROM " + (steps.baseImage().isEmpty() ? "the base image" : steps.baseImage()) + " (base layer " + (i + 1) + " of " + base + ")";
            } else if (named != null) {
                label[i] = named.get(i - base).text();
                line[i] = named.get(i - base).line();
            } else {
                label[i] = h == null ? "(no history entry)" : BuildSteps.history(h.createdBy());
            }
        }
        long[] wasted = new long[layers.size()];
        Map<String, List<MergedView.Loss>> groups = new LinkedHashMap<>();
        long wastedTotal = 0;
        for (MergedView.Loss l : view.losses()) {
            wasted[l.added()] += l.bytes();
            wastedTotal += l.bytes();
            groups.computeIfAbsent(l.added() + "/" + l.removed() + "/" + l.deleted(), k -> new ArrayList<>()).add(l);
        }
        List<Row> rows = new ArrayList<>();
        long fileBytes = 0;
        long tar = 0;
        for (int i = 0; i < layers.size(); i++) {
            ImageArchive.Layer l = layers.get(i);
            int files = 0;
            for (ImageArchive.Entry e : l.entries()) if (e.kind() == ImageArchive.Kind.FILE) files++;
            rows.add(new Row(i, l.tarBytes(), l.fileBytes(), files, wasted[i], i < base, line[i], label[i]));
            fileBytes += l.fileBytes();
            tar += l.tarBytes();
        }
        List<Waste> waste = new ArrayList<>();
        for (List<MergedView.Loss> g : groups.values()) {
            MergedView.Loss first = g.get(0);
            long bytes = g.stream().mapToLong(MergedView.Loss::bytes).sum();
            List<String> examples = g.stream().sorted(Comparator.comparingLong(MergedView.Loss::bytes).reversed()).limit(5)
                    .map(x -> "/" + x.path()).toList();
            String added = rows.get(first.added()).label();
            String removed = rows.get(first.removed()).label();
            String advice = first.removed() < base
                    ? "inside the base image: nothing to change in this Dockerfile (a slimmer base image avoids it)"
                    : WasteAdvice.advise(g.stream().map(MergedView.Loss::path).toList(), first.deleted(), label[first.added()], label[first.removed()]);
            waste.add(new Waste(first.added(), added, first.removed(), removed, first.deleted(), bytes, g.size(), examples, advice));
        }
        waste.sort(Comparator.comparingLong(Waste::bytes).reversed());
        long finalBytes = fileBytes - wastedTotal;
        return new LayerReport(image, rows, base, tar, fileBytes, finalBytes, wastedTotal,
                fileBytes == 0 ? 1.0 : (double) finalBytes / fileBytes, waste, largestFiles(view, 10), largestFolders(view, 10));
    }

    private static List<Sized> largestFiles(MergedView view, int n) {
        List<Sized> all = new ArrayList<>();
        for (MergedView.Placed p : view.files().values()) {
            if (p.entry().kind() == ImageArchive.Kind.FILE) all.add(new Sized("/" + p.entry().path(), p.entry().size()));
        }
        all.sort(Comparator.comparingLong(Sized::bytes).reversed().thenComparing(Sized::path));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /** Folders up to three levels deep by the bytes under them; a folder that only wraps one child listed is left out. */
    private static List<Sized> largestFolders(MergedView view, int n) {
        Map<String, Long> size = new HashMap<>();
        for (MergedView.Placed p : view.files().values()) {
            if (p.entry().kind() != ImageArchive.Kind.FILE) continue;
            String path = p.entry().path();
            int from = 0;
            for (int depth = 0; depth < 3; depth++) {
                int slash = path.indexOf('/', from);
                if (slash < 0) break;
                size.merge(path.substring(0, slash), p.entry().size(), Long::sum);
                from = slash + 1;
            }
        }
        List<Sized> all = new ArrayList<>();
        size.forEach((k, v) -> all.add(new Sized("/" + k, v)));
        all.sort(Comparator.comparingLong(Sized::bytes).reversed().thenComparing(Sized::path));
        List<Sized> out = new ArrayList<>();
        for (Sized s : all) {
            if (out.size() == n) break;
            // a parent whose size equals a listed child's adds nothing
            boolean wraps = out.stream().anyMatch(o -> o.bytes() == s.bytes() && (o.path().startsWith(s.path() + "/") || s.path().startsWith(o.path() + "/")));
            if (!wraps) out.add(s);
        }
        return out;
    }
}
