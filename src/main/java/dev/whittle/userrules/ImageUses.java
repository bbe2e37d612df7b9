package dev.whittle.userrules;

import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The images a Dockerfile pulls, as written: each FROM's base that is not an earlier stage (nor {@code scratch},
 * which is no image), and each {@code COPY --from=} that names an image rather than a stage or its index.
 */
final class ImageUses {
    private ImageUses() {}

    /**
     * @param instruction the FROM or COPY
     * @param written     the reference as written, digest included
     * @param copyFrom    whether it is a {@code COPY --from=} value (else a FROM's base)
     */
    record Use(Instruction instruction, String written, boolean copyFrom) {
        /** The reference without its digest. */
        String name() {
            int at = written.indexOf('@');
            return at < 0 ? written : written.substring(0, at);
        }

        /** The digest ({@code sha256:...}), or "". */
        String digest() {
            int at = written.indexOf('@');
            return at < 0 ? "" : written.substring(at + 1);
        }

        boolean variable() {
            return written.contains("$");
        }

        /** The instruction's text with the reference replaced, or null when it is not written once, plainly. */
        String replacedBy(String newReference) {
            String text = instruction.text();
            return copyFrom ? Texts.replaceOnce(text, "--from=" + written, "--from=" + newReference)
                    : Texts.replaceToken(text, written, newReference);
        }
    }

    static List<Use> of(Dockerfile file) {
        List<Use> out = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (Stage s : file.stages()) {
            String base = s.baseImage();
            if (!base.isEmpty() && !stages.contains(base.toLowerCase(Locale.ROOT))
                    && !base.equalsIgnoreCase("scratch")) {
                out.add(new Use(s.from(), base, false));
            }
            for (Instruction i : s.instructions()) {
                if (i.kind() != Keyword.COPY) continue;
                String from = i.command().flag("from");
                if (from == null || from.isEmpty() || from.chars().allMatch(Character::isDigit)
                        || stages.contains(from.toLowerCase(Locale.ROOT))) continue;
                out.add(new Use(i, from, true));
            }
            if (s.name() != null) stages.add(s.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
