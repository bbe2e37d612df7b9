package dev.whittle.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code whittle lsp}: the Language Server Protocol over stdio. Diagnostics for every change and finding whittle
 * would make (pushed after each analysis, or pulled with textDocument/diagnostic by clients that say they pull),
 * code actions ({@link CodeActions}), hovers ({@link Hovers}); documents sync incrementally and are analysed off
 * the protocol thread ({@link Documents}).
 */
public final class WhittleLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService,
        WorkspaceService {

    private final String version;
    private final Documents documents = new Documents(this::publish);
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile LanguageClient client;
    private volatile boolean pull;
    private volatile boolean shutdown;

    public WhittleLanguageServer(String version) {
        this.version = version;
    }

    @Override
    public void connect(LanguageClient newClient) {
        this.client = newClient;
    }

    /** Completes with the exit code when the client sends exit (0 after shutdown, 1 without). */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        var text = params.getCapabilities() == null ? null : params.getCapabilities().getTextDocument();
        pull = text != null && text.getDiagnostic() != null;
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActions.FIX_ALL,
                CodeActions.APPLY_ALL));
        caps.setCodeActionProvider(actions);
        caps.setHoverProvider(true);
        if (pull) caps.setDiagnosticProvider(new DiagnosticRegistrationOptions(false, false));
        InitializeResult result = new InitializeResult(caps, new ServerInfo("whittle", version));
        // the first analyses of a session load the passes, catalogs and parsers and compile them: that is part of
        // starting, not of the user's first request (bench/lsp-latency.sh)
        return CompletableFuture.supplyAsync(() -> {
            WarmUp.run(documents.analyzer());
            return result;
        }, documents.workers());
    }

    @Override
    public void initialized(InitializedParams params) {
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        documents.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        documents.close();
        exited.complete(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    private void publish(Analysis a) {
        LanguageClient c = client;
        if (c == null || pull || a.uri().equals("warm-up")) return;
        c.publishDiagnostics(new PublishDiagnosticsParams(a.uri(), Diagnostics.of(a), a.version()));
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        documents.open(d.getUri(), d.getText(), d.getVersion());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        documents.change(params.getTextDocument().getUri(), params.getTextDocument().getVersion(),
                params.getContentChanges());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.close(uri);
        LanguageClient c = client;
        if (c != null && !pull) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        CompletableFuture<Analysis> a = documents.current(params.getTextDocument().getUri());
        if (a == null) {
            return CompletableFuture.completedFuture(new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of())));
        }
        return a.thenApply(x -> new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(Diagnostics.of(x))));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        CompletableFuture<Analysis> a = documents.current(params.getTextDocument().getUri());
        if (a == null) return CompletableFuture.completedFuture(List.of());
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        return a.thenApplyAsync(x -> CodeActions.of(x, documents.analyzer(), params.getRange(), only).stream()
                .map(Either::<Command, CodeAction>forRight).toList(), documents.workers());
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        CompletableFuture<Analysis> a = documents.current(params.getTextDocument().getUri());
        if (a == null) return CompletableFuture.completedFuture(null);
        return a.thenApply(x -> Hovers.at(x, params.getPosition()));
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    }
}
