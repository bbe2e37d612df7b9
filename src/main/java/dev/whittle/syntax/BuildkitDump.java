package dev.whittle.syntax;

import dev.whittle.tree.Command;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import java.util.Locale;

/** BuildKit's Node.Dump() for a parsed file: one {@code (keyword ["--flag"] "arg" ...)} line per instruction. */
public final class BuildkitDump {
    private BuildkitDump() {}

    public static String dump(Dockerfile file) {
        StringBuilder out = new StringBuilder();
        for (Instruction i : file.instructions()) {
            out.append('(').append(dump(i.command())).append(")\n");
        }
        return out.toString();
    }

    public static String dump(Command c) {
        StringBuilder s = new StringBuilder(c.keyword().toLowerCase(Locale.ROOT));
        if (!c.flags().isEmpty()) {
            s.append(" [");
            for (int i = 0; i < c.flags().size(); i++) {
                if (i > 0) s.append(' ');
                s.append(GoText.quote(c.flags().get(i)));
            }
            s.append(']');
        }
        if (c.child() != null) s.append(" (").append(dump(c.child())).append(')');
        for (String v : c.values()) s.append(' ').append(GoText.quote(v));
        return GoText.trimSpace(s.toString());
    }
}
