package dev.whittle.pass;

import dev.whittle.core.Level;
import dev.whittle.facts.BuildContext;
import dev.whittle.split.Knowledge;

/**
 * What a pass may know beyond the Dockerfile: the level asked for, the build context, and the
 * catalog, packages and templates.
 */
public record PassContext(Level level, BuildContext context, Knowledge knowledge) {

    /** The level, no build context, the shipped knowledge. */
    public static PassContext of(Level level) {
        return new PassContext(level, BuildContext.none(), Knowledge.shipped());
    }
}
