package dev.whittle.pass.rules;

import dev.whittle.facts.ImageRef;
import dev.whittle.facts.BaseRelease;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.core.Change;
import dev.whittle.facts.Catalog.EndOfLife;
import dev.whittle.split.Knowledge;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;

/** Base images past their end of life (catalog: endOfLife) are reported with what to move to. */
public final class EndOfLifeImage implements Pass {
    private static final PassInfo INFO = new PassInfo("end-of-life-image", "Base image past its end of life",
            "Report base images that no longer get security updates (centos, openjdk, old Go, Python, Node, Debian, alpine).",
            Level.SAFE, List.of(),
            "An image whose distribution or language release is past its end of life gets no security fixes. "
                    + "The list is data in templates/catalog.yaml (endOfLife), checked against the tag's version. "
                    + "whittle reports these and names the replacement, but does not swap the image itself: a new "
                    + "major version of a language or distribution can change behaviour, package names and paths, "
                    + "which only a build and the app's tests can confirm.");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        Knowledge knowledge = context.knowledge();
        List<Edit> out = new ArrayList<>();
        List<String> stageNames = file.stages().stream().map(Stage::name).filter(n -> n != null).map(String::toLowerCase).toList();
        for (Stage s : file.stages()) {
            ImageRef written = ImageRef.parse(s.baseImage());
            if (written.variable() || stageNames.contains(written.repository())) continue;
            // a third-party image the catalog knows (derived) is as old as the image it is built on
            ImageRef ref = knowledge.catalog().factsImage(written);
            String builtOn = ref == written ? "" : written.shown() + " is built on ";
            var official = knowledge.facts().images().lookup(ref);
            // the version the tag gives (the official images' facts: python:3 is a current 3.x), else the tag's own
            String version = official != null && official.version() != null && official.version().matches("\\d+(\\.\\d+)*")
                    ? official.version() : ref.version();
            EndOfLife eol = knowledge.catalog().endOfLife(ref, version);
            if (eol == null) {
                BaseRelease release = BaseRelease.of(ref, knowledge.facts());
                if (release != null && release.archived(knowledge.facts())) {
                    out.add(Edit.finding(s.from(), Change.finding(INFO.id(), s.from().line(), s.from().endLine(),
                            (ref.repository().equals(release.family()) && builtOn.isEmpty() ? ref.shown() + ": " + release
                                    : written.shown() + " is built on " + release + ", which") + " no longer gets updates "
                                    + "(apt-get fails in it); move to a supported release")));
                }
                continue;
            }
            String shown = builtOn + (ref.digest().isEmpty() ? ref.written() : ref.written().substring(0, ref.written().indexOf('@')));
            Change change = builtOn.isEmpty()
                    ? Change.finding(INFO.id(), s.from().line(), s.from().endLine(), shown + ": " + eol.reason() + "; move to "
                            + eol.replacement())
                    // the first line stays short: what to move to goes to the details
                    : Change.finding(INFO.id(), s.from().line(), s.from().endLine(), shown + ": " + eol.reason())
                            .withDetails(List.of("move to an image built on " + eol.replacement()));
            out.add(Edit.finding(s.from(), change));
        }
        return out;
    }
}
