package dev.whittle.userrules;

import dev.whittle.pass.Edit;
import dev.whittle.pass.PassContext;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code kind: forbid}: an instruction keyword ({@code instruction: ADD}) or images ({@code image: "*:latest"})
 * that must not be used; each use is a finding with the rule's message at its severity. Nothing is rewritten.
 * An image written without a tag is matched as {@code NAME:latest} too, as Docker reads it.
 */
final class Forbid extends UserRule {
    private final Keyword keyword;
    private final ImageGlob image;

    Forbid(Common common, Keyword keyword, ImageGlob image) {
        super(common);
        this.keyword = keyword;
        this.image = image;
    }

    @Override
    protected String describe() {
        return keyword != null ? "Reports every " + keyword + " instruction (" + common.severity().label() + ")."
                : "Reports every image that matches " + image.text() + " (" + common.severity().label()
                + "; an image without a tag counts as NAME:latest).";
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> out = new ArrayList<>();
        if (keyword != null) {
            for (Instruction i : file.instructions()) {
                if (i.kind() == keyword) {
                    out.add(Edit.finding(i, finding(i, i.command().keyword().toUpperCase(Locale.ROOT) + " is forbidden")));
                }
            }
            return out;
        }
        for (ImageUses.Use use : ImageUses.of(file)) {
            String name = use.name();
            boolean untagged = name.lastIndexOf(':') <= name.lastIndexOf('/') && use.digest().isEmpty();
            if (image.match(name) != null || untagged && image.match(name + ":latest") != null) {
                out.add(Edit.finding(use.instruction(), finding(use.instruction(), "image " + use.written() + " is forbidden")));
            }
        }
        return out;
    }
}
