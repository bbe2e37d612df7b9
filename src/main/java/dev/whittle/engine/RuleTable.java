package dev.whittle.engine;

import dev.whittle.core.PassInfo;
import dev.whittle.pass.Pass;
/** The rule table of the README and of `whittle rules --markdown`, generated from the pass metadata. */
public final class RuleTable {
    private RuleTable() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder("| id | level | what it does | resolves |\n|---|---|---|---|\n");
        for (Pass p : Passes.ALL) {
            PassInfo i = p.info();
            sb.append("| `").append(i.id()).append("` | ").append(i.level().name().toLowerCase())
                    .append(" | ").append(i.summary()).append(" | ").append(String.join(", ", i.related()))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
