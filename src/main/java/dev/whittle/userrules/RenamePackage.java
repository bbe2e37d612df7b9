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
 * {@code kind: rename-package}: in every install of one package manager, the package {@code from} is installed
 * as {@code to} (a package renamed by the distribution, an internal fork). Only the exact word is renamed; a
 * word that carries a version or release ({@code python=2.7}) is reported, since the version belongs to the
 * old name.
 */
final class RenamePackage extends UserRule {
    private final Manager manager;
    private final String from;
    private final String to;

    RenamePackage(Common common, Manager manager, String from, String to) {
        super(common);
        this.manager = manager;
        this.from = from;
        this.to = to;
    }

    @Override
    protected String describe() {
        return "Installs the " + manager.label() + " package " + to + " where a RUN installs " + from
                + " (the exact word; a pinned version is reported, not renamed).";
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> out = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            // only RUNs that name both the manager and the package are parsed (parsing is the cost)
            if (!RunScript.mentions(i, manager.programs()) || !RunScript.mentions(i, List.of(from))) continue;
            RunScript run = RunScript.of(i, file);
            if (run == null) continue;
            List<String> pinned = new ArrayList<>();
            int renamed = 0;
            for (SimpleCommand c : run.script().commands()) {
                Word install = manager.install(c);
                if (install == null) continue;
                for (Word w : manager.packages(c, install)) {
                    if (w.literal().equals(from)) {
                        if (run.replace(w, w, to)) renamed++;
                    } else if (manager.versioned(w.literal(), from)) {
                        pinned.add(w.literal());
                    }
                }
            }
            if (renamed > 0) {
                out.add(Edit.replace(i, run.text(), rewrite(i, manager.label() + " package " + from + " -> " + to)));
            }
            if (!pinned.isEmpty()) {
                out.add(Edit.finding(i, unsure(i, manager.label() + " " + String.join(", ", pinned) + " names " + from
                        + " with a version or release that belongs to it, so it is not renamed to " + to)));
            }
        }
        return out;
    }
}
