package dev.whittle.split;

import dev.whittle.facts.StageFacts;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Needs;
import dev.whittle.split.Plan.Outcome;
import dev.whittle.facts.Commands;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rust: the binary {@code cargo build} leaves in target/(TRIPLE/)release or {@code cargo install}
 * puts in $CARGO_HOME/bin. Static only for a musl target.
 */
final class RustApp {
    private RustApp() {}

    static Outcome plan(SplitInput in) {
        StageFacts f = in.facts();
        String program = in.argv().get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        if (name.equals("cargo")) {
            return Outcome.refuse("the image starts `" + String.join(" ", in.argv().subList(0, Math.min(2, in.argv().size())))
                    + "`, which builds at every start: the runtime would need cargo (build a binary and start it instead)");
        }
        String targetDir = f.envValue("CARGO_TARGET_DIR");
        String cargoHome = f.envValue("CARGO_HOME");
        if (cargoHome == null) cargoHome = f.image().repository().equals("rust") ? "/usr/local/cargo" : "/root/.cargo";
        String artifact = null;
        boolean musl = false;
        for (Map.Entry<Instruction, Script> e : f.scripts()) {
            String cwd = f.workdirAt(e.getKey());
            for (SimpleCommand c : e.getValue().commands()) {
                if (Commands.isProgram(c, "cd") && !c.args().isEmpty()) cwd = StageFacts.resolve(cwd, c.args().get(0), f.env());
                if (!Commands.isProgram(c, "cargo") || c.words().size() < 2) continue;
                String sub = c.words().get(1).literal();
                List<String> a = c.args();
                String triple = valueOf(a, "--target");
                if (triple != null && triple.contains("musl")) musl = true;
                if ("build".equals(sub) && cwd != null) {
                    String dir = valueOf(a, "--target-dir");
                    String base = StageFacts.resolve(cwd, dir != null ? dir : targetDir != null ? targetDir : "target", f.env());
                    String profile = a.contains("--release") || a.contains("-r") ? "release" : "debug";
                    artifact = base + "/" + (triple != null ? triple + "/" : "") + profile + "/" + name;
                } else if ("install".equals(sub)) {
                    artifact = cargoHome + "/bin/" + name;
                }
            }
        }
        if (artifact == null) return Outcome.refuse("no `cargo build` or `cargo install` builds `" + program + "`");
        String started = program.contains("/") ? StageFacts.resolve(f.workdir(), program, f.env()) : null;
        if (started != null && !started.equals(artifact)) {
            return Outcome.refuse("the image starts " + started + " but cargo builds " + artifact);
        }
        if (!musl) {
            String links = linkedLibraries(in);
            if (links != null) return Outcome.refuse(links);
        }
        List<String> notes = new ArrayList<>();
        String cargoToml = in.context().read("Cargo.toml").orElse(null);
        if (cargoToml != null && !cargoToml.contains("\"" + name + "\"")) {
            notes.add("Cargo.toml does not name `" + name + "`: check the binary's name");
        }
        String target = program.contains("/") ? artifact : "/usr/local/bin/" + name;
        boolean staticBinary = musl;
        return Outcome.of(new Plan("rust", "the binary " + artifact, new Needs(staticBinary, true, null, -1),
                List.of(new Copy(artifact, target)), null, c -> BuilderChanges.none(), null, c -> true, notes));
    }

    /**
     * Why the shared libraries a glibc-linked binary needs besides the C library are not known, or null when they
     * are known to be none: the build installs no -dev package (a crate would link its library), Cargo.lock names no
     * crate that links a system library ({@code openssl-sys}, {@code pq-sys}), and without Cargo.lock the builder is
     * not the full rust image, whose buildpack-deps base has dozens of -dev libraries a crate finds on its own
     * (reqwest's default TLS links libssl through openssl-sys).
     */
    private static String linkedLibraries(SplitInput in) {
        StageFacts f = in.facts();
        List<String> dev = MakeApp.libraryHeaders(f);
        if (!dev.isEmpty()) {
            return "the build installs " + dev.get(0) + (dev.size() > 1 ? " (+" + (dev.size() - 1) + " more)" : "")
                    + ": the binary may link its library, which the runtime image does not have";
        }
        String lock = in.context().read("Cargo.lock").orElse(null);
        if (lock != null) {
            java.util.regex.Matcher m = SYS_CRATE.matcher(lock);
            while (m.find()) {
                if (!NO_LIBRARY_AT_RUN_TIME.contains(m.group(1))) {
                    return "Cargo.lock has " + m.group(1) + ": the binary links a system library, which the runtime image "
                            + "does not have";
                }
            }
            return null;
        }
        String tag = f.image().tagOrLatest();
        if (f.image().repository().equals("rust") && !tag.contains("slim") && !tag.contains("alpine")) {
            return f.image().shown() + " has buildpack-deps' -dev libraries (libssl-dev, libpq-dev ...): without a Cargo.lock "
                    + "in the build context, which of them the binary links is not known";
        }
        return null;
    }

    private static final java.util.regex.Pattern SYS_CRATE =
            java.util.regex.Pattern.compile("(?m)^name = \"([A-Za-z0-9_-]+-sys)\"");

    /**
     * -sys crates that leave no shared library to find at run time on Linux: bindings without a native library
     * (linux-raw-sys), other platforms' (windows-sys, core-foundation-sys, js-sys), and allocators compiled in
     * statically (tikv-jemalloc-sys, libmimalloc-sys).
     */
    private static final java.util.Set<String> NO_LIBRARY_AT_RUN_TIME = java.util.Set.of("linux-raw-sys", "windows-sys",
            "core-foundation-sys", "security-framework-sys", "js-sys", "web-sys", "tikv-jemalloc-sys", "jemalloc-sys",
            "libmimalloc-sys", "io-kit-sys", "objc-sys", "wasi-sys");

    /** {@code --name VALUE} or {@code --name=VALUE}, or null. */
    static String valueOf(List<String> args, String name) {
        for (int k = 0; k < args.size(); k++) {
            if (args.get(k).equals(name) && k + 1 < args.size()) return args.get(k + 1);
            if (args.get(k).startsWith(name + "=")) return args.get(k).substring(name.length() + 1);
        }
        return null;
    }
}
