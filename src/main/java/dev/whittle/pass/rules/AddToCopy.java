package dev.whittle.pass.rules;

import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.Style;
import dev.whittle.core.Change;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ADD of local files becomes COPY; ADD stays where it fetches URLs or unpacks archives. */
public final class AddToCopy implements Pass {

    private static final PassInfo INFO = new PassInfo("add-to-copy", "ADD of local files to COPY",
            "Use COPY for local files and directories; ADD only for what it does beyond copying.",
            Level.SAFE, List.of("DL3020"),
            "ADD copies like COPY but also downloads URLs, clones git repositories and unpacks local tar "
                    + "archives. For plain files that extra behaviour only surprises readers (and a file that "
                    + "happens to be a tar archive gets unpacked), so COPY says what is meant. whittle leaves "
                    + "ADD alone when a source is a URL or git reference, looks like an archive, contains a "
                    + "variable (its value could be a URL) or a wildcard (it could match an archive; reported "
                    + "instead), or when ADD-only flags (--checksum, --keep-git-dir, "
                    + "--unpack) are used. BuildKit recognises a tar archive by its content, not its name: if a "
                    + "source is a tar file without an archive extension, keep ADD (# whittle ignore=add-to-copy).");

    private static final List<String> ARCHIVE_SUFFIXES = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz",
            ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            if (i.kind() != Keyword.ADD || !i.heredocs().isEmpty()) continue;
            List<String> values = i.command().values();
            if (values.size() < 2) continue;
            String why = reasonToKeep(i.command().flags(), values.subList(0, values.size() - 1));
            if (why != null) continue; // ADD is doing what only ADD does: nothing to say
            // a pattern every match of which has a plain file's extension (package*.json, src/*.py) is judged as a
            // name is: only a pattern that can match an archive's name keeps ADD (round 22)
            if (values.subList(0, values.size() - 1).stream().anyMatch(v -> v.matches(".*[*?\\[].*") && !plainExtension(v))) {
                edits.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(),
                        "ADD with a wildcard source: it could match a tar archive, which ADD unpacks and COPY does not")));
                continue;
            }
            String text = Style.replaceKeyword(i, "COPY");
            if (text == null) {
                edits.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(),
                        "ADD copies only local files here and could be COPY; its keyword is split across lines")));
                continue;
            }
            edits.add(Edit.replace(i, text, Change.rewrite(INFO.id(), i.line(), i.endLine(),
                    "ADD of local files → COPY (ADD would also unpack archives and fetch URLs)")));
        }
        return edits;
    }

    /**
     * Whether every name a wildcard pattern matches ends in one literal extension that is not an archive's: the last
     * path part ends with `.EXT` (letters and digits only, no wildcard after the dot, not an archive suffix).
     */
    static boolean plainExtension(String pattern) {
        String last = pattern.substring(pattern.lastIndexOf('/') + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([A-Za-z0-9]{1,10})$").matcher(last);
        if (!m.find() || last.substring(m.start()).matches(".*[*?\\[\\]].*")) return false;
        String lower = last.toLowerCase(Locale.ROOT);
        for (String suffix : ARCHIVE_SUFFIXES) if (lower.endsWith(suffix)) return false;
        return !Set.of("gz", "tgz", "bz2", "xz", "zst", "tar", "zip", "lz", "lzma", "txz", "tbz", "tbz2").contains(m.group(1)
                .toLowerCase(Locale.ROOT));
    }

    private static String reasonToKeep(List<String> flags, List<String> sources) {
        for (String f : flags) {
            String name = f.contains("=") ? f.substring(0, f.indexOf('=')) : f;
            if (name.equals("--checksum") || name.equals("--keep-git-dir") || name.equals("--unpack")) return name;
        }
        for (String s : sources) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.contains("://") || lower.startsWith("git@") || lower.contains("$")) return "remote or variable";
            for (String suffix : ARCHIVE_SUFFIXES) if (lower.endsWith(suffix)) return "archive";
        }
        return null;
    }
}
