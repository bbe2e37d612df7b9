package dev.whittle.split;

import dev.whittle.facts.StartCommand;
import dev.whittle.facts.Catalog.Candidate;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;

/** Start commands written for runtime images that bring their own ENTRYPOINT (distroless nodejs, java). */
final class Start {
    private Start() {}

    /**
     * The ENTRYPOINT / CMD lines that run {@code argv} (the words as the original ran them) on the
     * candidate: programs mapped to their path there, and the image's own entrypoint used or reset.
     */
    static List<String> forEntrypoint(StartCommand original, Candidate c, List<String> argv) {
        List<String> mapped = new ArrayList<>(argv);
        String program = c.programs() == null ? null : c.programs().get(mapped.get(0));
        if (program != null) mapped.set(0, program);
        Instruction like = original.first();
        if (original.entrypoint() != null) {
            List<String> out = new ArrayList<>();
            List<String> entry = original.entrypoint().command().json() ? mapped.subList(0, Math.min(mapped.size(),
                    original.entrypoint().command().values().size())) : mapped;
            out.add("ENTRYPOINT " + Json.array(entry, like));
            if (original.cmd() != null && original.entrypoint().command().json()) out.add(original.cmd().text());
            return out;
        }
        List<String> entry = c.entrypoint();
        if (mapped.size() >= entry.size() && mapped.subList(0, entry.size()).equals(entry)) {
            return List.of("CMD " + Json.array(mapped.subList(entry.size(), mapped.size()), like));
        }
        return List.of("ENTRYPOINT []", "CMD " + Json.array(mapped, like));
    }
}
