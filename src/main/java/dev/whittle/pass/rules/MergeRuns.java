package dev.whittle.pass.rules;

import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.edit.Style;
import dev.whittle.core.Change;
import dev.whittle.shell.ShellLimits;
import dev.whittle.shell.Step;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;

/** Consecutive RUN instructions become one RUN, chained with {@code &&}. */
public final class MergeRuns implements Pass {
    private static final PassInfo INFO = new PassInfo("merge-runs", "consecutive RUNs merged",
            "Merge consecutive RUN instructions into one layer, chained with && so a failure still fails the build.",
            Level.BALANCED, List.of("DL3059"),
            "Each RUN makes a layer; files one RUN creates and a later one deletes still ship in the first "
                    + "layer, and every layer adds metadata and pull time. whittle merges RUNs that follow each "
                    + "other directly (only comment lines between, which are kept inside the merged RUN) when "
                    + "they have the same flags, are shell form without heredocs, and merging keeps what the "
                    + "shell does: a RUN that changes the shell's state (cd, export, set, a bare assignment, "
                    + "exit, exec, source ...) is not merged with the one after it, because that one would then "
                    + "run in a different directory or environment; a RUN whose commands are joined with `;` or "
                    + "`||` is wrapped in `{ ...; }` so that its failure still fails the build. Files with a SHELL "
                    + "instruction or the backtick escape (Windows) are left alone. Merging trades some build "
                    + "cache reuse (a change to a later part re-runs the earlier part), which is why the pass is "
                    + "in the balanced level. Stages that do not ship (builders used only through COPY --from) are "
                    + "left alone: their layers never reach the image, and separate RUNs keep their build cache.");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        if (file.escape() != '\\') return edits;
        List<Instruction> all = file.instructions();
        if (all.stream().anyMatch(i -> i.kind() == Keyword.SHELL)) return edits;
        String indent = null;
        Integer fileBalance = null; // the chain balance of all the file's RUNs: Style.leadingAnd's fallback
        java.util.Set<Instruction> shipping = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (dev.whittle.tree.Stage s : dev.whittle.facts.FinalImage.stages(file)) shipping.addAll(s.instructions());
        int k = 0;
        while (k < all.size()) {
            Instruction first = all.get(k);
            RunScript head = shipping.contains(first) ? RunScript.of(first, file) : null;
            if (head == null || !head.canAppend()) {
                k++;
                continue;
            }
            // the merged text grows by what each RUN adds, and what is known of it is kept up to date (its chain
            // balance, the indent of its last chained line), so merging n RUNs costs their length, not n squared
            StringBuilder text = new StringBuilder(first.text());
            int balance = Style.chainBalance(text, 0, file.escape());
            Instruction last = first;
            RunScript tail = head;
            List<Instruction> merged = new ArrayList<>();
            int j = k + 1;
            while (j < all.size()) {
                Instruction next = all.get(j);
                RunScript body = RunScript.of(next, file);
                if (body == null || !body.canAppend() || !next.command().flags().equals(first.command().flags())
                        || !mergeablePrefix(next.prefix()) || Commands.changesShellState(tail.script()) != null
                        || hasBackground(tail) || hasBackground(body)) {
                    break;
                }
                String command = wrapped(body);
                // never merge into a RUN whittle would not analyse again (see ShellLimits): a second run changes nothing
                if (text.length() + next.text().length() + 16 > ShellLimits.MAX_CHARS
                        || (command.length() != body.writtenBody().length() && ShellLimits.check(command) != null)) {
                    break;
                }
                if (indent == null) indent = Style.continuationIndent(file);
                String own = Style.chainIndent(text, file.escape());
                if (own == null || own.isEmpty()) own = Style.chainIndent(next.text().split("\n"), file.escape());
                String prefix = next.prefix();
                if (balance == 0 && fileBalance == null) fileBalance = Style.fileChainBalance(file); // once per file
                boolean leading = balance != 0 ? balance > 0 : fileBalance > 0;
                int joint = Style.lineStart(text, Style.keptEnd(text));
                balance -= Style.chainBalance(text, joint, file.escape());
                Style.continueChain(text, prefix.substring(0, prefix.lastIndexOf('\n') + 1), command, file.escape(), leading,
                        own == null || own.isEmpty() ? indent : own);
                balance += Style.chainBalance(text, joint, file.escape());
                merged.add(next);
                last = next;
                tail = body;
                j++;
            }
            if (!merged.isEmpty()) {
                String message = (merged.size() + 1) + " consecutive RUNs merged into one layer";
                edits.add(Edit.replace(first, text.toString(), Change.rewrite(INFO.id(), first.line(), last.endLine(), message)));
                for (Instruction m : merged) edits.add(Edit.remove(m, null));
            }
            k = j;
        }
        return edits;
    }

    /** Only comment lines (no blank line, no suppression pragma) between the two RUNs. */
    private static boolean mergeablePrefix(String prefix) {
        if (prefix.contains("ignore=") || prefix.contains("ignore =")) return false;
        int lastBreak = prefix.lastIndexOf('\n');
        if (!prefix.substring(lastBreak + 1).isBlank()) return false;
        if (lastBreak < 0) return true;
        for (String line : prefix.substring(0, lastBreak).split("\n", -1)) {
            if (!line.strip().startsWith("#")) return false;
        }
        return true;
    }

    private static boolean hasBackground(RunScript s) {
        return s.script().steps().stream().anyMatch(st -> st.connector().equals("&"));
    }

    /** The body as written, wrapped in { ...; } when its own steps are not all joined with &&. */
    private static String wrapped(RunScript s) {
        String body = s.writtenBody();
        for (Step st : s.script().steps()) {
            if (!st.connector().isEmpty() && !st.connector().equals("&&")) return "{ " + body + "; }";
        }
        return body;
    }
}
