package dev.whittle.facts;

import dev.whittle.edit.RunScript;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of Go and of pip a stage has at a given command, as far as the file tells: the base image (a golang
 * or python tag), the distribution package a RUN installs (with the version the release ships, from
 * templates/distro/), a Go tarball a RUN downloads, an upgrade of pip. Null means not known, and a version-dependent
 * rewrite must then not be made.
 */
public final class ToolVersions {
    private ToolVersions() {}

    /** Follows the newest release: a pip just upgraded, a golang image without a version. */
    public static final String LATEST = "latest";

    /**
     * The lowest pip any official python image has shipped since 2017 (9.0.1): the images always carry a current
     * pip, so a file on one can use every option pip has had since.
     */
    private static final String PYTHON_IMAGE_PIP = "9.0.1";

    private static final Pattern GO_TARBALL = Pattern.compile("go(\\d+\\.\\d+(?:\\.\\d+)?)\\.(?:linux|src|freebsd|darwin)");
    private static final Pattern UNRESOLVED_TARBALL = Pattern.compile("go\\$\\{?\\w+}?\\.(?:linux|src)");
    private static final Pattern PIP_PACKAGE = Pattern.compile("python[23]?-pip|py[23]?-pip|python[23]\\d*-pip");
    private static final Pattern PINNED_PIP = Pattern.compile("pip[<>=~!].*");
    private static final Pattern GOLANG_PACKAGE = Pattern.compile("golang-(\\d+\\.\\d+)(?:-go)?");

    /** Whether {@code version} is known and at least {@code minimum}. */
    public static boolean atLeast(String version, String minimum) {
        return version != null && (version.equals(LATEST) || Versions.atLeast(version, minimum));
    }

    /** The Go version the stage has when {@code command} of {@code run} runs (null: at the end of the stage). */
    public static String go(Dockerfile file, Stage stage, Instruction run, SimpleCommand command, FactSources sources,
                            BuildContext context) {
        Walk w = walk(file, stage, run, command, sources, true);
        if (w.go != null) return w.go.equals(UNKNOWN) ? null : w.go;
        Matcher m = Pattern.compile("(?m)^go\\s+(\\d+\\.\\d+)").matcher(context.read("go.mod").orElse(""));
        return m.find() ? m.group(1) : null;
    }

    /** The lowest pip version the stage may run when {@code command} of {@code run} runs; null when not known. */
    public static String pip(Dockerfile file, Stage stage, Instruction run, SimpleCommand command, FactSources sources) {
        Walk w = walk(file, stage, run, command, sources, false);
        if (w.pips.isEmpty() && command != null && w.upgraded.contains(Commands.program(command))) return LATEST;
        if (w.pips.isEmpty() || w.pips.containsValue(UNKNOWN)) return null;
        String lowest = null;
        for (String v : w.pips.values()) {
            if (lowest == null || lowest.equals(LATEST) || !v.equals(LATEST) && Versions.compare(v, lowest) < 0) lowest = v;
        }
        return lowest;
    }

    /** Where a pip came from, for messages ("python3-pip of ubuntu xenial"), or null. */
    public static String pipOrigin(Dockerfile file, Stage stage, Instruction run, SimpleCommand command, FactSources sources) {
        Walk w = walk(file, stage, run, command, sources, false);
        String lowest = pip(file, stage, run, command, sources);
        for (Map.Entry<String, String> e : w.pips.entrySet()) if (e.getValue().equals(lowest)) return e.getKey();
        return null;
    }

    private static final String UNKNOWN = "?";

    private static final class Walk {
        String go;
        final Map<String, String> pips = new LinkedHashMap<>(); // origin -> version
        final java.util.Set<String> upgraded = new java.util.HashSet<>(); // pips of unknown origin that upgraded themselves
    }

