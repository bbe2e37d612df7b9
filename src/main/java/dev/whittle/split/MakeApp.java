package dev.whittle.split;

import dev.whittle.facts.StageFacts;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Needs;
import dev.whittle.split.Plan.Outcome;
import java.util.List;

/**
 * C and C++ built with make, cmake or the compiler directly: the program the start command names
 * by its path, linked against the builder's C library.
 */
final class MakeApp {
    private MakeApp() {}

    static Outcome plan(SplitInput in) {
        StageFacts f = in.facts();
        String program = in.argv().get(0);
        if (!program.contains("/")) {
            return Outcome.refuse("the image starts `" + program + "` by name: which file the build installed is not known");
        }
        String artifact = StageFacts.resolve(f.workdir(), program, f.env());
        if (artifact == null) return Outcome.refuse("the start path `" + program + "` cannot be resolved");
        String copied = copiedIn(f, program, artifact);
        if (copied != null) return Outcome.refuse(copied);
        List<String> dev = libraryHeaders(f);
        if (!dev.isEmpty()) {
            // apt-get purge of libfoo-dev leaves libfoo1, which the program links: the runtime stage has neither
            return Outcome.refuse("the build installs " + dev.get(0) + (dev.size() > 1 ? " (+" + (dev.size() - 1) + " more)" : "")
                    + ": the program may link its library, which the runtime image does not have");
        }
        List<String> notes = new java.util.ArrayList<>(List.of("`" + program + "` is taken to be what the build produced"));
        if (in.builder() != null && in.builder().hasCompiler()) {
            // gcc and the other buildpack-deps images carry dozens of -dev libraries, and gcc its own libstdc++ in
            // /usr/local/lib64: the program may link any of them, and only its Makefile says which
            String why = linksMoreThanLibc(in);
            if (why != null) {
                return Outcome.refuse(f.image().shown() + " has more C libraries than libc (buildpack-deps, GCC's runtime): " + why);
            }
            notes.add("the Makefile links only the C library (read from the build context)");
        }
        return Outcome.of(new Plan("c", "the program " + artifact, new Needs(false, true, null, -1),
                List.of(new Copy(artifact, artifact)), null, c -> BuilderChanges.none(), null, c -> true, List.copyOf(notes)));
    }

    /**
     * Why the start program is not what the build made, when a COPY or ADD put a file at its path
     * ({@code ADD https://.../tini /tini}: downloaded, not built); null otherwise.
     */
    static String copiedIn(StageFacts f, String program, String artifact) {
        for (var e : dev.whittle.facts.StageEffects.of(f).all(dev.whittle.facts.Effect.Kind.COPIED)) {
            if (artifact.equals(e.path())) {
                return "`" + dev.whittle.facts.Commands.shorten(program, 30) + "` comes from line " + e.at().line() + " (`"
                        + dev.whittle.facts.Commands.snippet(e.at(), 30) + "`), not from the build";
            }
        }
        return null;
    }

    /** Header packages of the C library and the kernel: a program built with them links only the C library. */
    private static final java.util.Set<String> LIBC_HEADERS = java.util.Set.of("libc6-dev", "libc-dev", "musl-dev",
            "linux-libc-dev", "linux-headers", "glibc-devel", "glibc-headers", "kernel-headers", "libc6-dev-i386");

    /** The library header packages (-dev, -devel) the build installs, removed again or not, besides the C library's. */
    static List<String> libraryHeaders(StageFacts f) {
        List<String> out = new java.util.ArrayList<>();
        for (var e : dev.whittle.facts.StageEffects.of(f).all(dev.whittle.facts.Effect.Kind.INSTALLED)) {
            String name = e.path().replaceAll("[=:].*", "");
            if ((name.endsWith("-dev") || name.endsWith("-devel")) && !LIBC_HEADERS.contains(name) && !out.contains(name)) out.add(name);
        }
        return out;
    }

    /** The parts of the C library a program may link without bringing a library of its own. */
    private static final java.util.Set<String> LIBC = java.util.Set.of("c", "m", "pthread", "dl", "rt", "util", "crypt", "resolv");

    /**
     * Why the program may link more than the C library (which libraries the runtime would need is then not known),
     * or null when the build context's Makefile compiles C only and links nothing but the C library.
     */
    private static String linksMoreThanLibc(SplitInput in) {
        String makefile = null;
        for (String name : List.of("GNUmakefile", "makefile", "Makefile")) {
            var text = in.context().read(name);
            if (text.isPresent()) makefile = text.get();
        }
        if (makefile == null) return "no Makefile in the build context says which the program links";
        if (makefile.matches("(?s).*(\\bg\\+\\+|\\bc\\+\\+|\\$\\(CXX\\)|\\bpkg-config\\b|\\binclude\\b|\\$\\(shell).*")) {
            return "the Makefile uses C++, pkg-config, include or $(shell)";
        }
        var m = java.util.regex.Pattern.compile("(?<![\\w-])-l([\\w+.-]+)").matcher(makefile);
        while (m.find()) {
            if (!LIBC.contains(m.group(1))) return "the Makefile links -l" + m.group(1);
        }
        if (makefile.contains("LDLIBS") || makefile.contains("LDFLAGS")) {
            return "the Makefile sets LDLIBS or LDFLAGS";
        }
        return null;
    }
}
