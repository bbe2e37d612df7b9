package dev.whittle.pass.rules;

import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.facts.BaseRelease;
import dev.whittle.facts.Commands;
import dev.whittle.facts.Distro;
import dev.whittle.facts.FinalImage;
import dev.whittle.facts.Packages;
import dev.whittle.pass.Edit;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code apt-get install} gets {@code --no-install-recommends}, and the recommendations that matter (the CA bundle,
 * the C library headers, the ssh client ...) are named in the install, from the package facts of the stage's
 * release. Reported instead when the release or a package is not known.
 */
public final class AptNoInstallRecommends implements Pass {
    private static final PassInfo INFO = new PassInfo("apt-no-install-recommends", "apt-get install without recommends",
            "Add --no-install-recommends to apt-get install, naming the recommended packages that matter.",
            Level.BALANCED, List.of("DL3015"),
            "By default apt also installs what the packages recommend, which often doubles what an install costs "
                    + "(documentation, X libraries, compilers pulled in by -dev packages). --no-install-recommends keeps "
                    + "only hard dependencies, which can drop something a later step or the app needs: git and curl "
                    + "recommend ca-certificates (https), gcc recommends libc6-dev (linking), git recommends the ssh "
                    + "client. whittle reads, from the real package facts of the stage's Debian or Ubuntu release "
                    + "(templates/distro/), which recommendations that matter each installed package would drop, and "
                    + "names them in the install. It reports instead of rewriting when the release is not known (a "
                    + "base image whittle cannot place), when the release left the mirrors, or when a package is not "
                    + "one of the release's own (a third-party source, a variable), or when an apt source is added before the "
                    + "install (the source's packages shadow the release's of the same name): then what it recommends is "
                    + "not known. Builder stages, whose files never ship, are left alone.");

