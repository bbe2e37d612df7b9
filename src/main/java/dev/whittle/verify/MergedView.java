package dev.whittle.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The image's file system as the layers build it up, the way overlay file systems apply them: a later entry
 * replaces an earlier one at its path, a whiteout ({@code .wh.NAME}) removes a path and everything under it, an
 * opaque marker ({@code .wh..wh..opq}) hides what lower layers had in its folder. Every file hidden that way is
 * a {@link Loss}: bytes a lower layer stores that the image never shows.
 */
final class MergedView {

    /** An entry of the final file system and the layer it comes from. */
    record Placed(ImageArchive.Entry entry, int layer) {}

    /**
     * Bytes stored and hidden.
     *
     * @param path     the hidden file
     * @param bytes    its size
     * @param added    the layer that stored it
     * @param removed  the layer whose entry hid it
     * @param deleted  removed (a whiteout) rather than overwritten
     */
    record Loss(String path, long bytes, int added, int removed, boolean deleted) {}

    private final NavigableMap<String, Placed> files = new TreeMap<>();
    private final List<Loss> losses = new ArrayList<>();

    MergedView(List<ImageArchive.Layer> layers) {
        this(layers, layers.size());
    }

    /** The file system of the first {@code upTo} layers. */
    MergedView(List<ImageArchive.Layer> layers, int upTo) {
        for (int i = 0; i < upTo && i < layers.size(); i++) {
            List<ImageArchive.Entry> entries = layers.get(i).entries();
            for (ImageArchive.Entry e : entries) if (e.kind() == ImageArchive.Kind.OPAQUE) hideBelow(e.path(), i, true);
            for (ImageArchive.Entry e : entries) apply(e, i);
        }
    }

    private void apply(ImageArchive.Entry e, int layer) {
        switch (e.kind()) {
            case OPAQUE -> { } // done before the layer's entries
            case WHITEOUT -> {
                hide(e.path(), layer, true);
                hideBelow(e.path(), layer, true);
            }
            default -> {
                Placed old = files.get(e.path());
                if (old != null && old.layer() < layer) {
                    if (old.entry().kind() == ImageArchive.Kind.FILE && old.entry().size() > 0) {
                        losses.add(new Loss(e.path(), old.entry().size(), old.layer(), layer, false));
                    }
                    if (old.entry().kind() == ImageArchive.Kind.DIR && e.kind() != ImageArchive.Kind.DIR) hideBelow(e.path(), layer, false);
                }
                files.put(e.path(), new Placed(e, layer));
            }
        }
    }

    private void hide(String path, int layer, boolean deleted) {
        Placed old = files.get(path);
        if (old != null && old.layer() < layer) {
            files.remove(path);
            if (old.entry().kind() == ImageArchive.Kind.FILE && old.entry().size() > 0) {
                losses.add(new Loss(path, old.entry().size(), old.layer(), layer, deleted));
            }
        }
    }

    /** Hides what lower layers hold under the folder {@code dir} ("" is the root). */
    private void hideBelow(String dir, int layer, boolean deleted) {
        String from = dir.isEmpty() ? "" : dir + "/";
        String to = dir.isEmpty() ? "\uffff" : dir + "0"; // '0' follows '/'
        Map<String, Placed> under = files.subMap(from, true, to, false);
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, Placed> x : under.entrySet()) if (x.getValue().layer() < layer) gone.add(x.getKey());
        for (String p : gone) hide(p, layer, deleted);
    }

    /** Every path of the final file system (folders included), sorted. */
    NavigableMap<String, Placed> files() {
        return files;
    }

    List<Loss> losses() {
        return losses;
    }

    /** Whether the path exists, following symbolic links in its folders and at its end (at most 40). */
    boolean exists(String path) {
        return resolve(ImageArchive.normalize(path), 0) != null;
    }

    /** The final entry a path leads to after symbolic links, or null. */
    Placed resolve(String path, int depth) {
        if (depth > 40) return null;
        String[] parts = path.split("/");
        StringBuilder sofar = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].equals(".")) continue;
            if (parts[i].equals("..")) {
                int cut = sofar.lastIndexOf("/");
                sofar.setLength(Math.max(cut, 0));
                continue;
            }
            if (sofar.length() > 0) sofar.append('/');
            sofar.append(parts[i]);
            Placed p = files.get(sofar.toString());
            if (p == null) return null;
            if (p.entry().kind() == ImageArchive.Kind.SYMLINK) {
                String target = p.entry().link();
                String dir = sofar.lastIndexOf("/") < 0 ? "" : sofar.substring(0, sofar.lastIndexOf("/"));
                String joined = target.startsWith("/") ? target.substring(1) : (dir.isEmpty() ? target : dir + "/" + target);
                StringBuilder rest = new StringBuilder(joined);
                for (int k = i + 1; k < parts.length; k++) rest.append('/').append(parts[k]);
                return resolve(rest.toString(), depth + 1);
            }
            if (i == parts.length - 1) return p;
        }
        return files.get(sofar.toString());
    }
}
