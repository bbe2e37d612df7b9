package dev.whittle.pass;

import dev.whittle.core.PassInfo;
import dev.whittle.tree.Dockerfile;
import java.util.List;

/**
 * One rewrite. A pass looks at the whole file and answers with edits to instructions; a pass that is
 * not sure answers with a finding instead of a rewrite. An empty list means nothing to do.
 */
public interface Pass {
    PassInfo info();

    List<Edit> run(Dockerfile file);

    /** The pass with what else is known (level, build context, catalog); most passes need only the file. */
    default List<Edit> run(Dockerfile file, PassContext context) {
        return run(file);
    }
}
