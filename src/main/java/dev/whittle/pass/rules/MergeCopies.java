package dev.whittle.pass.rules;

import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.Style;
import dev.whittle.facts.FinalImage;
import dev.whittle.pass.Edit;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Consecutive COPY instructions with the same flags and the same directory destination become one COPY. */
public final class MergeCopies implements Pass {
    private static final PassInfo INFO = new PassInfo("merge-copies", "consecutive COPYs merged",
            "Merge consecutive COPYs with the same flags and a directory destination into one, sources in order.",
            Level.BALANCED, List.of(),
            "Each COPY makes a layer. `COPY go.mod /app/` followed directly by `COPY main.go /app/` gives the "
                    + "same files as `COPY go.mod main.go /app/`: BuildKit copies the sources of one COPY one "
                    + "after the other into the destination, in the order written, so where two sources hold the "
                    + "same file the later one still wins, and a directory source still gives its contents, not "
                    + "the directory. whittle merges only when that is certain: the two COPYs are on adjacent "
                    + "lines (a blank line or a comment between them is the author's grouping and is kept), both "
                    + "in the shell form without heredocs, with the same flags, all of them ones whittle knows "
                    + "(--from, --chown, --chmod, --link, --parents, --exclude), and the same destination, which "
                    + "must be a directory: it ends with `/`, or it is `.`, or it is the absolute path a WORKDIR "
                    + "of the same stage made with no RUN since (only a RUN could remove it); the last two are "
                    + "written with the trailing `/` in the merged COPY, because the classic builder refuses "
                    + "several sources copied to a destination without it. A COPY of one file to a path without `/` names a file (a copy under a new "
                    + "name) unless that path is already a directory, which whittle does not know: such COPYs are "
                    + "reported, not merged. Sources with quotes or backslashes (BuildKit splits the shell form at "
                    + "spaces before it removes quotes), the JSON form, files with the backtick escape (Windows "
                    + "paths) and stages that do not ship (their layers never reach the image) are left alone. "
                    + "Wildcards and variables are kept as written: each source is matched and expanded on its "
                    + "own, in the same environment, as before. The build cache gets coarser for the merged "
                    + "COPYs only: a change to any of their sources copies all of them again (the later COPYs "
                    + "were re-run by a change to the earlier ones already), and nothing else is invalidated, "
                    + "because no instruction separated them. That trade, and one layer's history line in place "
                    + "of several, is why the pass is in the balanced level.");

    private static final java.util.regex.Pattern PRAGMA =
            java.util.regex.Pattern.compile("#\\s*(whittle|hadolint)\\s+ignore");

    private static final Set<String> KNOWN_FLAGS = Set.of("from", "chown", "chmod", "link", "parents", "exclude");

