package dev.whittle.pass;

import dev.whittle.report.Change;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the passes of a level in order. After each pass that rewrote something, the new text is read
 * again with the same parser, so every result is known to parse and the next pass sees a true tree.
 */
public final class Optimizer {

    /**
     * @param level the level
     * @param only  pass ids to run (empty: all of the level)
     * @param skip  pass ids not to run
     */
    public record Options(Level level, Set<String> only, Set<String> skip) {
        public static Options of(Level level) {
            return new Options(level, Set.of(), Set.of());
        }
    }

    /** The rewritten file and every change and finding, in pass order. */
    public record Result(Dockerfile input, Dockerfile output, List<Change> changes) {
        public boolean changed() {
            return !input.print().equals(output.print());
        }
    }

    public static Result optimize(Dockerfile input, Options options) {
        Dockerfile current = input;
        List<Change> changes = new ArrayList<>();
        for (Pass pass : Passes.ALL) {
            PassInfo info = pass.info();
            if (!options.level().includes(info.level())) continue;
            if (!options.only().isEmpty() && !options.only().contains(info.id())) continue;
            if (options.skip().contains(info.id())) continue;
            Suppressions suppressions = Suppressions.of(current);
            Map<Instruction, String> replacements = new IdentityHashMap<>();
            for (Edit e : pass.run(current)) {
                if (suppressions.suppressed(info, e.target())) continue;
                changes.add(e.change());
                if (e.newText() != null) replacements.put(e.target(), e.newText());
            }
            if (replacements.isEmpty()) continue;
            List<Instruction> out = new ArrayList<>(current.instructions().size());
            for (Instruction i : current.instructions()) {
                String text = replacements.get(i);
                out.add(text == null ? i : new Instruction(i.prefix(), text, i.eol(), i.line(), i.endLine(),
                        i.command(), i.heredocs(), i.emptyContinuationLine()));
            }
            String printed = current.withInstructions(out).print();
            boolean bom = !current.bom().isEmpty();
            current = DockerfileReader.read(bom ? printed.substring(1) : printed, bom);
        }
        return new Result(input, current, changes);
    }
}
