package dev.whittle.lsp;

import dev.whittle.api.DockerfileOptimizer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;

/**
 * What whittle says about one version of a document: the report of the configured run, or the diagnostic
 * that stopped it (a syntax error at its place, a broken .whittle.yaml, an internal error). The texts of
 * other runs (one pass alone, another level) are worked out when a code action asks and kept here.
 *
 * @param path    the file the document is (its .whittle.yaml, its folder as build context), or null
 * @param version the document version analysed
 * @param text    that version's text
 * @param report  the report, or null when {@code failure} says why there is none
 * @param failure the diagnostic of a text or config whittle could not read, or null
 */
record Analysis(String uri, Path path, int version, TextLines text, DockerfileOptimizer.Report report,
                Diagnostic failure, Map<String, String> outputs) {

    Analysis(String uri, Path path, int version, TextLines text, DockerfileOptimizer.Report report, Diagnostic failure) {
        this(uri, path, version, text, report, failure, new ConcurrentHashMap<>());
    }
}