    /** Above this width the merged COPY puts each merged instruction's sources on a line of its own. */
    private static final int ONE_LINE_WIDTH = 100;

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        if (file.escape() != '\\') return edits;
        Set<Instruction> shipping = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Stage s : FinalImage.stages(file)) shipping.addAll(s.instructions());
        List<Instruction> all = file.instructions();
        int k = 0;
        while (k < all.size()) {
            Instruction first = all.get(k);
            // a pragma right above the first COPY would drop its rewrite and keep the removal of the others
            if (!shipping.contains(first) || !mergeable(first) || PRAGMA.matcher(first.prefix()).find()) {
                k++;
                continue;
            }
            List<Instruction> group = new ArrayList<>(List.of(first));
            String workdir = workdir(all, k); // the same for the whole group: no RUN or WORKDIR between its COPYs
            int j = k + 1;
            while (j < all.size() && follows(all.get(j), first, workdir)) group.add(all.get(j++));
            if (group.size() > 1) edits.addAll(merge(group, workdir, file));
            k = j;
        }
        return edits;
    }

    /** A COPY whittle can read word by word and write back: shell form, no heredoc, only known flags. */
    private static boolean mergeable(Instruction i) {
        if (i.kind() != Keyword.COPY || i.command().json() || !i.heredocs().isEmpty() || i.emptyContinuationLine()) {
            return false;
        }
        List<String> values = i.command().values();
        if (values.size() < 2) return false;
        for (String v : values) {
            if (v.startsWith("<<") || v.indexOf('"') >= 0 || v.indexOf('\'') >= 0 || v.indexOf('\\') >= 0) return false;
        }
        for (String f : i.command().flags()) {
            int eq = f.indexOf('=');
            if (!f.startsWith("--") || !KNOWN_FLAGS.contains(f.substring(2, eq < 0 ? f.length() : eq))) return false;
        }
        String[] lines = i.text().split("\n", -1);
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].strip().startsWith("#")) return false; // a comment inside the continued COPY
        }
        return true;
    }

    /** Whether {@code next} sits on the line right after the previous COPY and copies like {@code first}. */
    private static boolean follows(Instruction next, Instruction first, String workdir) {
        return next.prefix().indexOf('\n') < 0 && mergeable(next)
                && next.command().flags().equals(first.command().flags())
                && canonical(destination(next), workdir).equals(canonical(destination(first), workdir));
    }

    private static String destination(Instruction i) {
        List<String> values = i.command().values();
        return values.get(values.size() - 1);
    }

    private static List<String> sources(Instruction i) {
        List<String> values = i.command().values();
        return values.subList(0, values.size() - 1);
    }

    /**
     * The destination as the merged COPY writes it: `.` as `./`, the WORKDIR's path with its `/`; so that COPYs
     * to the same directory written both ways merge in one run (a second run then finds nothing to merge).
     */
    private static String canonical(String dest, String workdir) {
        if (isDot(dest)) return "./";
        return dest.equals(workdir) ? dest + "/" : dest;
    }

    private static boolean isDot(String dest) {
        return dest.equals(".") || dest.equals("./");
    }

    /**
     * The directory a WORKDIR of this stage made, when it is still certainly a directory at instruction k: an
     * absolute path without variables, and no RUN since (only a RUN could remove it or put a file in its place;
     * a COPY or ADD to it copies into it). Null when not known.
     */
    static String workdir(List<Instruction> all, int k) {
        for (int n = k - 1; n >= 0; n--) {
            Instruction i = all.get(n);
            if (i.kind() == Keyword.RUN || i.kind() == Keyword.FROM) return null;
            if (i.kind() == Keyword.WORKDIR) {
                String dir = i.command().args().strip();
                if (!dir.startsWith("/") || dir.contains("$") || dir.contains("\\") || dir.contains("\"")
                        || dir.contains("'") || dir.contains(" ") || dir.contains("/.")) return null;
                while (dir.length() > 1 && dir.endsWith("/")) dir = dir.substring(0, dir.length() - 1);
                return dir.contains("//") ? null : dir;
            }
        }
        return null;
    }

    private static List<Edit> merge(List<Instruction> group, String workdir, Dockerfile file) {
        Instruction first = group.get(0);
        Instruction last = group.get(group.size() - 1);
        String dest = destination(first);
        String head = group.size() + " consecutive COPYs to " + shown(dest);
        if (dest.equals(workdir) && !dest.equals("/")) {
            String text = mergedText(group, dest + "/", file);
            if (text == null) return List.of();
            return merged(group, text, head + " merged into one layer, written " + shown(dest) + "/ (the WORKDIR "
                    + "above made it a directory)", List.of("a COPY of several sources needs a destination that "
                    + "ends with /; only a RUN could have removed the WORKDIR's directory, and none ran since",
                    ORDER));
        }
        if (!dest.endsWith("/") && !isDot(dest)) {
            return List.of(Edit.finding(first, Change.finding(INFO.id(), first.line(), last.endLine(),
                    head + " could be one if " + shown(dest) + " is a directory: then write " + shown(dest)
                            + "/ in each").withDetails(List.of("one file copied to a path without a trailing / is "
                            + "renamed to it unless that path is already a directory, which whittle does not know "
                            + "here (the base image, a RUN or a variable decides)"))));
        }
        String text = mergedText(group, isDot(dest) ? "./" : dest, file);
        if (text == null) return List.of();
        return merged(group, text, head + " merged into one layer" + (dest.equals(".")
                ? ", written ./ (several sources need the trailing /)" : ""), List.of(ORDER));
    }

    private static final String ORDER = "the sources are copied one after the other, in the order written: the same "
            + "files, and a later source's file still replaces an earlier one's; a change to any of them now copies "
            + "all of them again";

    /** A destination as the first line shows it: long ones shortened. */
    private static String shown(String dest) {
        return dest.length() <= 48 ? dest : "..." + dest.substring(dest.length() - 45);
    }

    private static List<Edit> merged(List<Instruction> group, String text, String message, List<String> details) {
        Instruction first = group.get(0);
        Instruction last = group.get(group.size() - 1);
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.replace(first, text, Change.rewrite(INFO.id(), first.line(), last.endLine(), message)
                .withDetails(details)));
        for (Instruction m : group.subList(1, group.size())) edits.add(Edit.remove(m, null));
        return edits;
    }

    /**
     * The first COPY's text with the sources of the others inserted before its destination, on its line when the
     * result is short, else each merged COPY's sources on a continuation line of their own; null when the first
     * COPY's text does not end with its destination.
     */
    static String mergedText(List<Instruction> group, String newDest, Dockerfile file) {
        Instruction first = group.get(0);
        String text = first.text();
        boolean cr = text.endsWith("\r");
        String body = cr ? text.substring(0, text.length() - 1) : text;
        String nl = cr ? "\r\n" : "\n";
        String dest = destination(first);
        String trimmed = body.stripTrailing();
        if (!trimmed.endsWith(dest)) return null;
        String head = trimmed.substring(0, trimmed.length() - dest.length());
        List<String> groups = new ArrayList<>();
        for (Instruction i : group.subList(1, group.size())) groups.add(String.join(" ", sources(i)));
        int lineStart = head.lastIndexOf('\n') + 1;
        String lastLine = head.substring(lineStart);
        StringBuilder out = new StringBuilder();
        if (lineStart > 0 && lastLine.isBlank()) {
            // the destination stands alone on the last continuation line: one line per merged COPY above it
            out.append(head, 0, lineStart);
            for (String g : groups) out.append(lastLine).append(g).append(" \\").append(nl);
            out.append(lastLine);
        } else if (!head.contains("\n") && head.length() + String.join(" ", groups).length() + newDest.length() + 1
                <= ONE_LINE_WIDTH) {
            out.append(head);
            for (String g : groups) out.append(g).append(' ');
        } else {
            String indent = lineStart > 0 ? leadingWhitespace(lastLine) : "";
            if (indent.isEmpty()) indent = Style.continuationIndent(file); // the file's RUNs' own, or four spaces
            out.append(head.stripTrailing());
            for (String g : groups) out.append(" \\").append(nl).append(indent).append(g);
            out.append(' ');
        }
        out.append(newDest).append(body, trimmed.length(), body.length());
        return cr ? out.append('\r').toString() : out.toString();
    }

    private static String leadingWhitespace(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) n++;
        return line.substring(0, n);
    }
}