    private static Walk walk(Dockerfile file, Stage stage, Instruction run, SimpleCommand command, FactSources sources,
                             boolean forGo) {
        List<Stage> chain = new ArrayList<>();
        for (Stage s = stage; s != null && !chain.contains(s); s = FinalImage.parent(file.stages(), s)) chain.add(0, s);
        Walk w = new Walk();
        ImageRef written = ImageRef.parse(chain.get(0).baseImage());
        ImageRef base = sources.catalog().factsImage(written); // a third-party image: the one it is built on
        OfficialImages.Entry official = base.variable() ? null : sources.images().lookup(base);
        if (official != null && "go".equals(official.language())) {
            w.go = official.version() == null ? UNKNOWN : official.version();
        } else if (base.repository().equals("golang") || base.repository().endsWith("/golang")) {
            // a golang tag the official images never had (a build argument, a private copy): its number, if any
            w.go = base.version().isEmpty() ? UNKNOWN : base.version();
        }
        if (official != null && "python".equals(official.language())) {
            String pip = official.tool("pip");
            w.pips.put(written.written(), pip == null ? PYTHON_IMAGE_PIP : pip);
        }
        BaseRelease release = BaseRelease.of(base, sources);
        Distro distro = release == null ? null : release.distro(sources);
        Map<String, String> env = new LinkedHashMap<>();
        for (Stage s : chain) {
            for (Instruction i : s.instructions()) {
                if (i.kind() == Keyword.ENV) {
                    List<String> v = i.command().values();
                    StageFacts.defineEnv(env, v, false);
                } else if (i.kind() == Keyword.ARG) {
                    for (String a : i.command().values()) {
                        int eq = a.indexOf('=');
                        if (eq > 0 && !env.containsKey(a.substring(0, eq))) StageFacts.define(env, a.substring(0, eq), a.substring(eq + 1), false);
                    }
                } else if (i.kind() == Keyword.RUN && !i.command().json() && i.heredocs().isEmpty()) {
                    Script script = RunScript.parse(i.command().args());
                    for (SimpleCommand c : script.commands()) {
                        if (i == run && c == command) return w;
                        step(c, w, distro, env);
                    }
                    if (!script.parsed() && forGo && GO_TARBALL.matcher(substitute(i.command().args(), env)).find()) {
                        w.go = UNKNOWN;
                    }
                }
                if (i == run) return w;
            }
        }
        return w;
    }

    private static void step(SimpleCommand c, Walk w, Distro distro, Map<String, String> env) {
        for (String a : c.args()) {
            String value = substitute(a, env);
            if (value.contains("go")) { // both tarball patterns start with it
                Matcher m = GO_TARBALL.matcher(value);
                if (m.find()) w.go = m.group(1);
                else if (UNRESOLVED_TARBALL.matcher(value).find()) w.go = UNKNOWN;
            }
            if (a.endsWith("get-pip.py") || a.contains("get-pip.py")) {
                // get-pip.py installs the newest pip for the Python that runs it, always as `pip`: pips known before
                // are replaced, and with none known the `pip` command counts as current, as an upgraded pip of
                // unknown origin does (r25, r33: `curl .../get-pip.py | python`)
                w.pips.replaceAll((k, v) -> LATEST);
                w.upgraded.add("pip");
            }
        }
        String manager = Packages.manager(c);
        if (manager != null && Packages.installs(c)) {
            for (String p : Packages.names(c)) {
                if (p.equals("golang-go") || p.equals("golang") || p.equals("go")) {
                    String v = distro == null ? null : manager.equals("apt") ? distro.tool("go", "golang-go")
                            : manager.equals("apk") ? distro.tool("go", "go") : null;
                    w.go = v == null ? UNKNOWN : v;
                }
                Matcher g = GOLANG_PACKAGE.matcher(p);
                if (g.matches()) w.go = g.group(1);
                if (p.endsWith("-pip") && PIP_PACKAGE.matcher(p).matches()) {
                    boolean ownRelease = distro != null && (manager.equals("apt") || manager.equals("apk"));
                    String v = ownRelease ? distro.tool("pip", p) : null;
                    w.pips.put(p + (ownRelease ? " of " + distro : ""), v == null ? UNKNOWN : v);
                }
            }
        }
        if (Commands.pipInstall(c) != null && (c.hasArg("pip") || c.args().stream().anyMatch(a -> a.startsWith("pip") && PINNED_PIP.matcher(a).matches()))
                && (c.hasArg("-U") || c.hasArg("--upgrade"))) {
            w.pips.replaceAll((k, v) -> LATEST);
            // a pip of unknown origin (ensurepip, a base whittle does not know) that upgraded itself is current, for
            // that same command only: another pip (pip beside pip3) may be an old one
            if (w.pips.isEmpty()) w.upgraded.add(Commands.program(c));
        }
        if (Commands.isProgram(c, "easy_install", "easy_install-2.7", "easy_install3") && c.hasArg("pip")) {
            w.pips.replaceAll((k, v) -> LATEST);
            if (w.pips.isEmpty()) w.pips.put("easy_install", LATEST);
        }
    }

    /** {@code $NAME} and {@code ${NAME}} replaced by the values known so far. */
    private static String substitute(String text, Map<String, String> env) {
        if (!text.contains("$")) return text;
        String out = text;
        for (Map.Entry<String, String> e : env.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue()).replace("$" + e.getKey(), e.getValue());
        }
        return out;
    }
}
