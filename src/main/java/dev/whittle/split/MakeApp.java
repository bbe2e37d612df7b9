package dev.whittle.split;

import dev.whittle.facts.StageFacts;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Needs;
import dev.whittle.split.Plan.Outcome;
import java.util.List;

/**
 * C and C++ built with make, cmake or the compiler directly: the program the start command names
 * by its path, linked against the builder's C library.
 */
final class MakeApp {
    private MakeApp() {}

    static Outcome plan(SplitInput in) {
        StageFacts f = in.facts();
        String program = in.argv().get(0);
        if (!program.contains("/")) {
            return Outcome.refuse("the image starts `" + program + "` by name: which file the build installed is not known");
        }
        String artifact = StageFacts.resolve(f.workdir(), program, f.env());
        if (artifact == null) return Outcome.refuse("the start path `" + program + "` cannot be resolved");
        return Outcome.of(new Plan("c", "the program " + artifact, new Needs(false, true, null, -1),
                List.of(new Copy(artifact, artifact)), null, c -> BuilderChanges.none(), null, c -> true,
                List.of("`" + program + "` is taken to be what the build produced")));
    }
}
