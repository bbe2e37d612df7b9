package dev.whittle.pass.rules;

import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.facts.BaseRelease;
import dev.whittle.facts.FinalImage;
import dev.whittle.facts.ImageRef;
import dev.whittle.pass.Edit;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Step;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A RUN that calls a package manager the base image's distribution does not have ({@code apk} on Debian, {@code
 * apt-get} on Alpine) fails the build; it is reported with the distribution the base image is built on.
 */
public final class PackageManagerMismatch implements Pass {
    private static final PassInfo INFO = new PassInfo("package-manager-mismatch", "Package manager the base lacks",
            "Report a RUN that calls apk on a Debian or Ubuntu image, or apt-get on Alpine or a RHEL family image: "
                    + "the build fails there.",
            Level.SAFE, List.of(),
            "Each distribution ships its own package manager: Alpine has apk, Debian and Ubuntu have apt-get, the RHEL "
                    + "family has yum, dnf or microdnf. A RUN that calls another one stops with `not found` (exit "
                    + "127), often after a base image was changed (a third-party image whose tag moved from Alpine "
                    + "to Debian, `node:18` written for `node:18-alpine`). whittle knows the base's distribution from "
                    + "the official images' tags and from the catalog (templates/catalog.yaml, third-party images "
                    + "under derived). It reports only when the failure is certain: the command is not inside an "
                    + "if, a function or a pipe, nothing after it in the RUN can recover (only && follows), no "
                    + "earlier step mentions the manager (installing or copying it in), and the stage sets no SHELL. "
                    + "It does not rewrite: which packages the other distribution names is for the author to choose.");

    /** The package managers each family lacks (only across families: the RHEL releases differ in yum and dnf). */
    private static final Map<String, Set<String>> LACKS = Map.of(
            "debian", Set.of("apk", "yum", "dnf", "microdnf", "zypper"),
            "ubuntu", Set.of("apk", "yum", "dnf", "microdnf", "zypper"),
            "alpine", Set.of("apt-get", "apt", "yum", "dnf", "microdnf", "zypper"),
            "rhel", Set.of("apk", "apt-get", "apt"));

    /** Commands that probe for a program: a script that asks before it calls is not certain to fail. */
    private static final Set<String> PROBES = Set.of("command", "which", "type", "hash", "test", "[", "[[");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> out = new ArrayList<>();
        var sources = context.knowledge().facts();
        for (Stage stage : file.stages()) {
            BaseRelease release = BaseRelease.of(file, stage, sources);
            if (release == null || !LACKS.containsKey(release.family())) continue;
            List<Stage> chain = FinalImage.chain(file, stage);
            if (chain.stream().anyMatch(s -> s.instructions().stream().anyMatch(i -> i.kind() == Keyword.SHELL))) continue;
            List<Instruction> before = new ArrayList<>();
            for (Stage s : chain) if (s != stage) before.addAll(s.instructions());
            for (Instruction i : stage.instructions()) {
                if (i.kind() == Keyword.RUN) {
                    String missing = certainFailure(i, file, LACKS.get(release.family()), before);
                    if (missing != null) {
                        ImageRef written = ImageRef.parse(chain.get(0).baseImage());
                        ImageRef facts = context.knowledge().catalog().factsImage(written);
                        List<String> details = new ArrayList<>();
                        if (facts != written) details.add(written.shown() + " is built on " + facts.shown() + " ("
                                + context.knowledge().catalog().derivation(written).entry().source() + ")");
                        details.add("what pulling " + facts.shown() + " gives today is an image of " + distro(release));
                        details.add("use the distribution's own package manager, or a base image built on the "
                                + "distribution the RUN was written for");
                        out.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(),
                                missing + " is not in " + written.shown() + " (" + distro(release) + " today): this RUN "
                                        + "fails with `" + missing + ": not found`")
                                .withSeverity(dev.whittle.core.Severity.ERROR).withDetails(details)));
                        break; // the build stops here: what follows in the stage never runs
                    }
                }
                before.add(i);
            }
        }
        return out;
    }

    private static String distro(BaseRelease release) {
        return switch (release.family()) {
            case "debian" -> "Debian " + release.release();
            case "ubuntu" -> "Ubuntu " + release.release();
            case "alpine" -> "Alpine " + release.release();
            default -> "the RHEL family, release " + release.release();
        };
    }

    /**
     * The package manager a RUN calls that the distribution lacks, when the RUN certainly fails by it; null otherwise.
     */
    private static String certainFailure(Instruction run, Dockerfile file, Set<String> lacks, List<Instruction> before) {
        if (run.command().json() || !run.heredocs().isEmpty()) return null;
        if (!RunScript.mentions(run, lacks.toArray(String[]::new))) return null;
        dev.whittle.shell.Script script = RunScript.parse(run.command().args()); // read only: no editor
        if (!script.parsed()) return null;
        List<Step> steps = script.steps();
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            if (step.compound()) return null; // a function or an if before it may stand in for the manager
            String connector = step.connector();
            if (connector.equals("||") || connector.equals("&")) return null;
            for (SimpleCommand c : step.commands()) if (c.name() != null && PROBES.contains(c.name())) return null;
            if (step.commands().size() != 1) continue;
            String name = step.commands().get(0).name();
            if (name == null || !lacks.contains(name)) continue;
            // fails for certain when only && follows: the rest is skipped and the RUN's status is the failure's
            for (int j = k + 1; j < steps.size(); j++) if (!steps.get(j).connector().equals("&&")) return null;
            Pattern word = Pattern.compile("(^|[^A-Za-z0-9_.-])" + Pattern.quote(name) + "($|[^A-Za-z0-9_.-])");
            for (Instruction b : before) if (word.matcher(b.command().original()).find()) return null;
            for (int j = 0; j < k; j++) {
                String text = script.text().substring(steps.get(j).start(), steps.get(j).end());
                if (word.matcher(text).find()) return null;
            }
            return name;
        }
        return null;
    }
}
