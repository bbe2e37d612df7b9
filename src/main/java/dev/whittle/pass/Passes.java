package dev.whittle.pass;

import dev.whittle.pass.rules.AddToCopy;
import dev.whittle.pass.rules.MaintainerToLabel;
import java.util.List;

/** The one ordered list of passes. Levels are data: each pass names the lowest level that runs it. */
public final class Passes {
    private Passes() {}

    public static final List<Pass> ALL = List.of(
            new MaintainerToLabel(),
            new AddToCopy());

    public static Pass byId(String id) {
        for (Pass p : ALL) if (p.info().id().equals(id)) return p;
        return null;
    }
}
