package dev.whittle.userrules;

import dev.whittle.facts.ImageRef;
import dev.whittle.pass.Edit;
import dev.whittle.pass.PassContext;
import dev.whittle.tree.Dockerfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: map-image}: every image reference that matches {@code from} (as written, digest apart) is
 * written as {@code to}, whose {@code {n}} take what the wildcards matched: a registry mirror, golden base
 * images; a reference that also matches one of {@code except} is left alone. A reference with a digest is rewritten only as {@code digest:} says (keep it, drop it, or refresh it
 * from the rule's {@code digests} table); otherwise it is reported. References built from build arguments,
 * stage names and {@code scratch} are never rewritten.
 */
final class MapImage extends UserRule {

    /** What happens to a reference's digest. */
    enum Digest { KEEP, DROP, REFRESH }

    private final ImageGlob from;
    private final List<ImageGlob> except;
    private final String to;
    private final Digest digest;
    private final Map<String, String> digests;

    MapImage(Common common, ImageGlob from, List<ImageGlob> except, String to, Digest digest, Map<String, String> digests) {
        super(common);
        this.from = from;
        this.except = List.copyOf(except);
        this.to = to;
        this.digest = digest;
        this.digests = Map.copyOf(digests);
    }

    @Override
    protected String describe() {
        return "Writes every image that matches " + from.text() + " (as written)"
                + (except.isEmpty() ? "" : ", except " + String.join(", ", except.stream().map(ImageGlob::text).toList()))
                + ", as " + to
                + (digest == null ? "; a reference pinned by digest is reported, not rewritten"
                : switch (digest) {
                    case KEEP -> "; a digest is kept (the same content under the new name)";
                    case DROP -> "; a digest is dropped";
                    case REFRESH -> "; a digest is replaced by the new image's from the rule's digests table";
                }) + ". Stage names, scratch and references built from build arguments are left alone.";
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> out = new ArrayList<>();
        for (ImageUses.Use use : ImageUses.of(file)) {
            List<String> captures = from.match(use.name());
            if (except.stream().anyMatch(e -> e.match(use.name()) != null)) continue;
            if (captures == null) {
                if (!use.variable()) spelledOtherwise(use, out);
                continue;
            }
            String where = use.copyFrom() ? "COPY --from=" : "FROM ";
            if (use.variable()) {
                out.add(Edit.finding(use.instruction(), unsure(use.instruction(), where + use.written()
                        + " is made from build arguments: which image it is shows only at build time, so it is not mapped")));
                continue;
            }
            String target = ImageGlob.expand(to, captures);
            String pinned = use.digest();
            String newReference = target;
            String digestNote = "";
            if (!pinned.isEmpty()) {
                if (digest == null) {
                    out.add(Edit.finding(use.instruction(), unsure(use.instruction(), where + use.written()
                            + " is pinned by digest: say in the rule whether to keep, drop or refresh it (digest: keep | drop | refresh)")));
                    continue;
                }
                switch (digest) {
                    case KEEP -> {
                        newReference = target + "@" + pinned;
                        digestNote = ", digest kept";
                    }
                    case DROP -> digestNote = ", digest " + pinned + " dropped";
                    case REFRESH -> {
                        String fresh = digests.get(target);
                        if (fresh == null) {
                            out.add(Edit.finding(use.instruction(), unsure(use.instruction(), where + use.written()
                                    + ": the rule's digests table has no digest for " + target + ", so it is not mapped")));
                            continue;
                        }
                        newReference = target + "@" + fresh;
                        digestNote = ", digest refreshed from the rule's table";
                    }
                }
            }
            if (newReference.equals(use.written())) continue;
            String text = use.replacedBy(newReference);
            if (text == null) {
                out.add(Edit.finding(use.instruction(), unsure(use.instruction(), where + use.written()
                        + " is not written once as a plain word in the instruction, so it is not rewritten")));
                continue;
            }
            out.add(Edit.replace(use.instruction(), text, rewrite(use.instruction(),
                    where + use.written() + " -> " + newReference + " (matches " + from.text() + digestNote + ")")));
        }
        return out;
    }

    /** A reference written in full ({@code docker.io/library/node:18}) whose short form the rule matches. */
    private void spelledOtherwise(ImageUses.Use use, List<Edit> out) {
        ImageRef ref = ImageRef.parse(use.name());
        String familiar = ref.repository() + (ref.tag().isEmpty() ? "" : ":" + ref.tag());
        if (familiar.equals(use.name()) || from.match(familiar) == null) return;
        out.add(Edit.finding(use.instruction(), unsure(use.instruction(), use.written() + " is " + familiar
                + " written in full; the rule matches references as written, so it is not mapped: add a pattern for this spelling")));
    }
}
