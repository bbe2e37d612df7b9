package dev.whittle.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.cli.Whittle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol details of `whittle lsp`, through LSP4J's own client launcher. */
class WhittleLanguageServerTest {

    @TempDir
    Path dir;

    LspClient client;

    static final String TEXT = "FROM debian:12\n"
            + "MAINTAINER me@example.com\n"
            + "  RUN apt-get update && apt-get install -y curl\n"
            + "ADD app /app\n"
            + "CMD [\"/app\"]\n";

    @BeforeEach
    void start() throws Exception {
        client = new LspClient(false);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String whittle(String... args) {
        StringWriter out = new StringWriter();
        Whittle.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    private List<CodeAction> actions(Path f, int line) throws Exception {
        CodeActionParams p = new CodeActionParams(new TextDocumentIdentifier(LspClient.uri(f)),
                new Range(new Position(line, 0), new Position(line, 0)), new CodeActionContext(List.of()));
        return client.server.getTextDocumentService().codeAction(p).get(30, TimeUnit.SECONDS).stream()
                .map(Either::getRight).toList();
    }

    private static CodeAction titled(List<CodeAction> actions, String part) {
        return actions.stream().filter(a -> a.getTitle().contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no action '" + part + "' in " + actions.stream().map(CodeAction::getTitle).toList()));
    }

    private static String applied(String text, CodeAction a, Path f) {
        List<TextEdit> edits = a.getEdit().getChanges().get(LspClient.uri(f));
        assertNotNull(edits, a.getTitle());
        return LspClient.apply(text, edits);
    }

    private void change(Path f, int version, String text) {
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(LspClient.uri(f), version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    @Test
    void diagnosticsForEveryChangeAndFindingWithReasonAndPassId() throws Exception {
        Path f = file("svc/Dockerfile", TEXT);
        client.open(f, TEXT);
        PublishDiagnosticsParams p = client.next(f);
        assertEquals(1, p.getVersion());
        List<Diagnostic> ds = p.getDiagnostics();
        List<String> ids = ds.stream().map(d -> d.getCode().getLeft()).toList();
        assertTrue(ids.containsAll(List.of("maintainer-to-label", "apt-lists-cleanup", "apt-no-install-recommends",
                "add-to-copy")), ids.toString());
        Diagnostic apt = ds.stream().filter(d -> d.getCode().getLeft().equals("apt-lists-cleanup")).findFirst().orElseThrow();
        assertEquals(DiagnosticSeverity.Information, apt.getSeverity());
        assertEquals("whittle", apt.getSource());
        assertTrue(apt.getMessage().endsWith(" [apt-lists-cleanup]"), apt.getMessage());
        // the instruction's line, from its first non-blank character
        assertEquals(new Range(new Position(2, 2), new Position(2, TEXT.split("\n")[2].length())), apt.getRange());
    }

    @Test
    void aQuickFixAppliesExactlyItsHunkAsOptimizeOnlyWrites() throws Exception {
        Path f = file("Dockerfile", TEXT);
        client.open(f, TEXT);
        client.next(f);
        for (String id : List.of("maintainer-to-label", "add-to-copy", "apt-lists-cleanup")) {
            int line = id.equals("maintainer-to-label") ? 1 : id.equals("add-to-copy") ? 3 : 2;
            CodeAction fix = titled(actions(f, line), "[" + id + "]");
            assertEquals("quickfix", fix.getKind());
            assertEquals(whittle("optimize", "--only", id, f.toString()), applied(TEXT, fix, f), id);
        }
    }

    @Test
    void applyAllSafeChangesAndAllAtTheConfiguredLevel() throws Exception {
        Path f = file("Dockerfile", TEXT);
        client.open(f, TEXT);
        client.next(f);
        List<CodeAction> all = actions(f, 0);
        CodeAction safe = titled(all, "apply all safe changes");
        assertEquals("source.fixAll.whittle", safe.getKind());
        assertEquals(whittle("optimize", "--level", "safe", f.toString()), applied(TEXT, safe, f));
        CodeAction balanced = titled(all, "apply all changes (balanced)");
        assertEquals(whittle("optimize", f.toString()), applied(TEXT, balanced, f));
    }

    @Test
    void ignoreThisPassHereWritesThePragmaInTheFilesStyle() throws Exception {
        String crlf = TEXT.replace("\n", "\r\n");
        Path f = file("Dockerfile", crlf);
        client.open(f, crlf);
        client.next(f);
        String once = applied(crlf, titled(actions(f, 2), "ignore apt-lists-cleanup"), f);
        assertTrue(once.contains("\r\n  # whittle ignore=apt-lists-cleanup\r\n  RUN apt-get"), once);
        change(f, 2, once);
        PublishDiagnosticsParams after = client.next(f);
        assertEquals(2, after.getVersion());
        assertFalse(after.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("apt-lists-cleanup")));
        // a second pass ignored there joins the same pragma line
        String twice = applied(once, titled(actions(f, 3), "ignore apt-no-install-recommends"), f);
        assertTrue(twice.contains("  # whittle ignore=apt-lists-cleanup,apt-no-install-recommends\r\n  RUN"), twice);
    }

    @Test
    void hoverShowsWhittleExplainForThePassesThatTouchTheInstruction() throws Exception {
        Path f = file("Dockerfile", TEXT);
        client.open(f, TEXT);
        client.next(f);
        Hover h = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(
                LspClient.uri(f)), new Position(3, 1))).get(30, TimeUnit.SECONDS);
        String md = h.getContents().getRight().getValue();
        assertTrue(md.contains(whittle("explain", "add-to-copy")), md);
        Hover none = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(
                LspClient.uri(f)), new Position(0, 1))).get(30, TimeUnit.SECONDS);
        assertNull(none, "FROM debian:12 is touched by no pass");
    }

