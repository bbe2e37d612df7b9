package dev.whittle.split;

import dev.whittle.facts.StageFacts;
import dev.whittle.facts.StageEffects;
import dev.whittle.facts.Effect;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Needs;
import dev.whittle.split.Plan.Outcome;
import dev.whittle.facts.Commands;
import java.util.ArrayList;
import java.util.List;

/** Node.js: the application directory with its node_modules, on a slim or distroless Node image. */
final class NodeApp {
    private NodeApp() {}

    static Outcome plan(SplitInput in) {
        StageFacts f = in.facts();
        if (!f.image().repository().equals("node")) {
            return Outcome.refuse("Node.js comes from " + f.image().shown() + ", not an official node image: no smaller "
                    + "image is known to have the same Node.js");
        }
        StageEffects effects = StageEffects.of(f);
        String app = appDirectory(f, effects);
        if (app == null || app.equals("/")) {
            return Outcome.refuse("the application lives in " + (app == null ? "an unknown directory" : "/")
                    + ": a WORKDIR would let whittle copy just the application");
        }
        if (!f.runs("npm", "yarn", "pnpm", "npx", "corepack")) {
            return Outcome.refuse(""); // no npm, yarn or pnpm command: nothing for a builder stage to do
        }
        List<String> argv = in.argv();
        List<String> notes = new ArrayList<>();
        String program = argv.get(0);
        boolean globalBin = false;
        if (!Set.of("node", "npm", "yarn", "pnpm", "npx").contains(program) && !program.contains("/")) {
            // a program on PATH: one an `npm install -g` put in the global prefix, or none whittle can see
            boolean global = effects.all(Effect.Kind.MODULES).stream().anyMatch(e -> e.path().contains("/lib/node_modules/"));
            if (!global) {
                return Outcome.refuse("the image starts `" + program + "`, which no RUN visibly installs");
            }
            globalBin = true;
            notes.add("`" + program + "` comes from an `npm install -g`: the global packages and their commands are copied");
        }
        // packages installed in a directory above the app are found from it (node looks up node_modules in every
        // parent directory): they go too; packages installed anywhere else are not known to be unused
        List<Copy> copies = new ArrayList<>(List.of(new Copy(app, app)));
        boolean ownModules = false;
        for (Effect e : effects.all(Effect.Kind.BUILT)) {
            String d = e.detail();
            boolean install = d.matches("(npm|yarn|pnpm)( .*)?") && !d.matches("(npm|yarn|pnpm) (run|run-script|build|test|pack)\\b.*");
            if (!install) continue;
            String where = e.path();
            if (where == null) return Outcome.refuse("`" + Commands.shorten(d, 40) + "` installs packages in a directory whittle cannot tell");
            if (Effect.under(where, app)) {
                ownModules = true;
            } else if (Effect.under(app, where)) {
                String modules = (where.equals("/") ? "" : where) + "/node_modules";
                if (copies.stream().noneMatch(c -> c.from().equals(modules))) {
                    copies.add(new Copy(modules, modules));
                    notes.add(modules + " (from `" + Commands.shorten(d, 40) + "` in " + where + ", found from " + app
                            + " by node's lookup in parent directories) is copied too");
                }
            } else {
                return Outcome.refuse("`" + Commands.shorten(d, 30) + "` installs packages in " + Commands.shorten(where, 30)
                        + ", outside the app in " + Commands.shorten(app, 30) + " and its parents: whether it uses them is not known");
            }
        }
        for (var e : f.scripts()) {
            for (var c : e.getValue().commands()) {
                if (!Commands.isProgram(c, "chmod")) continue;
                for (String a : c.args()) {
                    if (a.matches(".*\\.(py|pl|rb)")) {
                        return Outcome.refuse("`chmod " + Commands.shorten(String.join(" ", c.args()), 34) + "`: the app runs a script of another "
                                + "language, whose interpreter node's smaller images may lack");
                    }
                }
            }
        }
        List<String> nodeArgs = globalBin ? null : nodeArgs(in, argv, notes);
        int major = in.languageMajor();
        boolean bin = globalBin;
        String what = "the application in " + app + (ownModules ? " with its node_modules" : "")
                + (copies.size() > 1 ? " and " + copies.get(1).from() : "");
        return Outcome.of(new Plan("node", what,
                new Needs(false, true, in.languageVersion(), major), List.copyOf(copies), null,
                c -> BuilderChanges.none(),
                c -> c.entrypoint() == null ? null : Start.forEntrypoint(f.start(), c, nodeArgs),
                // a global command is a script run through `#!/usr/bin/env node`: the runtime needs /usr/bin/env
                c -> (c.entrypoint() == null || nodeArgs != null) && (!bin || c.hasShell()), notes));
    }

    /**
     * Where the application is: the final working directory when the build put files there, else the one directory
     * an npm, yarn or pnpm install ran in (the last WORKDIR can be an empty mount point); null when neither says.
     */
    private static String appDirectory(StageFacts f, StageEffects effects) {
        String dir = f.workdir();
        if (dir == null) return null;
        boolean filled = effects.effects().stream().anyMatch(e -> (e.kind() == Effect.Kind.COPIED
                || e.kind() == Effect.Kind.BUILT) && Effect.under(e.path(), dir) && !"/".equals(e.path()));
        if (filled) {
            // sources copied above the WORKDIR (ADD . /srv/app, then WORKDIR /srv/app/server): the app is the copied
            // tree, which the server may read from (require('../'))
            String top = dir;
            for (Effect e : effects.effects()) {
                boolean sources = e.kind() == Effect.Kind.COPIED || e.kind() == Effect.Kind.WRITTEN && e.detail().startsWith("git ");
                if (sources && e.path() != null && !e.path().equals("/") && Effect.under(top, e.path())) top = e.path();
            }
            return top;
        }
        java.util.Set<String> installs = new java.util.LinkedHashSet<>();
        for (Effect e : effects.all(Effect.Kind.BUILT)) {
            String d = e.detail();
            if (d.startsWith("npm") || d.startsWith("yarn") || d.startsWith("pnpm")) installs.add(e.path());
        }
        return installs.size() == 1 ? installs.iterator().next() : null;
    }

    /**
     * The start command as {@code node ARGS} when it is one (directly, or through an npm start script
     * that only runs node), else null: images without npm or a shell can then still run it.
     */
    private static List<String> nodeArgs(SplitInput in, List<String> argv, List<String> notes) {
        if (argv == null || argv.isEmpty()) return null;
        if (argv.get(0).equals("node")) return argv;
        boolean npmStart = argv.size() == 2 && argv.get(0).equals("npm") && argv.get(1).equals("start")
                || argv.size() == 3 && argv.get(0).equals("npm") && argv.get(1).equals("run") && argv.get(2).equals("start");
        if (!npmStart) return null;
        try {
            JsonNode pkg = new ObjectMapper().readTree(in.context().read("package.json").orElse("{}"));
            JsonNode scripts = pkg.path("scripts");
            String start = scripts.path("start").asText("");
            if (scripts.has("prestart") || scripts.has("poststart") || !start.matches("node( [A-Za-z0-9_./@-]+)+")) return null;
            notes.add("`npm start` runs `" + start + "` (package.json); images without npm start node directly");
            return List.of(start.split(" "));
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
