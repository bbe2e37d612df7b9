package dev.whittle.userrules;

import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.core.Change;
import dev.whittle.core.Severity;
import dev.whittle.tree.Instruction;
import java.nio.file.Path;
import java.util.List;

/**
 * A rule of a {@code .whittle.yaml}: a pass like the built-in ones (an id, a level, edits with their reasons,
 * findings when it is not sure, suppressed by {@code # whittle ignore=ID}), declared as data. Each kind says in
 * its {@link #describe()} what it matches and what it does; the rule's {@code message} is the reason given.
 */
public abstract class UserRule implements Pass {

    /**
     * What every rule has.
     *
     * @param id       the id (lower-case kebab, not a built-in pass's)
     * @param kind     the kind as written in the file
     * @param message  the reason the user gave, or null
     * @param level    the lowest level that runs it
     * @param severity what its findings weigh in reports and editors
     * @param file     the config file it comes from
     * @param line     the line its definition starts at
     */
    record Common(String id, String kind, String message, Level level, Severity severity, Path file, int line) {}

    protected final Common common;
    private volatile PassInfo info; // made on first use: describe() reads the fields of the kind

    protected UserRule(Common common) {
        this.common = common;
    }

    @Override
    public final PassInfo info() {
        PassInfo i = info;
        if (i == null) {
            String summary = common.message() != null ? common.message() : describe();
            i = new PassInfo(common.id(), "user rule (" + common.kind() + ")", summary, common.level(), List.of(),
                    describe() + "\n\nA user rule from " + where() + " (kind " + common.kind() + ", level "
                            + common.level().name().toLowerCase(java.util.Locale.ROOT) + ").");
            info = i;
        }
        return i;
    }

    /** What the rule matches and does, in a sentence or two, for `whittle explain` and hovers. */
    protected abstract String describe();

    /** Where it is defined: {@code file:line}. */
    public String where() {
        return common.file() + ":" + common.line();
    }

    /** A rewrite's change: what was done, then the user's reason. */
    protected Change rewrite(Instruction i, String done) {
        return Change.rewrite(common.id(), i.line(), i.endLine(), done + reason());
    }

    /** A finding of this rule, with the user's reason, at the severity it names. */
    protected Change finding(Instruction i, String found) {
        return Change.finding(common.id(), i.line(), i.endLine(), found + reason()).withSeverity(common.severity());
    }

    /** Why a rewriting rule left something alone (what it is not sure of), as a finding. */
    protected Change unsure(Instruction i, String why) {
        return Change.finding(common.id(), i.line(), i.endLine(), why);
    }

    private String reason() {
        return common.message() == null ? "" : ": " + common.message();
    }
}
