package dev.whittle.pass;

import dev.whittle.core.Change;
import dev.whittle.tree.Instruction;

/**
 * A pass's answer for one instruction: its new text (prefix and line break stay), its removal, or
 * nothing but a finding when the pass is not sure.
 *
 * @param target  the instruction
 * @param newText the new text, or null for a finding or a removal
 * @param remove  whether the instruction goes, with the comment lines right above it
 * @param change  what is reported (null for the removal that belongs to another edit's change)
 */
public record Edit(Instruction target, String newText, boolean remove, Change change) {

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
