package dev.whittle.verify;

import dev.whittle.syntax.DockerfileReader;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions that make the layers of a Dockerfile's final image: the final stage's RUN, COPY, ADD and
 * WORKDIR, after those of the stages it is built FROM (a stage named in a later FROM), and the base image under
 * them all. Each layer of a built image is matched to one of them through its history entry.
 */
public record BuildSteps(String baseImage, List<Step> steps) {

    /** One instruction: its line, keyword and text on one line. */
    public record Step(int line, String keyword, String text) {
        public String label() {
            return "line " + line + ": " + text;
        }
    }

    public static final BuildSteps NONE = new BuildSteps("", List.of());

    /** Reads the file; NONE when it does not parse (the layers are then named by their history alone). */
    public static BuildSteps of(String dockerfile) {
        Dockerfile tree;
        try {
            tree = DockerfileReader.read(dockerfile, false);
        } catch (RuntimeException e) {
            return NONE;
        }
        List<Stage> stages = tree.stages();
        if (stages.isEmpty()) return NONE;
        List<Stage> chain = new ArrayList<>();
        Stage s = stages.get(stages.size() - 1);
        while (s != null && chain.size() < stages.size()) {
            chain.add(0, s);
            String base = s.baseImage();
            Stage parent = null;
            for (Stage t : stages) {
                if (t.index() < s.index() && t.name() != null && t.name().equalsIgnoreCase(base)) parent = t;
            }
            s = parent;
        }
        List<Step> steps = new ArrayList<>();
        for (Stage st : chain) {
            for (Instruction i : st.instructions()) {
                Keyword k = i.kind();
                if (k == Keyword.RUN || k == Keyword.COPY || k == Keyword.ADD || k == Keyword.WORKDIR) {
                    steps.add(new Step(i.line(), i.command().keyword().toUpperCase(Locale.ROOT), oneLine(i.text())));
                }
            }
        }
        return new BuildSteps(chain.get(0).baseImage(), steps);
    }

    /** The text on one line: continuations joined, runs of blanks made one space. */
    static String oneLine(String text) {
        return text.replaceAll("\\\\\\r?\\n", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * Names the layers above the base: matched from the top down, each history entry to the nearest earlier
     * instruction of its kind (a RUN to a RUN whose command the entry holds when one does), so base layers the
     * caller could not tell apart are left to their history entries.
     *
     * @return one step per layer from {@code base} on (line 0 when no instruction matched: named by its history)
     */
    List<Step> match(List<ImageArchive.Layer> layers, int base) {
        Step[] out = new Step[layers.size() - base];
        int next = steps.size() - 1;
        for (int i = layers.size() - 1; i >= base; i--) {
            ImageArchive.History h = layers.get(i).history();
            String by = h == null ? "" : h.createdBy();
            String kind = kindOf(by);
            int found = -1;
            for (int k = next; k >= 0 && found < 0; k--) {
                Step s = steps.get(k);
                boolean sameKind = s.keyword().equals(kind) || (kind.equals("COPY") && s.keyword().equals("ADD"))
                        || (kind.equals("ADD") && s.keyword().equals("COPY"));
                if (sameKind && (!kind.equals("RUN") || mentions(by, s))) found = k;
            }
            for (int k = next; k >= 0 && found < 0 && kind.equals("RUN"); k--) if (steps.get(k).keyword().equals(kind)) found = k;
            if (found >= 0) {
                out[i - base] = steps.get(found);
                next = found - 1;
            } else {
                out[i - base] = new Step(0, kind, history(by));
            }
        }
        return List.of(out);
    }

    /** What a history entry says, without the engine's "/bin/sh -c #(nop)" and "# buildkit" wrapping. */
    static String history(String createdBy) {
        String t = createdBy.strip();
        if (t.startsWith("|")) t = t.replaceFirst("^\\|[0-9]+ (\\S+=\\S* )*", "");
        t = t.replaceFirst("^/bin/sh -c #\\(nop\\)\\s*", "").replaceFirst("\\s*# buildkit$", "");
        if (t.startsWith("/bin/sh -c ")) t = "RUN " + t.substring("/bin/sh -c ".length());
        return oneLine(t);
    }

    private static String kindOf(String createdBy) {
        String t = history(createdBy);
        for (String k : List.of("COPY", "ADD", "WORKDIR")) if (t.startsWith(k + " ")) return k;
        return "RUN";
    }

    private static boolean mentions(String createdBy, Step s) {
        String cmd = s.text().replaceFirst("(?i)^RUN\\s+", "").replaceAll("--mount=\\S+\\s*", "").strip();
        String by = oneLine(createdBy);
        return !cmd.isEmpty() && by.contains(cmd.length() > 60 ? cmd.substring(0, 60) : cmd);
    }
}
