package dev.whittle.lsp;

import dev.whittle.core.Level;
import dev.whittle.core.Change;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The code actions for a range: per rewrite, a quick fix that applies exactly its hunk (what whittle writes with
 * that pass alone, for the lines of its instruction); per change or finding, "ignore this pass here" (a
 * {@code # whittle ignore=ID} line above the instruction, in its indentation and line ending, or the id added to
 * such a line already there); and for the file, "apply all safe changes" (level safe) and, when the configured
 * level goes further, "apply all changes" at that level.
 */
final class CodeActions {
    private CodeActions() {}

    static final String FIX_ALL = CodeActionKind.SourceFixAll + ".whittle";
    static final String APPLY_ALL = CodeActionKind.Source + ".whittle.applyAll";

    private static final Pattern PRAGMA = Pattern.compile("^(\\s*#\\s*whittle\\s+ignore\\s*=\\s*)([A-Za-z0-9_,\\s-]*?)(\\s*)$");

    static List<CodeAction> of(Analysis a, Analyzer analyzer, Range range, List<String> only) {
        List<CodeAction> out = new ArrayList<>();
        if (a.report() == null) return out;
        String text = a.text().text();
        Set<String> ignored = new LinkedHashSet<>();
        for (Change c : a.report().changes()) {
            if (c.endLine() - 1 < range.getStart().getLine() || c.line() - 1 > range.getEnd().getLine()) continue;
            if (c.applied() && wanted(only, CodeActionKind.QuickFix)) {
                List<TextEdit> edits = LineEdits.touching(text, analyzer.onlyPass(a, c.passId()), c.line(), c.endLine());
                if (!edits.isEmpty()) {
                    CodeAction fix = action("whittle: " + shortened(c.message()) + " [" + c.passId() + "]", CodeActionKind.QuickFix,
                            a.uri(), edits);
                    fix.setDiagnostics(List.of(Diagnostics.of(a, c)));
                    fix.setIsPreferred(true);
                    out.add(fix);
                }
            }
            if (wanted(only, CodeActionKind.QuickFix) && ignored.add(c.line() + ":" + c.passId())) {
                CodeAction ignore = action("whittle: ignore " + c.passId() + " for this instruction",
                        CodeActionKind.QuickFix, a.uri(), List.of(ignore(a.text(), c.line(), c.passId())));
                ignore.setDiagnostics(List.of(Diagnostics.of(a, c)));
                out.add(ignore);
            }
        }
        String safe = analyzer.atLevel(a, Level.SAFE);
        if (!safe.equals(text) && wanted(only, FIX_ALL)) {
            out.add(action("whittle: apply all safe changes", FIX_ALL, a.uri(), LineEdits.between(text, safe)));
        }
        Level level = a.report().level();
        if (level != Level.SAFE && !a.report().output().equals(safe) && a.report().changed() && wanted(only, APPLY_ALL)) {
            out.add(action("whittle: apply all changes (" + level.name().toLowerCase(Locale.ROOT) + ")", APPLY_ALL,
                    a.uri(), LineEdits.between(text, a.report().output())));
        }
        return out;
    }

    /** A message cut to a menu's width (the diagnostic and the hover hold all of it). */
    private static String shortened(String message) {
        int end = message.indexOf(';');
        String first = end > 0 ? message.substring(0, end) : message;
        return first.length() <= 90 ? first : first.substring(0, 89) + "…";
    }

    /** Whether the client's filter ({@code context.only}; none: everything) takes actions of this kind. */
    private static boolean wanted(List<String> only, String kind) {
        if (only == null || only.isEmpty()) return true;
        for (String k : only) if (kind.equals(k) || kind.startsWith(k + ".")) return true;
        return false;
    }

    private static CodeAction action(String title, String kind, String uri, List<TextEdit> edits) {
        CodeAction c = new CodeAction(title);
        c.setKind(kind);
        c.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        return c;
    }

    /**
     * The edit that suppresses a pass for the instruction starting at {@code line} (1-based): the id added to a
     * {@code # whittle ignore=} line right above it, or such a line inserted with the instruction's indentation
     * and the file's line ending.
     */
    static TextEdit ignore(TextLines text, int line, String id) {
        int at = Math.max(0, line - 1);
        if (at > 0) {
            String above = text.line(at - 1);
            Matcher m = PRAGMA.matcher(above);
            if (m.matches()) {
                List<String> ids = new ArrayList<>(List.of(m.group(2).strip().split("[,\\s]+")));
                ids.removeIf(String::isBlank);
                if (!ids.contains(id)) ids.add(id);
                return new TextEdit(new Range(new Position(at - 1, 0), new Position(at - 1, above.length())),
                        m.group(1) + String.join(",", ids));
            }
        }
        String own = text.line(at);
        int indent = 0;
        while (indent < own.length() && (own.charAt(indent) == ' ' || own.charAt(indent) == '\t')) indent++;
        String eol = text.text().contains("\r\n") ? "\r\n" : "\n";
        return new TextEdit(new Range(new Position(at, 0), new Position(at, 0)),
                own.substring(0, indent) + "# whittle ignore=" + id + eol);
    }
}
