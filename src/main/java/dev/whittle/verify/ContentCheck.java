package dev.whittle.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the original's final image has that the rewrite's lacks: the files its own instructions made (not the
 * base image's, not build-only paths), each with the instruction that made it, and of those the ones the image
 * needs at run time: named by the original's start command (unless the rewrite's start command names a file of
 * that name it has: the artifact moved), named by the rewrite's own start command, or referred to by absolute
 * path in an entrypoint script or a config file the rewrite's image holds (outside its base image). A needed file missing makes the rewrite "different".
 */
public final class ContentCheck {
    private static final Pattern ABSOLUTE = Pattern.compile("(?<![A-Za-z0-9_.~$-])/[A-Za-z0-9_.@+-]+(?:/[A-Za-z0-9_.@+-]+)*");
    private static final int LISTED = 200;

    /** A file of the original the rewrite lacks. */
    public record Missing(String path, long bytes, int line, String instruction) {}

    /** A missing file the image needs, and what needs it. */
    public record Needed(String path, String why) {}

    /**
     * @param missing       at most 200 of the files the rewrite lacks, the largest first
     * @param missingFiles  how many it lacks in all (outside the base image and the build-only paths)
     * @param missingBytes  their bytes
     * @param buildOnly     files it lacks under build-only paths (not listed)
     * @param needed        missing files the image needs: each one fails the verification
     */
    public record Report(List<Missing> missing, int missingFiles, long missingBytes, int buildOnly, long buildOnlyBytes,
                         List<Needed> needed) {
        public boolean ok() {
            return needed.isEmpty();
        }
    }

    private ContentCheck() {}

    /**
     * @param originalBase how many bottom layers of the original are its base image's
     * @param labels       the instruction of each layer of the original (from its {@link LayerReport})
     */
    public static Report compare(ImageArchive original, int originalBase, List<LayerReport.Row> labels, ImageArchive rewrite,
                                 int rewriteBase, BuildPaths buildPaths) {
        MergedView before = new MergedView(original.layers());
        MergedView after = new MergedView(rewrite.layers());
        List<Missing> missing = new ArrayList<>();
        Map<String, BuildPaths.Group> buildOnly = new LinkedHashMap<>();
        int buildOnlyCount = 0;
        long buildOnlyBytes = 0;
        long missingBytes = 0;
        for (MergedView.Placed p : before.files().values()) {
            ImageArchive.Entry e = p.entry();
            if (p.layer() < originalBase || e.kind() == ImageArchive.Kind.DIR || after.files().containsKey(e.path())) continue;
            if (after.exists(e.path())) continue; // through a link the rewrite has it
            String abs = "/" + e.path();
            BuildPaths.Group g = buildPaths.match(abs);
            if (g != null) {
                buildOnly.put(abs, g);
                buildOnlyCount++;
                buildOnlyBytes += e.size();
                continue;
            }
            LayerReport.Row row = p.layer() < labels.size() ? labels.get(p.layer()) : null;
            missing.add(new Missing(abs, e.size(), row == null ? 0 : row.line(), row == null ? "" : row.label()));
            missingBytes += e.size();
        }
        Set<String> missingPaths = new LinkedHashSet<>();
        for (Missing m : missing) missingPaths.add(m.path());
        List<Needed> needed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // the start command
        List<String> startWords = startWords(original.config());
        List<String> rewriteStart = startWords(rewrite.config());
        for (String path : named(startWords, original.config(), before)) {
            String abs = "/" + path;
            boolean listed = missingPaths.contains(abs);
            BuildPaths.Group g = buildOnly.get(abs);
            if (!listed && (g == null || g.compiled())) continue;
            if (movedTo(abs, rewriteStart, rewrite.config(), after)) continue;
            if (seen.add(abs)) needed.add(new Needed(abs, "the start command names it (" + String.join(" ", startWords) + ")"));
        }
        for (String word : unresolved(rewriteStart, rewrite.config(), after)) {
            if (seen.add(word)) {
                needed.add(new Needed(word, "the rewrite's own start command names it (" + String.join(" ", rewriteStart) + "), and the rewrite does not have it"));
            }
        }
        // scripts and config files of the rewrite's image that refer to a missing file by its absolute path
        for (int i = rewriteBase; i < rewrite.layers().size(); i++) {
            for (Map.Entry<String, String> t : rewrite.layers().get(i).texts().entrySet()) {
                MergedView.Placed now = after.files().get(t.getKey());
                if (now == null || now.layer() != i) continue; // replaced or deleted later
                Matcher m = ABSOLUTE.matcher(t.getValue());
                while (m.find()) {
                    String ref = m.group();
                    String hit = refersTo(ref, missingPaths, before, after);
                    if (hit != null && seen.add(hit)) needed.add(new Needed(hit, "/" + t.getKey() + " refers to " + ref));
                }
            }
        }
        missing.sort((x, y) -> Long.compare(y.bytes(), x.bytes()));
        return new Report(List.copyOf(missing.subList(0, Math.min(LISTED, missing.size()))), missing.size(), missingBytes,
                buildOnlyCount, buildOnlyBytes, needed);
    }

