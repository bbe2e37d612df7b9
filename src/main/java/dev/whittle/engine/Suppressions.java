package dev.whittle.engine;

import dev.whittle.core.PassInfo;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # whittle ignore=ID[,ID]} and {@code # hadolint ignore=DLxxxx[,...]} comments: right above an
 * instruction they suppress passes for it; in the comments before the first instruction, for the file.
 */
public final class Suppressions {
    private static final Pattern PRAGMA = Pattern.compile("#\\s*(whittle|hadolint)\\s+ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+)");

    private final Set<String> global;

    private Suppressions(Set<String> global) {
        this.global = global;
    }

    public static Suppressions of(Dockerfile file) {
        Set<String> global = new HashSet<>();
        if (!file.instructions().isEmpty()) {
            String prefix = file.instructions().get(0).prefix();
            // file-level: pragmas separated from the first instruction by a blank line
            int lastBlank = prefix.lastIndexOf("\n\n");
            if (lastBlank >= 0) collect(prefix.substring(0, lastBlank), global);
        }
        return new Suppressions(global);
    }

    /** Whether a pass is suppressed for this instruction. */
    public boolean suppressed(PassInfo pass, Instruction i) {
        Set<String> ids = new HashSet<>(global);
        collect(lastCommentBlock(i.prefix()), ids);
        if (ids.contains(pass.id().toLowerCase(Locale.ROOT))) return true;
        for (String r : pass.related()) if (ids.contains(r.toLowerCase(Locale.ROOT))) return true;
        return false;
    }

    private static String lastCommentBlock(String prefix) {
        int blank = prefix.lastIndexOf("\n\n");
        return blank < 0 ? prefix : prefix.substring(blank);
    }

    private static void collect(String text, Set<String> out) {
        if (!text.contains("ignore")) return; // most comments are no pragma: no need to match
        Matcher m = PRAGMA.matcher(text);
        while (m.find()) {
            for (String id : m.group(2).split("[,\\s]+")) {
                if (!id.isBlank()) out.add(id.trim().toLowerCase(Locale.ROOT));
            }
        }
    }
}
