package dev.whittle.pass.rules;

import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.core.NewFile;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.facts.BuildContext;
import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A build that sends its whole context with no .dockerignore gets one proposed, listing what the image does not need. */
public final class ProposeDockerignore implements Pass {
    private static final PassInfo INFO = new PassInfo("propose-dockerignore", "a .dockerignore for the whole context",
            "Propose a .dockerignore when the build copies its whole context and has none.",
            Level.BALANCED, List.of(),
            "`COPY . .` sends every file of the build context to the builder and into the image: the repository's "
                    + "history, the node_modules the build installs again, build output it makes again, caches and "
                    + "editor folders. When the Dockerfile's folder (the build context whittle assumes) holds no "
                    + ".dockerignore, whittle proposes one beside the Dockerfile, as a new file in the diff (`--write` "
                    + "creates it, never over an existing file), listing only what is there, each with its measured "
                    + "size (counted up to 20,000 files, then given as \"more than\") and why it can go: .git (unless a RUN uses git, or a build file such as pyproject.toml, "
                    + "setup.py, package.json, a Makefile, pom.xml or build.gradle names git or an SCM version plugin, "
                    + "or the build compiles Go, which stamps the binary from it); node_modules when the build "
                    + "installs with npm, yarn or pnpm; target when it builds with Maven or Gradle; virtual "
                    + "environments (a folder with pyvenv.cfg); __pycache__ folders; .idea and .vscode. Anything an "
                    + "instruction names is left out of the list, and no file is proposed when the context is named "
                    + "by a Dockerfile of another name (NAME.dockerignore applies then) or the build copies only "
                    + "named files. When the image is built from another folder than the Dockerfile's, the file "
                    + "belongs at that context's top.");

    private static final Pattern WHOLE = Pattern.compile("\\.|\\./|\\./\\.");
    private static final List<String> BUILD_FILES = List.of("pyproject.toml", "setup.py", "setup.cfg", "package.json",
            "Makefile", "makefile", "GNUmakefile", "pom.xml", "build.gradle", "build.gradle.kts", "Cargo.toml");
    /** What in a build file means the build reads the repository's history (a version from git, a git command). */
    private static final Pattern NEEDS_HISTORY = Pattern.compile("(?i)\\bgit\\b|scm|versioneer|hatch-vcs|dunamai");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext pass) {
        BuildContext context = pass.context();
        if (!context.known()) return List.of();
        // the whole context copied? (read from the tree alone: the folder is listed only then)
        Instruction whole = null;
        for (Instruction i : file.instructions()) {
            if (whole != null || i.kind() != Keyword.COPY && i.kind() != Keyword.ADD || i.command().flag("from") != null) continue;
            List<String> v = i.command().values();
            for (int k = 0; k + 1 < v.size(); k++) if (WHOLE.matcher(v.get(k)).matches()) whole = i;
        }
        if (whole == null) return List.of();
        List<String> top = context.topLevel();
        // .dockerignore, or NAME.dockerignore beside a Dockerfile of another name: the build may already have one
        if (top.stream().anyMatch(t -> t.endsWith(".dockerignore") || t.endsWith(".dockerignore/"))) return List.of();
        // nothing but files at the top (the Dockerfile alone): no folder to leave out, and no .git unless it is one
        if (top.stream().noneMatch(t -> t.endsWith("/")) && !top.contains(".git")) return List.of();
        StringBuilder all = new StringBuilder();
        for (Instruction i : file.instructions()) all.append(i.command().original()).append('\n');
        String named = all.toString();
        List<String> entries = new ArrayList<>();
        boolean git = false, go = false, installs = false, jvm = false;
        for (Instruction i : file.instructions()) {
            if (i.kind() != Keyword.RUN) continue;
            Script s = RunScript.parse(i.command().args());
            if (!s.parsed()) return List.of(); // what an unread RUN uses is not known
            for (SimpleCommand c : s.commands()) {
                String p = Commands.program(c);
                String sub = c.words().size() > 1 ? c.words().get(1).literal() : null;
                if (p.equals("git")) git = true;
                if (p.equals("go")) go = true;
                if (List.of("npm", "yarn", "pnpm").contains(p) && (sub == null || List.of("install", "ci", "i").contains(sub))) {
                    installs = true;
                }
                if (List.of("mvn", "mvnw", "gradle", "gradlew").contains(p)) jvm = true;
            }
        }
        if (top.contains(".git/") || top.contains(".git")) {
            boolean history = git || go || BUILD_FILES.stream().anyMatch(f -> context.read(f).map(t -> NEEDS_HISTORY.matcher(t).find()).orElse(false));
            if (!history) add(entries, context, named, ".git", "the repository's history");
        }
        if (installs && top.contains("node_modules/")) {
            add(entries, context, named, "node_modules", "the build installs its own");
        }
        if (jvm && top.contains("target/")) add(entries, context, named, "target", "the build makes it again");
        for (String t : top) {
            if (!t.endsWith("/")) continue;
            String dir = t.substring(0, t.length() - 1);
            if (context.size(dir + "/pyvenv.cfg") != -1) add(entries, context, named, dir, "a virtual environment of this machine");
        }
        if (context.hasFolderNamed("__pycache__") && !named.contains("__pycache__")) {
            entries.add("# **/__pycache__: Python's caches, made again when needed\n**/__pycache__\n");
        }
        for (String editor : List.of(".idea", ".vscode")) {
            if (top.contains(editor + "/")) add(entries, context, named, editor, "an editor's settings");
        }
        if (entries.isEmpty()) return List.of();
        StringBuilder text = new StringBuilder("# proposed by whittle (propose-dockerignore): what `")
                .append(Commands.snippet(whole, 30)).append("` (line ").append(whole.line())
                .append(") would send that the image does not need\n");
        for (String e : entries) text.append(e);
        List<String> names = new ArrayList<>();
        for (String e : entries) names.add(e.substring(e.indexOf('\n') + 1).strip());
        String message = ".dockerignore proposed beside the Dockerfile (" + Commands.shorten(String.join(", ", names), 60)
                + "): `" + Commands.snippet(whole, 20) + "` sends the whole context";
        return List.of(Edit.create(whole, new NewFile(".dockerignore", text.toString()),
                Change.rewrite(INFO.id(), whole.line(), whole.endLine(), message)));
    }

    /** Adds an entry with its size and reason, unless an instruction names it (then it may be copied on purpose). */
    private static void add(List<String> entries, BuildContext context, String named, String name, String why) {
        if (Pattern.compile("(^|[^A-Za-z0-9_.-])" + Pattern.quote(name) + "($|[^A-Za-z0-9_-])").matcher(named).find()) return;
        long measured = context.size(name);
        if (measured == -1) return;
        String shown = (BuildContext.sizeIsBound(measured) ? "more than " : "") + size(BuildContext.bytes(measured));
        entries.add("# " + name + ": " + shown + ", " + why + "\n" + name + "\n");
    }

    private static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