    @Test
    void aSyntaxErrorIsADiagnosticAtItsPlaceAndTheServerRecovers() throws Exception {
        Path f = file("Dockerfile", TEXT);
        String broken = "FROM debian:12\nRUN <<EOF\necho never ends\n";
        client.open(f, broken);
        Diagnostic d = client.next(f).getDiagnostics().get(0);
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        StringWriter err = new StringWriter();
        Files.writeString(f, broken);
        Whittle.run(new String[] {"check", f.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        String[] place = err.toString().substring(f.toString().length() + 1).split(":", 3); // path:line:col: message
        assertEquals(Integer.parseInt(place[0]) - 1, d.getRange().getStart().getLine(), err.toString());
        assertEquals(Integer.parseInt(place[1]) - 1, d.getRange().getStart().getCharacter(), err.toString());
        assertTrue(err.toString().contains(d.getMessage()), d.getMessage());
        change(f, 2, TEXT);
        PublishDiagnosticsParams fixed = client.next(f);
        assertEquals(2, fixed.getVersion());
        assertTrue(fixed.getDiagnostics().stream().noneMatch(x -> x.getSeverity() == DiagnosticSeverity.Error));
        assertFalse(fixed.getDiagnostics().isEmpty());
    }

    @Test
    void incrementalChangesAreAppliedAndQuickTypingIsAnalysedOnceItPauses() throws Exception {
        Path f = file("Dockerfile", TEXT);
        client.open(f, TEXT);
        client.next(f);
        // type " curl" -> " wget" one key at a time into the RUN line (line 2), as an editor sends it
        String text = TEXT;
        int version = 1;
        int column = TEXT.split("\n")[2].length();
        for (String key : List.of(" ", "w", "g", "e", "t")) {
            Range at = new Range(new Position(2, column), new Position(2, column));
            client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(LspClient.uri(f), ++version),
                    List.of(new TextDocumentContentChangeEvent(at, key))));
            column++;
            text = new TextLines(text).replace(at, key);
        }
        PublishDiagnosticsParams p = client.next(f);
        assertEquals(version, p.getVersion(), "the keys came faster than the pause: only the last version is analysed");
        CodeAction all = titled(actions(f, 0), "apply all changes");
        Path typed = file("typed/Dockerfile", text);
        assertEquals(whittle("optimize", typed.toString()), applied(text, all, f));
        assertTrue(text.contains("install -y curl wget\n"), text);
    }

    @Test
    void theNearestConfigDecidesTheLevelAndItsUserRulesShow() throws Exception {
        file("team/.whittle.yaml", "level: safe\nrules:\n  - id: no-add\n    kind: forbid\n    instruction: ADD\n"
                + "    severity: error\n    message: use COPY\n");
        // user rules see the file as the passes leave it: add-to-copy makes `ADD app` a COPY, a URL stays ADD
        String text = TEXT.replace("ADD app /app", "ADD https://example.com/app.tgz /app");
        Path f = file("team/svc/Dockerfile", text);
        client.open(f, text);
        List<Diagnostic> ds = client.next(f).getDiagnostics();
        List<String> ids = ds.stream().map(d -> d.getCode().getLeft()).toList();
        assertFalse(ids.contains("apt-no-install-recommends"), "balanced, but the config says safe: " + ids);
        Diagnostic rule = ds.stream().filter(d -> d.getCode().getLeft().equals("no-add")).findFirst().orElseThrow();
        assertEquals(DiagnosticSeverity.Error, rule.getSeverity());
        assertEquals(3, rule.getRange().getStart().getLine());
        assertTrue(rule.getMessage().contains("use COPY"), rule.getMessage());
        CodeAction ignore = titled(actions(f, 3), "ignore no-add");
        assertTrue(applied(text, ignore, f).contains("# whittle ignore=no-add\nADD https:"));
        // a broken config is an error diagnostic with the config's file:line:col, not a crash
        file("team/.whittle.yaml", "rules:\n  - id: x\n    kind: forbid\n    instruction: PULL\n    message: m\n");
        change(f, 2, text);
        Diagnostic broken = client.next(f).getDiagnostics().get(0);
        assertEquals(DiagnosticSeverity.Error, broken.getSeverity());
        assertTrue(broken.getMessage().contains(".whittle.yaml:4:18: 'PULL' is not a Dockerfile instruction"),
                broken.getMessage());
    }

    @Test
    void aClientThatPullsGetsDiagnosticsOnRequestAndNoPushes() throws Exception {
        try (LspClient pulling = new LspClient(true)) {
            Path f = file("Dockerfile", TEXT);
            pulling.open(f, TEXT);
            var report = pulling.server.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(
                    new TextDocumentIdentifier(LspClient.uri(f)))).get(30, TimeUnit.SECONDS);
            List<Diagnostic> items = report.getLeft().getItems();
            assertTrue(items.stream().anyMatch(d -> d.getCode().getLeft().equals("add-to-copy")), items.toString());
            assertNull(pulling.published.poll(500, TimeUnit.MILLISECONDS), "nothing pushed to a pulling client");
        }
    }
}
