package dev.whittle.userrules;

import dev.whittle.pass.Edit;
import dev.whittle.pass.PassContext;
import dev.whittle.edit.RunScript;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kind: require-flags}: every install of one package manager carries the listed options; the missing
 * ones are added right after the install word. An entry may name spellings that mean the same, separated by
 * {@code |} ({@code -y|--yes|--assume-yes}): any of them counts, the first is the one added. A short option is
 * also found inside a group ({@code -qy}). An option with a value ({@code --index-url=URL}) that the install
 * gives with another value is reported, not changed.
 */
final class RequireFlags extends UserRule {
    private final Manager manager;
    private final List<List<String>> flags;

    RequireFlags(Common common, Manager manager, List<List<String>> flags) {
        super(common);
        this.manager = manager;
        this.flags = List.copyOf(flags);
    }

    @Override
    protected String describe() {
        List<String> shown = flags.stream().map(f -> String.join(" | ", f)).toList();
        return "Adds " + String.join(", ", shown) + " to every " + manager.label()
                + " install that lacks it (an option given with another value is reported).";
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> out = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            if (!RunScript.mentions(i, manager.programs())) continue;
            RunScript run = RunScript.of(i, file);
            if (run == null) continue;
            List<String> added = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (SimpleCommand c : run.script().commands()) {
                Word install = manager.install(c);
                if (install == null) continue;
                List<String> missing = new ArrayList<>();
                for (List<String> spellings : flags) {
                    String conflict = conflict(c, spellings);
                    if (conflict != null) conflicts.add(conflict);
                    else if (!present(c, spellings)) missing.add(spellings.get(0));
                }
                if (missing.isEmpty()) continue;
                run.insertAfter(install, String.join(" ", missing));
                added.addAll(missing);
            }
            if (!added.isEmpty()) {
                out.add(Edit.replace(i, run.text(), rewrite(i, manager.label() + " install gets "
                        + String.join(" ", added.stream().distinct().toList()))));
            }
            if (!conflicts.isEmpty()) {
                out.add(Edit.finding(i, unsure(i, manager.label() + " install gives " + String.join(", ", conflicts)
                        + ", where the rule asks for another value; left as it is")));
            }
        }
        return out;
    }

    private static boolean present(SimpleCommand c, List<String> spellings) {
        for (Word w : c.words()) {
            String v = w.literal();
            if (v == null) continue;
            for (String s : spellings) {
                if (v.equals(s)) return true;
                boolean shortFlag = s.length() == 2 && s.charAt(0) == '-' && Character.isLetter(s.charAt(1));
                if (shortFlag && v.matches("-[A-Za-z]{2,}") && v.indexOf(s.charAt(1)) > 0) return true;
            }
        }
        return false;
    }

    /** A {@code --name=other} word where the rule asks for {@code --name=value}, or null. */
    private static String conflict(SimpleCommand c, List<String> spellings) {
        if (present(c, spellings)) return null;
        for (String s : spellings) {
            int eq = s.indexOf('=');
            if (!s.startsWith("--") || eq < 0) continue;
            String name = s.substring(0, eq + 1);
            for (Word w : c.words()) {
                String v = w.literal();
                if (v != null && v.startsWith(name)) return v;
            }
        }
        return null;
    }
}
