package dev.whittle.cli;

import dev.whittle.lsp.WhittleLanguageServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;

@Command(name = "lsp",
        description = {
            "Run the language server for editors (Language Server Protocol on stdin/stdout).",
            "",
            "Diagnostics for every change and finding at the level of the nearest .whittle.yaml, a quick fix per",
            "change, 'apply all safe changes', 'ignore this pass here', and whittle explain on hover. Editors start",
            "it; the README shows the setup for Neovim, VS Code, Helix and Emacs (eglot).",
        },
        mixinStandardHelpOptions = true)
final class LspCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        // the protocol owns stdout: nothing else may print there from here on
        WhittleLanguageServer server = new WhittleLanguageServer(Whittle.Version.number());
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, System.in, System.out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try {
                listening.get();
            } catch (Exception e) {
                // the input ended or broke: the editor is gone
            }
        });
        CompletableFuture.anyOf(ended, server.exited()).join();
        return server.exited().getNow(1);
    }
}
