package dev.whittle.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A client made with LSP4J's own client launcher, talking JSON-RPC through pipes to a {@link WhittleLanguageServer}
 * started with its server launcher: the protocol as an editor speaks it, in one process.
 */
final class LspClient implements LanguageClient, AutoCloseable {

    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final LanguageServer server;
    private final WhittleLanguageServer impl = new WhittleLanguageServer("test");
    private final List<AutoCloseable> pipes = new ArrayList<>();

    LspClient(boolean pullDiagnostics) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        pipes.addAll(List.of(serverIn, clientOut, clientIn, serverOut));
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
        impl.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(this, clientIn, clientOut);
        clientSide.startListening();
        server = clientSide.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        if (pullDiagnostics) text.setDiagnostic(new DiagnosticCapabilities());
        caps.setTextDocument(text);
        init.setCapabilities(caps);
        server.initialize(init).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    static String uri(Path file) {
        return file.toUri().toString();
    }

    void open(Path file, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(file), "dockerfile", 1, text)));
    }

    /** The next diagnostics published for a document, skipping others' (fails after 30 s). */
    PublishDiagnosticsParams next(Path file) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams p = published.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (p != null && p.getUri().equals(uri(file))) return p;
        }
        throw new AssertionError("no diagnostics for " + file + " within 30 s");
    }

    /** The text with the edits applied as an editor applies them (all ranges refer to the text before). */
    static String apply(String text, List<TextEdit> edits) {
        TextLines lines = new TextLines(text);
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt((TextEdit e) -> lines.offset(e.getRange().getStart())).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : ordered) {
            sb.replace(lines.offset(e.getRange().getStart()), lines.offset(e.getRange().getEnd()), e.getNewText());
        }
        return sb.toString();
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        published.add(diagnostics);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams messageParams) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            impl.exited().get(10, TimeUnit.SECONDS);
        } finally {
            for (AutoCloseable c : pipes) {
                try {
                    c.close();
                } catch (IOException e) {
                    // already closed by the other side
                }
            }
        }
    }
}
