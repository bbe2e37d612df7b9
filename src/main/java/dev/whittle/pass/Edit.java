package dev.whittle.pass;

import dev.whittle.core.Change;
import dev.whittle.tree.Instruction;
import java.util.List;

/**
 * A pass's answer for one instruction: its new text (prefix and line break stay), its removal, or
 * nothing but a finding when the pass is not sure.
 *
 * @param target  the instruction
 * @param newText the new text, or null for a finding or a removal
 * @param remove  whether the instruction goes, with the comment lines right above it
 * @param change  what is reported; null for an edit that belongs to the change of the edit before it (a merged
 *                RUN's removal): the two are made, or suppressed, together
 * @param requires instructions whose edits of the same pass this one only holds with (a later cleanup dropped
 *                 because the RUNs before it now clean up): suppress one of those, and this edit goes too
 * @param creates  a file this edit adds beside the Dockerfile, or null
 */
public record Edit(Instruction target, String newText, boolean remove, Change change, List<Instruction> requires,
                   dev.whittle.core.NewFile creates) {

    public Edit(Instruction target, String newText, boolean remove, Change change) {
        this(target, newText, remove, change, List.of(), null);
    }

    /** This edit, holding only when the edits of {@code instructions} are made too. */
    public Edit requiring(List<Instruction> instructions) {
        return new Edit(target, newText, remove, change, List.copyOf(instructions), creates);
    }

    /** A file added beside the Dockerfile, with the instruction it is about (for its line and suppressions). */
    public static Edit create(Instruction about, dev.whittle.core.NewFile file, Change change) {
        return new Edit(about, null, false, change, List.of(), file);
    }

    public static Edit replace(Instruction target, String newText, Change change) {
        return new Edit(target, newText, false, change);
    }

    public static Edit finding(Instruction target, Change change) {
        return new Edit(target, null, false, change);
    }

    public static Edit remove(Instruction target, Change change) {
        return new Edit(target, null, true, change);
    }

    public boolean rewrites() {
        return newText != null || remove;
    }
}
