package dev.whittle.pass.rules;

import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.facts.Commands;
import dev.whittle.facts.FinalImage;
import dev.whittle.facts.StageFacts;
import dev.whittle.pass.Edit;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Step;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An archive a RUN downloads and unpacks (or a signature it checks) is removed in that RUN. */
public final class ArchiveRemoval implements Pass {
    private static final PassInfo INFO = new PassInfo("archive-removal", "downloaded archives removed",
            "Remove an archive in the RUN that downloads and unpacks it, and a signature after its check; a later "
                    + "RUN's removal moves there.",
            Level.SAFE, List.of(),
            "A file a RUN downloads with curl or wget stays in that layer even when a later RUN deletes it. When the "
                    + "same RUN unpacks it (tar, unzip), installs it (dpkg -i, apt-get install ./x.deb) or checks it "
                    + "(gpg --verify, sha256sum), whittle appends `rm -f FILE` to that RUN. It leaves the RUN alone "
                    + "when the RUN removes the file itself, when another command of the RUN (cp, mv, ln, a script) or "
                    + "any later instruction names the file, when a directory change makes its path unknown, or when "
                    + "the RUN has loops, conditionals or subshells whittle does not follow. When a later RUN of the "
                    + "stage removes the file (`RUN rm x.tgz`, `RUN rm -rf /tmp/*`), the removal moves into the RUN "
                    + "that downloaded it: a later rm that removed only such files, as a step of its own, goes (its "
                    + "RUN too when nothing else is left); one with -f that removes more, or an rm of a folder above "
                    + "the file, stays. The move is refused, with the reason, when an instruction between may read "
                    + "the file (names it, runs a script, copies or lists its folder, matches it with a pattern, a "
                    + "VOLUME over it), or when the later rm has no -f and would fail without the file (a pattern, "
                    + "other files too, after `;`). It never streams the download into tar instead: that saves nothing "
                    + "in the image once the file is removed, and a pipe loses curl's exit status and the checksum "
                    + "step. Only the stages that ship are looked at.");

    /** Names of the files that are archives, packages or signatures: what unpacking or checking makes needless. */
    private static final java.util.regex.Pattern ARCHIVE = java.util.regex.Pattern.compile(
            "(?i)[A-Za-z0-9._+-]+\\.(tar|tgz|tar\\.gz|tar\\.xz|txz|tar\\.bz2|tbz2?|tar\\.zst|zip|deb|rpm|apk|asc|sig|sha256|sha256sum|sha512|md5)");

