package dev.whittle.lsp;

import dev.whittle.core.PassInfo;
import dev.whittle.core.Change;
import dev.whittle.report.Explanation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * The hover over an instruction: for each pass or user rule that touches it, what it does there and
 * {@code whittle explain ID}. Nothing (null) over an instruction no pass touches.
 */
final class Hovers {
    private Hovers() {}

    static Hover at(Analysis a, Position p) {
        if (a.report() == null) return null;
        int line = p.getLine() + 1;
        Map<String, StringBuilder> byPass = new LinkedHashMap<>();
        int first = Integer.MAX_VALUE;
        int last = 0;
        for (Change c : a.report().changes()) {
            if (line < c.line() || line > c.endLine()) continue;
            first = Math.min(first, c.line());
            last = Math.max(last, c.endLine());
            byPass.computeIfAbsent(c.passId(), k -> new StringBuilder()).append("- ").append(c.text()).append('\n');
        }
        if (byPass.isEmpty()) return null;
        StringBuilder md = new StringBuilder();
        for (Map.Entry<String, StringBuilder> e : byPass.entrySet()) {
            if (md.length() > 0) md.append("\n---\n\n");
            md.append("**whittle `").append(e.getKey()).append("`**\n\n").append(e.getValue()).append('\n');
            PassInfo info = a.report().pass(e.getKey());
            if (info != null) md.append("```text\n").append(Explanation.of(info)).append("```\n");
        }
        Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()));
        h.setRange(a.text().lines(first, last));
        return h;
    }
}