    /** The missing file a reference means: the file itself, or a file under a folder the rewrite does not have. */
    private static String refersTo(String ref, Set<String> missing, MergedView before, MergedView after) {
        String r = ref.replaceAll("/+$", "");
        if (missing.contains(r)) return r;
        if (r.length() < 2 || after.exists(r) || !before.exists(r)) return null;
        for (String m : missing) if (m.startsWith(r + "/")) return m;
        return null;
    }

    /** ENTRYPOINT and CMD, and the words of a {@code sh -c} script among them. */
    static List<String> startWords(ImageArchive.Config c) {
        List<String> words = new ArrayList<>(c.entrypoint());
        words.addAll(c.cmd());
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.contains(" ") || w.contains(";") || w.contains("&")) {
                for (String x : w.split("[\\s;&|()<>'\"`]+")) if (!x.isEmpty()) out.add(x);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The files (no leading slash) the words name: absolute paths, paths relative to WORKDIR, {@code --opt=PATH}
     * values, and the first word looked up in PATH; only those the view has.
     */
    static List<String> named(List<String> words, ImageArchive.Config c, MergedView view) {
        List<String> out = new ArrayList<>();
        String wd = c.workingDir() == null || c.workingDir().isEmpty() ? "/" : c.workingDir();
        String pathVar = c.env("PATH") == null ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" : c.env("PATH");
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int eq = w.indexOf('=');
            if (w.startsWith("-") && eq > 0) w = w.substring(eq + 1);
            if (w.isEmpty() || w.startsWith("-") || w.startsWith("$")) continue;
            List<String> candidates = new ArrayList<>();
            if (w.startsWith("/")) candidates.add(w);
            else if (i == 0 && !w.contains("/")) for (String d : pathVar.split(":")) candidates.add(d + "/" + w);
            else candidates.add(wd + "/" + w);
            for (String cand : candidates) {
                String p = ImageArchive.normalize(cand.replaceAll("/+", "/"));
                if (view.exists(p)) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /** The program and the path-like words of a start command that its own image does not have. */
    static List<String> unresolved(List<String> words, ImageArchive.Config c, MergedView view) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-") || w.startsWith("$") || w.contains("://") || w.contains("=")) continue;
            if (i > 0 && !w.contains("/")) continue;
            if (named(List.of(w), c, view).isEmpty()) out.add(w);
        }
        return out;
    }

    /** Whether the rewrite's start command names a file of the same name that it has (the artifact moved). */
    private static boolean movedTo(String abs, List<String> rewriteStart, ImageArchive.Config c, MergedView after) {
        String name = abs.substring(abs.lastIndexOf('/') + 1);
        for (String p : named(rewriteStart, c, after)) if (p.endsWith("/" + name) || p.equals(name)) return true;
        return false;
    }
}