    /** Commands that read a downloaded file and leave what is needed elsewhere (or nothing). */
    private static final Set<String> CONSUMERS = Set.of("tar", "unzip", "bsdtar", "dpkg", "gpg", "gpgv", "sha256sum",
            "sha512sum", "sha1sum", "md5sum", "echo", "printf", "apt-get", "apt", "rpm", "apk", "gunzip", "xz", "bunzip2", "ls", "grep", "file", "stat", "du", "test", "[");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        List<Instruction> all = file.instructions();
        List<Candidate> candidates = new ArrayList<>();
        for (Stage stage : FinalImage.stages(file)) {
            Map<String, String> env = new LinkedHashMap<>();
            String workdir = null; // the base image's WORKDIR is not known here: relative paths stay as written
            String where = startWorkdir(stage, context); // the same, or a stand-in that compares with itself
            List<Instruction> in = stage.instructions();
            for (int n = 0; n < in.size(); n++) {
                Instruction i = in.get(n);
                switch (i.kind()) {
                    case ENV -> {
                        List<String> v = i.command().values();
                        StageFacts.defineEnv(env, v, true);
                    }
                    case WORKDIR -> {
                        String dir = String.join(" ", i.command().values());
                        workdir = StageFacts.resolve(workdir == null ? "/" : workdir, dir, env);
                        where = LaterRemoval.resolve(where, dir, env);
                    }
                    case RUN -> {
                        if (!RunScript.mentions(i, "curl", "wget")) continue;
                        RunScript script = RunScript.of(i, file);
                        if (script == null) continue;
                        Candidate c = fix(i, script, workdir, where, env);
                        if (c == null) continue;
                        Edit refusal = follow(c, file, stage, in.subList(n + 1, in.size()),
                                all.subList(all.indexOf(i) + 1, all.size()), where, env);
                        if (refusal != null) edits.add(refusal);
                        else if (!script.canAppend()) edits.add(Edit.finding(i, Change.finding(INFO.id(), i.line(),
                                i.endLine(), "archive kept: the RUN ends in `;`, `&`, a comment or an `exit`, so whittle "
                                        + "cannot append the removal")));
                        else if (c.files() != null) candidates.add(c);
                    }
                    default -> { }
                }
            }
        }
        edits.addAll(MovedRemovals.settle(candidates, file, INFO.id()));
        return edits;
    }

    /** The WORKDIR the stage's base image starts in when the catalog knows it, else the stand-in for an unknown one. */
    private static String startWorkdir(Stage stage, PassContext context) {
        String w = context.knowledge().catalog().startWorkdir(dev.whittle.facts.ImageRef.parse(stage.baseImage()));
        return w != null ? w : LaterRemoval.UNKNOWN_BASE;
    }

    /**
     * A RUN whose downloads can go: the files it unpacks or checks, as the appended rm names them (null when one is
     * made in a directory whittle cannot name), and for each the later rm that removes it (null for none) and the COPY
     * into its folder before that rm (null for none), filled in by {@link #follow}.
     */
    record Candidate(Instruction run, List<Download> used, List<String> files, String verb,
                     List<LaterRemoval.Removal> removals, List<Instruction> recreates) {}

    /**
     * Follows each file of the candidate through the instructions after its RUN; the finding when one of them may be
     * read later, else null (the candidate then knows the later removals).
     */
    private static Edit follow(Candidate c, Dockerfile file, Stage stage, List<Instruction> stageAfter,
                               List<Instruction> later, String where, Map<String, String> env) {
        Instruction run = c.run();
        for (Download d : c.used()) {
            LaterRemoval.Outcome o = d.where() == null ? new LaterRemoval.Outcome(null, null, null)
                    : LaterRemoval.follow(file, stageAfter, d.where(), d.name(), where, new LinkedHashMap<>(env));
            String why = o.refusal();
            if (o.removal() == null) {
                // it stays in the stage: nothing after may name it, and no other stage may copy it from there
                for (Instruction i : later) {
                    if (i.command().original().contains(d.name())) {
                        why = "a later instruction names it (`" + Commands.snippet(i, 40) + "`)";
                        break;
                    }
                }
                if (why == null && d.where() != null) why = MovedRemovals.copiedFrom(file, stage, d.where());
            }
            if (why != null) {
                return Edit.finding(run, MovedRemovals.fitted(Change.finding(INFO.id(), run.line(), run.endLine(),
                        "`" + d.written() + "` kept: " + why)));
            }
            c.removals().add(o.removal());
            c.recreates().add(o.recreate());
        }
        return null;
    }

    /**
     * A file one command downloads: the word as written, its absolute path (null when the directory is not known),
     * how many times the RUN had changed directory before it, and its path with the base image's WORKDIR known or
     * stood in for (null when a directory change makes it unknown).
     */
    record Download(String written, String path, int moves, String where) {
        String name() {
            return written.substring(written.lastIndexOf('/') + 1);
        }
    }

    /**
     * Places no build runs its commands in: an rm there cannot take away a file downloaded into a directory whittle
     * does not know (the base image's WORKDIR).
     */
    private static final List<String> SYSTEM_PLACES = List.of("/var/lib/apt", "/var/cache", "/var/log", "/usr/share/doc",
            "/usr/share/man", "/usr/share/locale", "/usr/share/info", "/root/.cache", "/root/.npm", "/root/.gnupg", "/etc/apt",
            "/var/lib/dpkg", "/var/lib/rpm", "/var/lib/yum");

    private Candidate fix(Instruction run, RunScript script, String workdir, String where, Map<String, String> env) {
        List<Step> steps = script.script().steps();
        for (Step s : steps) if (s.compound()) return null; // if, for, ( ... ): the order of commands is not followed
        String cwd = workdir;
        String scwd = where;
        int moves = 0;
        List<Download> downloads = new ArrayList<>();
        List<Download> used = new ArrayList<>();
        for (Step s : steps) {
            for (SimpleCommand c : s.commands()) {
                String program = Commands.program(c);
                if (program.equals("cd")) {
                    if (s.commands().size() > 1) return null; // cd in a pipeline runs in a subshell
                    String dir = c.args().isEmpty() ? null : c.words().get(1).literal();
                    cwd = dir == null ? null : StageFacts.resolve(cwd == null ? "/" : cwd, dir, env);
                    if (dir != null && !dir.startsWith("/")) cwd = null; // relative to a directory not known
                    scwd = dir == null ? null : LaterRemoval.resolve(scwd, dir, env);
                    moves++;
                    continue;
                }
                if (program.equals("curl") || program.equals("wget")) {
                    Download d = download(c, program, cwd, moves, scwd);
                    if (d != null) downloads.add(d);
                    continue;
                }
                for (Download d : downloads) {
                    if (!names(c, d)) continue;
                    if (removes(c, d, cwd)) return null; // the RUN cleans up itself
                    if (!CONSUMERS.contains(program)) return null; // cp, mv, ln, a script: the file may be needed
                    // an archive goes once it is unpacked or installed, a signature or checksum once it is read
                    boolean done = SIGNATURE.matcher(d.name()).find() ? CHECKERS.contains(program) : unpacks(c, program);
                    if (done && !used.contains(d)) used.add(d);
                }
                if (program.equals("rm") && removesAbove(c, downloads, cwd)) return null;
            }
        }
        if (used.isEmpty()) return null;
        List<String> files = new ArrayList<>();
        // the first line names the files when they fit; the rm itself is in the diff
        for (Download d : used) {
            if (d.moves() == moves && !d.written().startsWith("~")) files.add(d.written());
            else if (d.path() != null) files.add(d.path());
            else files = null; // made in a directory whittle cannot name after the RUN's cd
            if (files == null) break;
        }
        if (files != null && files.stream().anyMatch(f -> !f.matches("[A-Za-z0-9._+/:@%=-]+"))) files = null; // nothing to quote
        long signatures = used.stream().filter(d -> SIGNATURE.matcher(d.name()).find()).count();
        String verb = signatures == used.size() ? "checks" : signatures > 0 ? "checks and unpacks" : "unpacks or installs";
        return new Candidate(run, used, files, verb, new ArrayList<>(), new ArrayList<>());
    }

    /** The change that appends the removal to a candidate's RUN; {@code later} says what became of the later rms. */
    static String message(Candidate c, String later) {
        List<String> files = c.files();
        return "downloaded " + (files.size() == 1 ? "file " + Commands.shorten(files.get(0), 90)
                : "files " + Commands.shorten(String.join(", ", files), 90))
                + " removed in the RUN that " + c.verb() + (files.size() == 1 ? " it" : " them") + later;
    }

    private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile(
            "(?i)\\.(asc|sig|sha256|sha256sum|sha512|md5)$");

    /** The commands that read a signature or checksum file. */
    private static final Set<String> CHECKERS = Set.of("gpg", "gpgv", "sha256sum", "sha512sum", "sha1sum", "md5sum");

    /** Whether the command unpacks or installs the archive it names (tar x, unzip, dpkg -i, apt-get install ./x.deb). */
    private static boolean unpacks(SimpleCommand c, String program) {
        List<String> a = c.args();
        return switch (program) {
            case "tar", "bsdtar" -> tarExtracts(a);
            case "unzip" -> a.stream().noneMatch(x -> x.equals("-l") || x.equals("-t") || x.equals("-v") || x.equals("-Z"));
            case "dpkg" -> a.contains("-i") || a.contains("--install");
            case "apt-get", "apt" -> a.contains("install");
            case "rpm" -> a.stream().anyMatch(x -> x.matches("-[A-Za-z]*[iU][A-Za-z]*"));
            case "apk" -> a.contains("add");
            // without -k or -c they delete the archive themselves: nothing is left to remove
            case "gunzip", "bunzip2" -> keeps(a);
            case "xz" -> (a.contains("-d") || a.contains("--decompress")) && keeps(a);
            default -> false;
        };
    }

    /** Whether gunzip, bunzip2 or xz keeps its input (-k, -c, --keep, --stdout). */
    private static boolean keeps(List<String> args) {
        for (String a : args) {
            if (a.equals("--keep") || a.equals("--stdout") || a.equals("--to-stdout")) return true;
            if (a.matches("-[A-Za-z]*[kc][A-Za-z]*")) return true;
        }
        return false;
    }

    /** The file a curl or wget command saves, when its name and directory are known and it is an archive. */
    private static Download download(SimpleCommand c, String program, String cwd, int moves, String scwd) {
        if (!c.redirects().isEmpty()) return null;
        boolean curl = program.equals("curl");
        char out = curl ? 'o' : 'O';
        String target = null;
        String url = null;
        boolean remoteName = false;
        int urls = 0;
        List<Word> words = c.words();
        for (int k = 1; k < words.size(); k++) {
            String a = words.get(k).literal();
            if (a == null) {
                if (words.get(k).text().contains("://") || words.get(k).text().matches("(?i).*URL.*")) urls++;
                continue; // an expansion: a URL or a value whittle cannot read (an output name is caught below)
            }
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                boolean output = name.equals(curl ? "--output" : "--output-document");
                if (output) {
                    String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : k + 1 < words.size() ? words.get(++k).literal() : null;
                    if (v == null) return null;
                    target = v;
                } else if (curl && name.equals("--remote-name")) {
                    remoteName = true;
                } else if (Set.of("--remote-header-name", "--content-disposition", "--directory-prefix", "--output-dir",
                        "--remote-name-all", "--input-file", "--trust-server-names").contains(name)) {
                    return null; // the saved name or place comes from the server or elsewhere
                } else if (!a.contains("=") && CURL_LONG_VALUES.contains(name) && curl || !curl && WGET_LONG_VALUES.contains(name)) {
                    k++;
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                // short flags, maybe combined (-fsSLo FILE, -qO-, -O FILE, -ofile)
                for (int j = 1; j < a.length(); j++) {
                    char f = a.charAt(j);
                    if (f == out) {
                        String v = j + 1 < a.length() ? a.substring(j + 1) : k + 1 < words.size() ? words.get(++k).literal() : null;
                        if (v == null) return null;
                        target = v;
                        break;
                    }
                    if (curl && f == 'O') remoteName = true;
                    else if (curl && f == 'J' || !curl && f == 'P') return null;
                    else if ((curl ? CURL_SHORT_VALUES : WGET_SHORT_VALUES).indexOf(f) >= 0) {
                        if (j + 1 == a.length()) k++;
                        break;
                    }
                }
            } else if (a.matches("(?i)(https?|ftp)://.*")) {
                url = a;
                urls++;
            }
        }
        if (urls != 1 || url == null) return null;
        if (target == null) {
            if (curl && !remoteName) return null; // to stdout
            if (url.contains("?") || url.contains("#")) return null; // wget keeps the query in the name
            target = url.substring(url.lastIndexOf('/') + 1);
            if (target.isEmpty()) return null;
        }
        if (target.equals("-") || target.startsWith("/dev/") || target.contains("*")) return null;
        String name = target.substring(target.lastIndexOf('/') + 1);
        if (!ARCHIVE.matcher(name).matches()) return null;
        String path = target.startsWith("/") ? target : cwd == null ? null : StageFacts.resolve(cwd, target, Map.of());
        String where = target.startsWith("/") ? target : scwd == null ? null : LaterRemoval.resolve(scwd, target, Map.of());
        return new Download(target, path, moves, where);
    }

    /** Short flags that take a value (the next word, or the rest of the same word). */
    private static final String CURL_SHORT_VALUES = "HdXuAeyYrmwCTtQbcEKxFzUD";
    private static final String WGET_SHORT_VALUES = "aoiBeUtTwAlRDIXQ";
    private static final Set<String> CURL_LONG_VALUES = Set.of("--header", "--data", "--data-binary", "--data-raw",
            "--request", "--user", "--user-agent", "--retry", "--retry-delay", "--retry-max-time", "--max-time",
            "--connect-timeout", "--cacert", "--cert", "--key", "--proxy", "--referer", "--cookie", "--form", "--limit-rate",
            "--proto", "--resolve", "--ciphers", "--time-cond", "--range", "--write-out", "--config");
    private static final Set<String> WGET_LONG_VALUES = Set.of("--header", "--user", "--password", "--tries",
            "--timeout", "--wait", "--user-agent", "--post-data", "--output-file", "--append-output", "--ca-certificate",
            "--certificate", "--private-key", "--referer", "--load-cookies", "--limit-rate", "--execute");

    /** Whether one of the command's words names the downloaded file (as written, or by its absolute path). */
    private static boolean names(SimpleCommand c, Download d) {
        String name = d.name();
        for (int k = 1; k < c.words().size(); k++) {
            if (c.words().get(k).text().contains(name)) return true;
        }
        return false;
    }

    /** Whether a tar command extracts (x in its first word or a flag; not c, r or u). */
    private static boolean tarExtracts(List<String> args) {
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("--extract") || a.equals("--get") || a.equals("-x")) return true;
            boolean flags = !a.startsWith("--") && (a.startsWith("-") || k == 0) && a.matches("-?[A-Za-z]+");
            if (flags && a.contains("x") && !a.replace("-", "").matches(".*[cru].*")) return true;
        }
        return false;
    }

    /** Whether an rm removes the file (by its name or a directory above it, or a glob that matches it). */
    private static boolean removes(SimpleCommand c, Download d, String cwd) {
        return Commands.program(c).equals("rm") && removedBy(c, d, cwd);
    }

    private static boolean removesAbove(SimpleCommand c, List<Download> downloads, String cwd) {
        for (Download d : downloads) if (removedBy(c, d, cwd)) return true;
        return false;
    }

    private static boolean removedBy(SimpleCommand c, Download d, String cwd) {
        for (int k = 1; k < c.words().size(); k++) {
            String a = c.words().get(k).literal();
            if (a == null) return true; // rm -rf $DIR: it may be the file's directory
            if (a.startsWith("-")) continue;
            if (a.contains("*") || a.contains("?") || a.contains("[")) {
                String g = a.startsWith("/") ? a : cwd == null ? null : StageFacts.resolve(cwd, a, Map.of());
                if (g == null) return true;
                if (d.path() == null) {
                    if (SYSTEM_PLACES.stream().noneMatch(sp -> dev.whittle.facts.Effect.under(g, sp))) return true;
                    continue;
                }
                StringBuilder re = new StringBuilder();
                for (char ch : g.toCharArray()) {
                    if (ch == '*') re.append("[^/]*");
                    else if (ch == '?') re.append("[^/]");
                    else if (ch == '[') return true; // a bracket glob: whittle does not read it
                    else re.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
                }
                if (d.path().matches(re + "(/.*)?")) return true;
                continue;
            }
            String p = a.startsWith("/") ? a : cwd == null ? null : StageFacts.resolve(cwd, a, Map.of());
            if (p == null) return true;
            if (d.path() == null ? SYSTEM_PLACES.stream().noneMatch(sp -> dev.whittle.facts.Effect.under(p, sp))
                    : dev.whittle.facts.Effect.under(d.path(), p)) {
                return true;
            }
        }
        return false;
    }
}
