package dev.whittle.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a Go program may find files through the source path its binary records, which {@code -trimpath} removes.
 * go.rice, packr (v1 and v2) and pkger, when nothing embedded the files ({@code rice embed-go}), look for them beside
 * the caller's source file (runtime.Caller), i.e. in /go/src or /go/pkg/mod of the image that built it; a program's
 * own {@code runtime.Caller} next to a {@code filepath.Dir} does the same. Only a build context shows that a program
 * does not: its go.mod and go.sum name every module the build compiles, and its sources are there to read.
 */
public final class GoBuildPath {
    private GoBuildPath() {}

    /** Modules that find files through the build path when nothing embedded them. */
    static final List<String> MODULES = List.of("github.com/GeertJohan/go.rice", "github.com/gobuffalo/packr",
            "github.com/markbates/pkger");

    private static final Pattern CALLER = Pattern.compile("runtime\\.Caller\\(");
    private static final Pattern DIR = Pattern.compile("\\b(filepath|path)\\.(Dir|Join)\\(");

    /** go build / go install flags that take their value as the next word. */
    public static final Set<String> VALUE_FLAGS = Set.of("-o", "-ldflags", "-gcflags", "-asmflags", "-gccgoflags",
            "-tags", "-mod", "-modfile", "-p", "-buildmode", "-installsuffix", "-pkgdir", "-overlay", "-exec",
            "-toolexec", "-compiler", "-pgo", "-C");

    /** The package arguments of {@code go build|install|get ARGS...}: what follows the flags and their values. */
    public static List<String> packages(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a == null) {
                out.add(null);
            } else if (a.startsWith("-")) {
                if (VALUE_FLAGS.contains(a.startsWith("--") ? a.substring(1) : a)) k++;
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Why the packages are not the build context's own sources, in words for a reason ("`github.com/x/y` is built
     * from a module whittle cannot read"), or null when every one is: a directory (., ./cmd/x), a .go file, or a
     * path under the module that the context's go.mod declares. A null package (a word whittle cannot read) counts
     * as not the context's.
     */
    public static String remote(BuildContext context, List<String> packages) {
        String module = modulePath(context);
        for (String p : packages) {
            if (p == null) return "a package argument whittle cannot read";
            boolean local = p.equals(".") || p.startsWith("./") || p.startsWith("../") || p.endsWith(".go")
                    || module != null && (p.equals(module) || p.startsWith(module + "/"));
            if (!local) return "`" + p + "` is built from a module whittle cannot read";
        }
        return null;
    }

    /**
     * Why -trimpath may break the program the packages build, in words for a reason ("`github.com/x/y` is built from
     * a module whittle cannot read"), or null when the build context shows that it cannot: a go.mod of the module
     * built, whose go.mod, go.sum and vendor/modules.txt name none of {@link #MODULES}, and sources that do not
     * find files beside their own source path. A null package (a word whittle cannot read) counts as unknown.
     */
    public static String trimpathRisk(BuildContext context, List<String> packages) {
        if (!context.known()) return "no build context to read the program's dependencies";
        if (context.read("go.mod").isEmpty()) return "no go.mod in the build context to read the program's dependencies";
        String remote = remote(context, packages);
        if (remote != null) return remote;
        String[] named = firstRequired(context, List.of("go.mod", "go.sum", "vendor/modules.txt"), MODULES);
        if (named != null) return named[0] + " names " + named[1];
        List<String> callers = context.withSuffix(".go").stream().filter(f -> !f.endsWith("_test.go") && !f.startsWith("vendor/")
                && DIR.matcher(context.read(f).orElse("")).find()).toList();
        BuildContext.Match caller = context.firstMatch(callers, CALLER);
        if (caller != null) return caller.at() + " finds files beside its source path (runtime.Caller)";
        return null;
    }

    /** The module path the context's go.mod declares, or null. */
    public static String modulePath(BuildContext context) {
        for (String line : context.read("go.mod").orElse("").split("\n")) {
            String l = line.strip();
            if (l.startsWith("module ")) return l.substring("module ".length()).strip().replaceAll("^\"|\"$", "");
        }
        return null;
    }

    /**
     * {file, module} for the first of the modules (or a package under one) that a line of the files requires or
     * lists (go.mod's require, go.sum, vendor/modules.txt's "# module"), or null.
     */
    public static String[] firstRequired(BuildContext context, List<String> files, List<String> modules) {
        for (String file : files) {
            for (String line : context.read(file).orElse("").split("\n")) {
                String word = line.strip().replaceFirst("^(require\\s+|#\\s+)", "").split("\\s+")[0];
                for (String m : modules) {
                    if (word.equals(m) || word.startsWith(m + "/")) return new String[] {file, m};
                }
            }
        }
        return null;
    }
}
