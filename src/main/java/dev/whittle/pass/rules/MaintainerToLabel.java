package dev.whittle.pass.rules;

import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.Style;
import dev.whittle.core.Change;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;

/** MAINTAINER (deprecated) becomes the OCI authors label. */
public final class MaintainerToLabel implements Pass {

    private static final PassInfo INFO = new PassInfo("maintainer-to-label", "MAINTAINER to OCI label",
            "Replace the deprecated MAINTAINER with LABEL org.opencontainers.image.authors.",
            Level.SAFE, List.of("DL4000", "MaintainerDeprecated"),
            "MAINTAINER has been deprecated since Docker 1.13 and BuildKit warns about it "
                    + "(MaintainerDeprecated). The same information belongs in the standard OCI annotation "
                    + "org.opencontainers.image.authors, which registries and scanners read. The value is "
                    + "kept as written; quotes, the escape character and $ are escaped so the label holds "
                    + "exactly the old text (MAINTAINER was never variable-expanded, LABEL is).");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            if (i.kind() != Keyword.MAINTAINER || i.command().values().isEmpty()) continue;
            if (i.text().indexOf('\n') >= 0) {
                edits.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(),
                        "MAINTAINER is deprecated (use LABEL org.opencontainers.image.authors); it spans "
                                + "several lines, so it is left for you to rewrite")));
                continue;
            }
            String value = i.command().values().get(0);
            char esc = file.escape();
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '$' || c == esc) quoted.append(esc);
                quoted.append(c);
            }
            quoted.append('"');
            String cr = i.text().endsWith("\r") ? "\r" : "";
            String text = Style.keyword(i, "LABEL") + " org.opencontainers.image.authors=" + quoted + cr;
            edits.add(Edit.replace(i, text, Change.rewrite(INFO.id(), i.line(), i.endLine(),
                    "MAINTAINER → LABEL org.opencontainers.image.authors (MAINTAINER is deprecated)")));
        }
        return edits;
    }
}
