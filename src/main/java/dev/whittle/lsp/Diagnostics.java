package dev.whittle.lsp;

import dev.whittle.core.Change;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * One diagnostic per change and finding, at the lines of its instruction: a rewrite is information (whittle
 * would change it; a code action applies it), a finding a hint (what a pass left alone, and why); a user rule's
 * error, warning or info is that. The message is the reason followed by the pass id, which is also the code.
 */
final class Diagnostics {
    private Diagnostics() {}

    static final String SOURCE = "whittle";

    static List<Diagnostic> of(Analysis a) {
        if (a.failure() != null) return List.of(a.failure());
        List<Diagnostic> out = new ArrayList<>();
        for (Change c : a.report().changes()) out.add(of(a, c));
        return out;
    }

    static Diagnostic of(Analysis a, Change c) {
        Diagnostic d = new Diagnostic(a.text().lines(c.line(), c.endLine()), c.text() + " [" + c.passId() + "]",
                severity(c), SOURCE);
        d.setCode(Either.forLeft(c.passId()));
        return d;
    }

    static DiagnosticSeverity severity(Change c) {
        if (c.severity() != null) {
            return switch (c.severity()) {
                case ERROR -> DiagnosticSeverity.Error;
                case WARNING -> DiagnosticSeverity.Warning;
                case INFO -> DiagnosticSeverity.Information;
            };
        }
        return c.applied() ? DiagnosticSeverity.Information : DiagnosticSeverity.Hint;
    }
}
