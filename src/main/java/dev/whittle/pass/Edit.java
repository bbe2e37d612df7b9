package dev.whittle.pass;

import dev.whittle.report.Change;
import dev.whittle.tree.Instruction;

/**
 * A pass's answer for one instruction: its new text (prefix and line break stay), or null to leave
 * it as it is and only report the change as a finding.
 */
public record Edit(Instruction target, String newText, Change change) {

    public static Edit replace(Instruction target, String newText, Change change) {
        return new Edit(target, newText, change);
    }

    public static Edit finding(Instruction target, Change change) {
        return new Edit(target, null, change);
    }
}