    private static final Set<String> INSTALL = Set.of("install");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Stage stage : FinalImage.stages(file)) {
            Set<String> installedBefore = new LinkedHashSet<>();
            // a third-party base that installs ca-certificates (phusion) needs it named no more than an earlier RUN would
            Stage root = dev.whittle.facts.FinalImage.chain(file, stage).get(0);
            dev.whittle.facts.ImageRef rootImage = dev.whittle.facts.ImageRef.parse(root.baseImage());
            installedBefore.addAll(context.knowledge().catalog().packagesOf(rootImage));
            // a Debian or Ubuntu image the catalog says has the CA bundle has it from the ca-certificates package
            // (python, node, golang and buildpack-deps install it; the -slim images of python too)
            var info = rootImage.variable() ? null : context.knowledge().catalog().lookup(
                    context.knowledge().catalog().factsImage(rootImage));
            if (info != null && Boolean.TRUE.equals(info.certs()) && ("debian".equals(info.family())
                    || "ubuntu".equals(info.family()))) {
                installedBefore.add("ca-certificates");
            }
            BaseRelease release = null;
            Distro distro = null;
            boolean archived = false;
            boolean looked = false;
            Instruction sourceAdded = null; // the first instruction that adds an apt source (its packages' recommends are not known)
            for (Instruction i : stage.instructions()) {
                Instruction addedBefore = sourceAdded;
                if (sourceAdded == null && addsSource(i)) sourceAdded = i;
                RunScript script = RunScript.mentions(i, "apt") ? RunScript.of(i, file) : null;
                if (script == null || script.hasCacheMount()) continue;
                List<SimpleCommand> installs = new ArrayList<>();
                for (SimpleCommand c : script.script().commands()) {
                    if (!Commands.isProgram(c, "apt-get", "apt") || Commands.subcommand(c, INSTALL) == null) continue;
                    if (c.hasArg("--install-recommends")) continue; // the file asks for them: its choice stands
                    if (recommendsOff(c)) {
                        installedBefore.addAll(Packages.names(c));
                        continue;
                    }
                    installs.add(c);
                }
                if (installs.isEmpty()) continue;
                if (sourceAdded == i && !addsSourceBefore(i, installs.get(0))) {
                    // a source added between installs of this RUN: the installs after it are from it, and keep theirs
                    java.util.regex.Matcher m = SOURCE.matcher(i.command().args());
                    int at = m.find() ? m.start() : Integer.MAX_VALUE;
                    installs.removeIf(c -> c.start() > at);
                }
                Instruction source = addedBefore != null ? addedBefore
                        : sourceAdded == i && addsSourceBefore(i, installs.get(0)) ? i : null;
                if (source != null) {
                    java.util.regex.Matcher words = SOURCE.matcher(source.command().original());
                    boolean piped = words.find() && words.group().startsWith("|");
                    String where = source == i ? "earlier in this RUN" : "at line " + source.line();
                    edits.add(finding(i, "recommends kept: " + (piped ? "a script piped into a shell " + where
                            + " may add an apt source: its packages' recommends are not known" : "an apt source is added "
                            + where + ", whose packages may stand in for the release's: what they recommend is not known")));
                    for (SimpleCommand c : installs) installedBefore.addAll(Packages.names(c));
                    continue;
                }
                if (!looked) {
                    release = BaseRelease.of(file, stage, context.knowledge().facts());
                    distro = release == null ? null : release.distro(context.knowledge().facts());
                    archived = release != null && release.archived(context.knowledge().facts());
                    looked = true;
                }
                Edit e = rewrite(i, script, installs, release, distro, archived, stage, installedBefore);
                if (e != null) edits.add(e);
                for (SimpleCommand c : installs) installedBefore.addAll(Packages.names(c));
            }
        }
        return edits;
    }

    /**
     * Words that add an apt source: the sources files and the tools that write them, and a downloaded setup script
     * piped into a shell (NodeSource's setup_6.x, packagecloud's script.deb.sh: they write a source and run apt-get
     * update).
     */
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile(
            "sources\\.list|add-apt-repository|apt-add-repository|/etc/apt/sources|extrepo"
                    + "|\\|\\s*(sudo\\s+(-\\S+\\s+)*)?(env\\s+\\S+=\\S*\\s+)*(/bin/|/usr/bin/)?(ba)?sh\\b");

    /** Whether the instruction may add an apt source (a RUN that writes one, a COPY or ADD of one). */
    private static boolean addsSource(Instruction i) {
        if (i.kind() != dev.whittle.tree.Keyword.RUN && i.kind() != dev.whittle.tree.Keyword.COPY
                && i.kind() != dev.whittle.tree.Keyword.ADD) return false;
        String text = i.command().original();
        // every SOURCE word holds one of these: the regular expression runs only where it can match (it was 2.6% of
        // a corpus batch when run over every instruction)
        return (text.contains("sources") || text.contains("-repository") || text.contains("extrepo")
                || text.contains("|") && text.contains("sh")) && SOURCE.matcher(text).find();
    }

    /** Whether the RUN names a source before its first install command. */
    private static boolean addsSourceBefore(Instruction i, SimpleCommand install) {
        java.util.regex.Matcher m = SOURCE.matcher(i.command().args());
        return m.find() && m.start() < install.start();
    }

    private static Edit rewrite(Instruction i, RunScript script, List<SimpleCommand> installs, BaseRelease release,
                                Distro distro, boolean archived, Stage stage, Set<String> installedBefore) {
        if (release == null) {
            String image = stage.baseImage().length() <= 50 ? stage.baseImage() : stage.baseImage().substring(0, 47) + "...";
            return finding(i, "recommends kept: the distribution release of " + image + " is not known, so neither is "
                    + "what its packages recommend");
        }
        if (distro == null || !distro.hasPackages()) {
            return finding(i, "recommends kept: whittle has no package facts for " + release + (archived
                    ? " (its suites left the mirrors)" : ""));
        }
        Map<String, String> added = new LinkedHashMap<>(); // package that matters -> a package that recommends it
        // each named package goes on the install of the package that recommends it: a command between two installs
        // (apt-key after gpg-agent) may need it already
        Map<SimpleCommand, List<String>> addedTo = new java.util.IdentityHashMap<>();
        for (SimpleCommand c : installs) {
            List<String> names = new ArrayList<>();
            boolean after = false;
            for (int k = 1; k < c.words().size(); k++) {
                Word w = c.words().get(k);
                String v = w.literal();
                if (!after) {
                    after = "install".equals(v);
                    continue;
                }
                if (v == null) return finding(i, "recommends kept: the package list uses a variable (`" + w.text() + "`)");
                if (v.startsWith("-")) continue;
                names.add(v.replaceAll("[=<>~].*", "").replaceAll(":[a-z0-9]+$", ""));
            }
            String server = serverDropped(names);
            if (server != null) return finding(i, server);
            for (String name : names) {
                List<String> dropped = distro.droppedThatMatter(name);
                if (dropped == null && (name.contains("/") || name.endsWith(".deb"))) {
                    return finding(i, "recommends kept: " + dev.whittle.facts.Commands.shorten(name, 40)
                            + " is a package file, whose recommends whittle does not read");
                }
                if (dropped == null) {
                    return finding(i, "recommends kept: " + dev.whittle.facts.Commands.shorten(name, 40) + " is not in " + distro
                            + " and no apt source is added before it: does the base image bring one?");
                }
                for (String m : dropped) {
                    if (!names.contains(m) && !installedBefore.contains(m) && added.putIfAbsent(m, name) == null) {
                        addedTo.computeIfAbsent(c, x -> new ArrayList<>()).add(m);
                    }
                }
            }
        }
        for (SimpleCommand c : installs) {
            script.insertAfter(Commands.subcommand(c, INSTALL), "--no-install-recommends");
        }
        for (SimpleCommand c : installs) {
            List<String> mine = addedTo.get(c);
            if (mine != null) script.insertAfter(c.words().get(c.words().size() - 1), String.join(" ", mine));
        }
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, String> e : added.entrySet()) {
            details.add(e.getKey() + ", recommended by " + e.getValue() + ": " + distro.whyItMatters(e.getKey()));
        }
        return Edit.replace(i, script.text(), Change.rewrite(INFO.id(), i.line(), i.endLine(), message(added, distro))
                .withDetails(details));
    }

    private static String message(Map<String, String> added, Distro distro) {
        if (added.isEmpty()) return "apt-get install --no-install-recommends (" + distro + ": nothing it drops matters)";
        StringBuilder m = new StringBuilder("apt-get install --no-install-recommends, naming what mattered: ");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : added.entrySet()) parts.add(e.getKey() + " (recommended by " + e.getValue() + ")");
        String joined = String.join(", ", parts);
        if (m.length() + joined.length() > 160) joined = String.join(" ", added.keySet());
        if (m.length() + joined.length() > 160) {
            List<String> first = new ArrayList<>(added.keySet()).subList(0, 4);
            joined = String.join(" ", first) + " and " + (added.size() - 4) + " more (see the details)";
        }
        return m.append(joined).toString();
    }

    /**
     * A web server that an install brings only as a recommendation: Debian's and Ubuntu's {@code php} (and phpX.Y)
     * Depends on {@code libapache2-mod-phpX.Y | phpX.Y-fpm | phpX.Y-cgi}, and libapache2-mod-php Recommends apache2
     * (bookworm: libapache2-mod-php8.2). Without the recommendation only apache2-bin comes: no configuration, no
     * apache2ctl, mod_php never enabled. Whether the image serves PHP through Apache is not known from the install,
     * so the recommends are kept. Null when the install names the server or another PHP runtime.
     */
    private static String serverDropped(List<String> names) {
        boolean modPhp = false;
        for (String n : names) {
            if (n.equals("apache2") || n.matches("php[0-9.]*-(fpm|cgi)")) return null;
            if (n.matches("php[0-9.]*|libapache2-mod-php[0-9.]*")) modPhp = true;
        }
        return modPhp ? "recommends kept: php brings Apache's mod_php, which recommends apache2 (the web server); name "
                + "apache2, or php-fpm, to say which the image needs" : null;
    }

    private static boolean recommendsOff(SimpleCommand c) {
        return c.hasArg("--no-install-recommends") || Commands.hasArgStarting(c, "APT::Install-Recommends")
                || c.args().stream().anyMatch(a -> a.contains("Install-Recommends"));
    }

    private static Edit finding(Instruction i, String why) {
        return Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(), why));
    }
}
