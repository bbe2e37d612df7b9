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
     * Null when the build context's sources of the language show that the app starts no other program; otherwise
     * why whittle cannot tell, in words for a reason ("no build context to read", "app.js:12 runs programs
     * (child_process)").
     */
    public static String unknown(String language, BuildContext context) {
        Language lang = LANGUAGES.get(language);
        if (lang == null) return "whittle does not read " + language + " sources for the programs they run";
        if (!context.known()) return "no build context to read whether the program runs them";
        String found = found(language, context);
        if (found != null) return found;
        return sourcesOf(lang, context).isEmpty() ? "no " + language + " sources in the build context to read" : null;
    }

    /**
     * Where the build context shows that the app starts other programs ("app.js:12 runs programs (child_process)",
     * "package.json names simple-git, which runs programs"), or null when its sources do not show it (or there are
     * none to read).
     */
    public static String found(String language, BuildContext context) {
        Language lang = LANGUAGES.get(language);
        if (lang == null || !context.known()) return null;
        if (lang.dependency() != null) {
            for (String manifest : MANIFESTS) {
                String text = context.read(manifest).orElse("");
                var m = lang.dependency().matcher(text);
                if (m.find()) return manifest + " names " + m.group().replaceAll("[\":=\\s]+$", "").replace("\"", "")
                        + ", which runs programs";
            }
        }
        for (String file : sourcesOf(lang, context)) {
            String text = context.read(file).orElse("");
            var m = lang.runs().matcher(text);
            if (m.find()) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                return file + ":" + line + " runs programs (" + m.group().strip() + ")";
            }
        }
        return null;
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
