package dev.whittle.facts;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether an application's sources show that it starts no other program (git, curl, rsync) when it runs. A split
 * drops the tools the build installed only when they do: an updater that clones through simple-git, a Go service
 * that runs git through os/exec, a Python job that calls curl through subprocess all need the tool in the runtime,
 * and nothing in the Dockerfile says so. Only the build context has the sources to read.
 */
public final class ProgramRuns {
    private ProgramRuns() {}

    private record Language(List<String> suffixes, Pattern runs, Pattern dependency) {}

    /** What starts another program in each language's sources, and the dependencies known to do it for the app. */
    private static final Map<String, Language> LANGUAGES = Map.of(
            "go", new Language(List.of(".go"), Pattern.compile("\"os/exec\"|syscall\\.Exec\\(|os\\.StartProcess\\("),
                    Pattern.compile("github\\.com/(hashicorp/go-getter|go-cmd/cmd|bitfield/script|codeskyblue/go-sh)\\b")),
            "node", new Language(List.of(".js", ".mjs", ".cjs", ".ts"),
                    Pattern.compile("child_process|\\bexeca\\b|shelljs|simple-git|cross-spawn"),
                    Pattern.compile("\"(simple-git|execa|shelljs|cross-spawn|child-process-promise|git-clone|"
                            + "download-git-repo|gift|node-cmd|shell-exec|spawn-command|tree-kill)\"\\s*:")),
            "python", new Language(List.of(".py"),
                    Pattern.compile("\\bsubprocess\\b|os\\.(system|popen|exec\\w*|spawn\\w*)\\(|\\bpexpect\\b|"
                            + "^\\s*(import|from)\\s+(sh|plumbum|git|sarge|delegator|invoke|fabric)\\b",
                            Pattern.MULTILINE),
                    Pattern.compile("(?im)^\\s*(GitPython|sh|plumbum|pexpect|sarge|delegator\\.py|invoke|fabric)\\b")),
            "java", new Language(List.of(".java", ".kt", ".scala", ".groovy"),
                    Pattern.compile("ProcessBuilder|\\.exec\\(|commons-exec|zt-exec"),
                    Pattern.compile("commons-exec|zt-exec")),
            "rust", new Language(List.of(".rs"), Pattern.compile("process::Command|Command::new"),
                    Pattern.compile("(?m)^\\s*(duct|xshell|subprocess)\\s*=")),
            "c", new Language(List.of(".c", ".cc", ".cpp", ".cxx", ".h", ".hpp"),
                    Pattern.compile("\\b(system|popen|execv\\w*|execl\\w*|posix_spawn\\w*|fork)\\s*\\("), null));

    private static final List<String> MANIFESTS = List.of("go.mod", "package.json", "requirements.txt", "Pipfile",
            "pyproject.toml", "pom.xml", "build.gradle", "build.gradle.kts", "Cargo.toml");

    /**
     * What the build context's sources of the language say.
     *
     * @param runs   where they show that the app starts other programs ("app.js:12 runs programs (child_process)",
     *               "package.json names simple-git, which runs programs"), or null
     * @param unread why whittle cannot tell that it starts none ("no build context to read whether the program runs
     *               them"), or null when the sources show it (runs is then null too)
     */
    public record Reading(String runs, String unread) {}

    /** Reads the app's sources of the language in the context once: what they start, or why that is not known. */
    public static Reading read(String language, BuildContext context) {
        Language lang = LANGUAGES.get(language);
        if (lang == null) return new Reading(null, "whittle does not read " + language + " sources for the programs they run");
        if (!context.known()) return new Reading(null, "no build context to read whether the program runs them");
        if (lang.dependency() != null) {
            for (String manifest : MANIFESTS) {
                var m = lang.dependency().matcher(context.read(manifest).orElse(""));
                if (m.find()) {
                    String runs = manifest + " names " + m.group().replaceAll("[\":=\\s]+$", "").replace("\"", "")
                            + ", which runs programs";
                    return new Reading(runs, runs);
                }
            }
        }
        List<String> sources = sourcesOf(lang, context);
        BuildContext.Match m = context.firstMatch(sources, lang.runs());
        if (m != null) {
            String runs = m.at() + " runs programs (" + m.text().strip() + ")";
            return new Reading(runs, runs);
        }
        return new Reading(null, sources.isEmpty() ? "no " + language + " sources in the build context to read" : null);
    }

    /** The app's own sources in the context: not vendored dependencies, node_modules or tests. */
    private static List<String> sourcesOf(Language lang, BuildContext context) {
        List<String> out = new java.util.ArrayList<>();
        for (String suffix : lang.suffixes()) {
            for (String file : context.withSuffix(suffix)) {
                if (file.startsWith("vendor/") || file.contains("/vendor/") || file.contains("node_modules/")
                        || file.endsWith("_test.go") || file.contains("/test/") || file.startsWith("test/")) {
                    continue;
                }
                out.add(file);
            }
        }
        return out;
    }
}
