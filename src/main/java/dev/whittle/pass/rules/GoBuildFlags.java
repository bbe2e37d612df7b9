package dev.whittle.pass.rules;

import dev.whittle.facts.GoBuildPath;
import dev.whittle.facts.ToolVersions;
import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.core.Change;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code go build} / {@code go install} get {@code -trimpath -ldflags="-s -w"}; {@code -a -installsuffix cgo} goes. */
public final class GoBuildFlags implements Pass {
    private static final PassInfo INFO = new PassInfo("go-build-flags", "Slim Go build flags",
            "Build Go binaries with -trimpath -ldflags=\"-s -w\" and without the obsolete -a -installsuffix cgo.",
            Level.BALANCED, List.of(),
            "`-ldflags=\"-s -w\"` leaves the symbol table and DWARF debug information out of the binary (about a "
                    + "quarter of its size; panics still print stack traces, but debuggers and profilers see less), "
                    + "merged into an -ldflags the command already has. `-trimpath` (Go 1.13+) removes build paths "
                    + "from the binary, which makes builds reproducible; it is added only when the build context's "
                    + "go.mod, go.sum and sources show that the program does not find files through those paths "
                    + "(go.rice, packr and pkger do, when nothing embedded the files), so never to a module whittle "
                    + "cannot read. `-a -installsuffix cgo` was needed before "
                    + "Go 1.10 to rebuild the standard library without cgo; with the build cache it only slows the "
                    + "build down, so it is dropped for Go 1.10 and newer (kept when the golang image is older). "
                    + "Debug builds (-gcflags with -N) and commands whose -ldflags cannot be read are left alone, "
                    + "and -trimpath and the dropping of -a need a known Go version (the golang tag, the Go tarball "
                    + "a RUN downloads, or go.mod in the build context): a distribution's Go package can be as old "
                    + "as 1.7, so without one only -s -w is added.");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Stage stage : file.stages()) {
            for (Instruction i : stage.instructions()) {
                if (!RunScript.mentions(i, "go")) continue;
                RunScript script = RunScript.of(i, file);
                if (script == null) continue;
                List<String> did = new ArrayList<>();
                List<String> details = new ArrayList<>();
                for (SimpleCommand c : script.script().commands()) {
                    if (!Commands.isProgram(c, "go") || c.words().size() < 2) continue;
                    String sub = c.words().get(1).literal();
                    if (!"build".equals(sub) && !"install".equals(sub)) continue;
                    String version = ToolVersions.go(file, stage, i, c, context.knowledge().facts(),
                            context.context());
                    String risk = GoBuildPath.trimpathRisk(context.context(), GoBuildPath.packages(
                            c.words().subList(2, c.words().size()).stream().map(Word::literal).toList()));
                    String changed = rewrite(script, c, version, risk == null);
                    if (changed == null) continue;
                    did.add(changed);
                    String note = "-trimpath not added: " + risk + " (go.rice, packr and pkger find files through the "
                            + "build path it removes)";
                    if (risk != null && ToolVersions.atLeast(version, "1.13") && !details.contains(note)) details.add(note);
                }
                if (!did.isEmpty()) {
                    edits.add(Edit.replace(i, script.text(), Change.rewrite(INFO.id(), i.line(), i.endLine(),
                            summarize(did)).withDetails(details)));
                }
            }
        }
        return edits;
    }

    /** The changes of a RUN's commands, the same ones counted once ("go install (3 commands): ..."). */
    static String summarize(List<String> did) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String d : did) counts.merge(d, 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        for (var e : counts.entrySet()) {
            String d = e.getKey();
            parts.add(e.getValue() == 1 ? d : d.replaceFirst(":", " (" + e.getValue() + " commands):"));
        }
        return String.join("; ", parts);
    }

    /** Rewrites one command; returns what changed, or null. */
    private static String rewrite(RunScript script, SimpleCommand c, String version, boolean pathsUnused) {
        List<Word> words = c.words();
        // distribution Go packages are as old as 1.7 (stretch) and 1.10 (bionic): unknown means old
        boolean modern = ToolVersions.atLeast(version, "1.10");
        boolean trimpath = pathsUnused && ToolVersions.atLeast(version, "1.13");
        List<String> out = new ArrayList<>();
        List<String> said = new ArrayList<>();
        boolean hasTrimpath = false;
        boolean hasLdflags = false;
        for (int k = 2; k < words.size(); k++) {
            Word w = words.get(k);
            String v = w.literal();
            String text = w.text();
            if (v != null && (v.equals("-gcflags") || v.startsWith("-gcflags=")) && (text + next(words, k)).contains("-N")) {
                return null; // a debug build
            }
            if (v != null && v.equals("-trimpath")) hasTrimpath = true;
            if (modern && v != null && v.equals("-a")) {
                said.add("-a dropped");
                continue;
            }
            if (modern && v != null && v.equals("-installsuffix") && "cgo".equals(literal(words, k + 1))) {
                said.add("-installsuffix cgo dropped");
                k++;
                continue;
            }
            if (v == null ? text.startsWith("-ldflags=") : v.equals("-ldflags") || v.startsWith("-ldflags=")) {
                hasLdflags = true;
                boolean separate = v != null && v.equals("-ldflags");
                String valueText = separate ? (k + 1 < words.size() ? words.get(k + 1).text() : "") : text.substring("-ldflags=".length());
                String value = separate ? literal(words, k + 1) : v == null ? null : v.substring("-ldflags=".length());
                String merged = mergeLdflags(valueText, value);
                if (merged == null) return null;
                if (!merged.equals(valueText)) said.add("-s -w added to -ldflags");
                out.add(separate ? "-ldflags " + merged : "-ldflags=" + merged);
                if (separate) k++;
                continue;
            }
            out.add(text);
        }
        List<String> head = new ArrayList<>();
        if (!hasTrimpath && trimpath) {
            head.add("-trimpath");
            said.add(0, "-trimpath added");
        }
        if (!hasLdflags) {
            head.add("-ldflags=\"-s -w\"");
            said.add("-ldflags=\"-s -w\" added");
        }
        if (said.isEmpty()) return null;
        head.addAll(out);
        String rebuilt = words.get(1).text() + (head.isEmpty() ? "" : " " + String.join(" ", head));
        if (!script.replace(words.get(1), words.get(words.size() - 1), rebuilt)) return null;
        return "go " + words.get(1).literal() + ": " + String.join(", ", said);
    }

    /** The -ldflags value with -s -w in it, written back in its own quoting; null when that cannot be done. */
    private static String mergeLdflags(String text, String value) {
        String flags = value != null ? value : text.replaceAll("^[\"']|[\"']$", "");
        boolean s = flags.matches("(.*\\s)?-s(\\s.*)?");
        boolean w = flags.matches("(.*\\s)?-w(\\s.*)?");
        if (s && w) return text;
        String add = (s ? "" : " -s") + (w ? "" : " -w");
        if (text.length() >= 2 && (text.endsWith("\"") && text.startsWith("\"") || text.endsWith("'") && text.startsWith("'"))) {
            return text.substring(0, text.length() - 1) + add + text.substring(text.length() - 1);
        }
        if (value != null && !value.contains("\"") && !value.contains("'")) return "\"" + value + add + "\"";
        return null;
    }

    private static String literal(List<Word> words, int k) {
        return k < words.size() ? words.get(k).literal() : null;
    }

    private static String next(List<Word> words, int k) {
        return k + 1 < words.size() ? words.get(k + 1).text() : "";
    }
}
