package dev.whittle.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** docker or podman: the same command line. */
final class CliEngine implements Engine {
    private final String cli;

    CliEngine(String cli) {
        this.cli = cli;
    }

    @Override
    public String name() {
        return cli;
    }

    @Override
    public boolean works() {
        return Exec.run(List.of(cli, "info"), null, Duration.ofSeconds(20)).ok();
    }

    @Override
    public Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit) {
        List<String> cmd = new ArrayList<>(List.of(cli, "build", "-f", dockerfile.toString(), "-t", tag));
        if (!pull && cli.equals("podman")) cmd.add("--pull=never");
        if (!cache) cmd.add("--no-cache");
        cmd.add(context.toString());
        return Exec.run(cmd, null, limit);
    }

    @Override
    public Image inspect(String tag) {
        Exec.Result r = Exec.run(List.of(cli, "image", "inspect", "--format", "{{.Size}} {{len .RootFS.Layers}}", tag),
                null, Duration.ofSeconds(60));
        String[] parts = r.output().strip().split("\\s+");
        if (!r.ok() || parts.length < 2) throw new IllegalStateException(cli + " image inspect " + tag + ": " + r.tail(3));
        return new Image(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public Exec.Result run(String tag, List<String> command, Duration limit) {
        String name = tag.replaceAll("[^a-zA-Z0-9]", "-") + "-run";
        List<String> cmd = new ArrayList<>(List.of(cli, "run", "--rm", "--name", name, tag));
        if (command != null) cmd.addAll(command);
        Exec.Result r = Exec.run(cmd, null, limit);
        if (r.exit() == -1) Exec.run(List.of(cli, "rm", "-f", name), null, Duration.ofSeconds(30));
        return r;
    }

    @Override
    public Answer serve(String tag, int port, String path, Duration limit) {
        Exec.Result started = Exec.run(List.of(cli, "run", "-d", "-p", "127.0.0.1:" + port + ":" + port, tag), null,
                Duration.ofSeconds(60));
        if (!started.ok()) return new Answer(0, "", started.tail(10));
        String id = started.output().strip();
        Answer a = Http.poll(port, path, limit, () -> true);
        String log = Exec.run(List.of(cli, "logs", id), null, Duration.ofSeconds(20)).tail(20);
        Exec.run(List.of(cli, "rm", "-f", id), null, Duration.ofSeconds(30));
        return new Answer(a.status(), a.body(), log);
    }

    @Override
    public void remove(String tag) {
        Exec.run(List.of(cli, "rmi", "-f", tag), null, Duration.ofSeconds(60));
    }
}
