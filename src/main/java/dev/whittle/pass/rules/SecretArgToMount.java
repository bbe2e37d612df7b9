package dev.whittle.pass.rules;

import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.core.Change;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * At the aggressive level, a credential ARG (as {@link SecretsToMounts} tells them) without a default that only
 * RUNs use goes, and each of those RUNs gets the BuildKit secret mount instead.
 */
public final class SecretArgToMount implements Pass {
    private static final PassInfo INFO = new PassInfo("secret-arg-to-mount", "secret ARG to secret mount",
            "Rewrite a credential ARG used only by RUNs to a BuildKit secret mount (build with --secret).",
            Level.AGGRESSIVE, List.of("SecretsUsedInArgOrEnv"), SecretsToMounts.INFO.explanation());

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Stage stage : file.stages()) {
            for (Instruction i : stage.instructions()) {
                if (i.kind() != Keyword.ARG) continue;
                List<String> names = SecretsToMounts.names(i);
                if (names.size() != 1 || !SecretsToMounts.looksSecret(names.get(0))) continue;
                String name = names.get(0);
                rewriteArg(stage, i, name, name.toLowerCase(Locale.ROOT), edits);
            }
        }
        return edits;
    }

    private static void rewriteArg(Stage stage, Instruction arg, String name, String id, List<Edit> edits) {
        if (!arg.command().values().get(0).equals(name)) return; // has a default value: it is baked in either way
        Pattern use = Pattern.compile("\\$\\{?" + Pattern.quote(name) + "\\b");
        List<Instruction> runs = new ArrayList<>();
        boolean after = false;
        for (Instruction i : stage.instructions()) {
            if (i == arg) {
                after = true;
                continue;
            }
            if (!after || !use.matcher(i.command().original()).find()) continue;
            if (i.kind() != Keyword.RUN || i.command().json() || !i.text().startsWith(i.command().keyword())) return;
            runs.add(i);
        }
        if (runs.isEmpty()) return;
        String kw = arg.command().keyword().toUpperCase(Locale.ROOT);
        edits.add(Edit.remove(arg, Change.rewrite(INFO.id(), arg.line(), arg.endLine(),
                kw + " " + name + " → secret mount on the RUNs that use it (build with --secret id=" + id
                        + ",env=" + name + " instead of --build-arg)")));
        for (Instruction r : runs) {
            String keyword = r.command().keyword();
            String text = keyword + " --mount=type=secret,id=" + id + ",env=" + name + r.text().substring(keyword.length());
            edits.add(Edit.replace(r, text, null));
        }
    }
}
