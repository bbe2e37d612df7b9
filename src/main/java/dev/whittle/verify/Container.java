package dev.whittle.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What both containers are given the same way: environment variables ({@code --env}, {@code --env-file}) and
 * arguments ({@code --arg}: they replace the image's CMD, the ENTRYPOINT stays, as with {@code docker run IMAGE ARGS}).
 */
public record Container(Map<String, String> env, List<String> args) {
    public static final Container NONE = new Container(Map.of(), List.of());

    public Container {
        env = Map.copyOf(env);
        args = List.copyOf(args);
    }

    /** KEY=VALUE pairs in the order given. */
    public List<String> envPairs() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    }

    /** The start command: ENTRYPOINT, then the arguments when given, else CMD (what the engines do). */
    List<String> argv(List<String> entrypoint, List<String> cmd, List<String> command) {
        List<String> argv = new ArrayList<>(entrypoint);
        if (command != null) argv.addAll(command);
        else if (!args.isEmpty()) argv.addAll(args);
        else argv.addAll(cmd);
        return argv;
    }

    /**
     * Parses one {@code --env} value: {@code KEY=VALUE}, or {@code KEY} alone for the value this process has.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void parseEnv(String text, Map<String, String> into, String where) {
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(where + ": '" + key + "' is not a variable name (KEY=VALUE)");
        }
        if (eq >= 0) {
            into.put(key, text.substring(eq + 1));
        } else {
            String v = System.getenv(key);
            if (v != null) into.put(key, v);
        }
    }

    /**
     * Reads an env file as docker does: KEY=VALUE per line, the value taken literally (no quotes removed), blank
     * lines and lines starting with # skipped, a KEY alone takes this process's value.
     *
     * @throws IllegalArgumentException {@code file:line:1: what is wrong}
     */
    public static void readEnvFile(Path file, Map<String, String> into) throws IOException {
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.stripLeading();
            if (t.isEmpty() || t.startsWith("#")) continue;
            parseEnv(t, into, file + ":" + (i + 1) + ":1");
        }
    }
}
