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

    /**
     * The edits for the file. The context says what else is known (the level asked for, the build context, the
     * catalog and templates); there is no run without it, so no pass can run at a level it was not given.
     */
    List<Edit> run(Dockerfile file, PassContext context);
}
