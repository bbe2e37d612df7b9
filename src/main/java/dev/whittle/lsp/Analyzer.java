package dev.whittle.lsp;

import dev.whittle.api.DockerfileOptimizer;
import dev.whittle.core.Level;
import dev.whittle.syntax.SyntaxError;
import java.nio.file.Path;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Runs whittle's one pipeline (the library entry point, {@link DockerfileOptimizer}) on an editor's text, the
 * way {@code whittle optimize} runs on the file: the nearest .whittle.yaml decides level, passes and user rules
 * (read afresh each time, so an edit of it counts), the file's folder is the build context.
 */
final class Analyzer {

    private static DockerfileOptimizer optimizer() {
        return DockerfileOptimizer.builder().level(null).configFiles(true).build();
    }

    Analysis analyze(String uri, Path path, int version, String text) {
        TextLines lines = new TextLines(text);
        try {
            DockerfileOptimizer.Report report = run(optimizer(), text, path);
            return new Analysis(uri, path, version, lines, report, null);
        } catch (SyntaxError e) {
            int line = Math.max(0, Math.min(e.line() - 1, lines.count() - 1));
            int column = Math.max(0, Math.min(e.column() - 1, lines.line(line).length()));
            Range at = new Range(new Position(line, column), new Position(line, lines.line(line).length()));
            return failed(uri, path, version, lines, at, e.getMessage());
        } catch (IllegalArgumentException e) {
            return failed(uri, path, version, lines, lines.lines(1, 1), "not optimized: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(uri, path, version, lines, lines.lines(1, 1), "internal error in whittle: " + e
                    + " (please report it with this file)");
        }
    }

    private static Analysis failed(String uri, Path path, int version, TextLines lines, Range at, String message) {
        Diagnostic d = new Diagnostic(at, message, DiagnosticSeverity.Error, "whittle");
        return new Analysis(uri, path, version, lines, null, d);
    }

    /** The text whittle writes with only one pass or user rule at the document's level (cached per analysis). */
    String onlyPass(Analysis a, String id) {
        return a.outputs().computeIfAbsent("only:" + id,
                k -> run(optimizer().atLevel(a.report().level()).only(id), a.text().text(), a.path()).output());
    }

    /** The text whittle writes at a level (cached per analysis). */
    String atLevel(Analysis a, Level level) {
        if (level == a.report().level()) return a.report().output();
        return a.outputs().computeIfAbsent("level:" + level,
                k -> run(optimizer().atLevel(level), a.text().text(), a.path()).output());
    }

    private static DockerfileOptimizer.Report run(DockerfileOptimizer o, String text, Path path) {
        return path == null ? o.optimize(text) : o.optimize(text, path);
    }
}
