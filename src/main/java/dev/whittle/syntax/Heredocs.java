package dev.whittle.syntax;

import dev.whittle.tree.Heredoc;
import java.util.List;

/** Public entry to heredoc marker detection, for the lexer in the generated-code package. */
public final class Heredocs {
    private Heredocs() {}

    /** The heredoc markers on a logical line, in order, with empty bodies. */
    public static List<Heredoc> markers(String logicalLine) {
        return HeredocScanner.scan(logicalLine);
    }
}
