package dev.whittle.facts;

import dev.whittle.shell.SimpleCommand;
import java.util.List;
import java.util.Set;

/** Which language a stage builds: from the program it starts, its build commands, then its base image. */
public final class Toolchain {
    private Toolchain() {}

    private static final Set<String> PYTHON_PROGRAMS = Set.of("python", "python3", "gunicorn", "uvicorn", "flask", "celery",
            "daphne", "hypercorn", "waitress-serve", "streamlit", "uwsgi");
    private static final Set<String> NODE_PROGRAMS = Set.of("node", "npm", "yarn", "pnpm");
    private static final Set<String> JVM_BUILDS = Set.of("mvn", "mvnw", "gradle", "gradlew");
    private static final Set<String> JS_BUILDS = Set.of("npm", "yarn", "pnpm");
    private static final Set<String> PYTHON_BUILDS = Set.of("poetry", "pipenv");
    private static final Set<String> C_BUILDS = Set.of("make", "cmake", "gcc", "g++", "cc", "clang");

    /**
     * Whether {@link #detect} can find a language in the stage, read from the text alone: every program it looks
     * for, in a RUN or as the start program, has one of these words in its name (cargo has "go", pnpm "npm", pipenv
     * "pip", cmake "make", gcc "cc"). Most stages name none, and are not parsed for the split at all.
     */
    public static boolean mayDetect(dev.whittle.tree.Stage stage) {
        for (dev.whittle.tree.Instruction i : stage.instructions()) {
            List<String> words = switch (i.kind()) {
                case RUN -> RUN_WORDS;
                case CMD, ENTRYPOINT -> START_WORDS;
                default -> null;
            };
            if (words == null) continue;
            String text = i.kind() == dev.whittle.tree.Keyword.RUN ? i.command().args() : i.command().original();
            for (String w : words) if (text.contains(w)) return true;
        }
        return false;
    }

    private static final List<String> RUN_WORDS = List.of("go", "mvn", "gradle", "npm", "yarn", "pip", "poetry", "make",
            "g++", "cc", "clang");
    private static final List<String> START_WORDS = List.of("go", "java", "node", "npm", "yarn", "pnpm", "python",
            "gunicorn", "uvicorn", "flask", "celery", "daphne", "hypercorn", "waitress-serve", "streamlit", "uwsgi");

    /** go, rust, java, node, python or c; null when the stage builds none of them (as far as can be seen). */
    public static String detect(StageFacts f) {
        List<String> argv = f.start().argv();
        String program = argv == null || argv.isEmpty() ? "" : argv.get(0).equals("exec") && argv.size() > 1 ? argv.get(1) : argv.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        if (name.equals("go")) return "go";
        if (name.equals("java")) return "java";
        if (NODE_PROGRAMS.contains(name)) return "node";
        if (PYTHON_PROGRAMS.contains(name) || name.matches("python3\\.\\d+")) return "python";
        boolean go = false, cargo = false, jvm = false, js = false, py = false, cc = false;
        for (SimpleCommand c : f.commands()) {
            String p = Commands.program(c);
            String sub = c.words().size() > 1 ? c.words().get(1).literal() : null;
            if (p.equals("go") && ("build".equals(sub) || "install".equals(sub))) go = true;
            if (p.equals("cargo") && ("build".equals(sub) || "install".equals(sub))) cargo = true;
            if (JVM_BUILDS.contains(p)) jvm = true;
            if (JS_BUILDS.contains(p)) js = true;
            if (Commands.pipInstall(c) != null || PYTHON_BUILDS.contains(p)) py = true;
            if (C_BUILDS.contains(p)) cc = true;
        }
        if (go) return "go";
        if (cargo) return "rust";
        String repo = f.image().repository();
        if (py && !js && !jvm) return "python";
        if (js && !py && !jvm) return "node";
        if (jvm && !js && !py) return "java";
        if (cc && !js && !py && !repo.equals("python") && !repo.equals("node")) return "c";
        return null;
    }
}
