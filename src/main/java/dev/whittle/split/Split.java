package dev.whittle.split;

import dev.whittle.facts.StageFacts;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.facts.Catalog.Candidate;
import dev.whittle.tree.Instruction;
import java.util.List;

/**
 * A decided split.
 *
 * @param facts         the original stage
 * @param plan          the language plan
 * @param candidate     the chosen runtime image's catalog entry
 * @param image         its name, placeholders filled in
 * @param builderName   the build stage's name
 * @param builder       changes to the build stage
 * @param install       the command installing runtime packages, or null
 * @param certificates  whether CA certificates come from the builder
 * @param zoneinfo      whether the time zone database comes from the builder
 * @param copies        every COPY --from=builder
 * @param moved         instructions that move from the builder to the runtime
 * @param user          a USER the runtime gets although the original had none, or null
 * @param env           the ENV lines the runtime keeps
 * @param args          the ARG lines those and the moved instructions use
 * @param notes         what a reviewer should check
 * @param builderSizeMb the catalog's size of the build image, or null
 */
public record Split(StageFacts facts, Plan plan, Candidate candidate, String image, String builderName,
                    BuilderChanges builder, String install, boolean certificates, boolean zoneinfo, List<Copy> copies,
                    List<Instruction> moved, String user, List<String> env, List<String> args, List<String> notes, Integer builderSizeMb) {}
