package dev.whittle.facts;

import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which stages' layers end up in the final image: the last stage and, transitively, the stages it is
 * built FROM. A stage used only through {@code COPY --from} is a builder: its size never ships.
 */
public final class FinalImage {
    private FinalImage() {}

    /** The stages whose layers ship, last stage first. */
    public static List<Stage> stages(Dockerfile file) {
        List<Stage> all = file.stages();
        List<Stage> out = new ArrayList<>();
        if (all.isEmpty()) return out;
        Stage s = all.get(all.size() - 1);
        while (s != null && !out.contains(s)) {
            out.add(s);
            s = parent(all, s);
        }
        return out;
    }

    /** Whether the stage's layers ship in the final image. */
    public static boolean ships(Dockerfile file, Stage stage) {
        return stages(file).stream().anyMatch(s -> s.index() == stage.index());
    }

    /** The stages a stage is built on, from the one that starts from an image to the stage itself. */
    public static List<Stage> chain(Dockerfile file, Stage stage) {
        List<Stage> chain = new java.util.ArrayList<>();
        for (Stage s = stage; s != null && !chain.contains(s) && chain.size() < 64; s = parent(file.stages(), s)) {
            chain.add(0, s);
        }
        return chain;
    }

    /** The stage a stage is built FROM, or null when it starts from an image. */
    public static Stage parent(List<Stage> all, Stage stage) {
        String base = stage.baseImage().toLowerCase(Locale.ROOT);
        for (int k = stage.index() - 1; k >= 0; k--) {
            String name = all.get(k).name();
            if (name != null && name.toLowerCase(Locale.ROOT).equals(base)) return all.get(k);
        }
        return null;
    }
}
