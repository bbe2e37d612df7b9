package dev.whittle.batch;

import dev.whittle.core.Change;
import java.util.List;

/**
 * What became of one Dockerfile in a batch: its changes and findings, the rewritten text and the diff when
 * it changed, or the error that stopped it.
 *
 * @param target   the file and the root it was found under
 * @param level    the level it was optimized at (null on error)
 * @param changes  every change and finding, in pass order (empty on error)
 * @param output   the rewritten text (null on error)
 * @param diff     the unified diff, "" when nothing changed (null on error)
 * @param error    {@code path[:line:col]: message}, or null
 * @param internal whether the error is a bug in whittle rather than bad input
 * @param input    the bytes read, when asked for (to check before writing that the file did not change); else null
 * @param created  the files the rewrite adds beside the Dockerfile (a proposed .dockerignore)
 */
public record FileResult(DockerfileFinder.Target target, dev.whittle.core.Level level, List<Change> changes, String output, String diff,
                         String error, boolean internal, byte[] input, List<dev.whittle.core.NewFile> created) {

    /** Whether the rewrite differs from the input: the engine's {@code Optimizer.Result.changed()}, whose diff is "" exactly when not. */
    public boolean changed() {
        return diff != null && !diff.isEmpty();
    }

    public static FileResult failed(DockerfileFinder.Target target, String error, boolean internal) {
        return new FileResult(target, null, List.of(), null, null, error, internal, null, List.of());
    }
}
