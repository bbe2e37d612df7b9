package dev.whittle.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * buildah: builds with {@code buildah bud --layers}, runs with {@code buildah from} + {@code buildah run} (no
 * daemon; the container shares the host's network, so a service is asked on the host's loopback). The
 * storage driver and isolation come from buildah's own settings or STORAGE_DRIVER / BUILDAH_ISOLATION.
 */
final class BuildahEngine implements Engine {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "buildah";
    }

    @Override
    public boolean works() {
        return Exec.run(List.of("buildah", "version"), null, Duration.ofSeconds(20)).ok();
    }

    @Override
    public Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit) {
        List<String> cmd = new ArrayList<>(List.of("buildah", "bud", "--layers", "-f", dockerfile.toString(), "-t", tag));
        if (!pull) cmd.add("--pull=never");
        if (!cache) cmd.add("--no-cache");
        cmd.add(context.toString());
        return Exec.run(cmd, null, limit);
    }

    @Override
    public Image inspect(String tag) {
        JsonNode image = inspectJson(tag);
        try {
            JsonNode manifest = JSON.readTree(image.get("Manifest").asText());
            long size = 0;
            for (JsonNode layer : manifest.get("layers")) size += layer.get("size").asLong();
            return new Image(size, manifest.get("layers").size());
        } catch (IOException e) {
            throw new IllegalStateException("buildah inspect " + tag + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode inspectJson(String tag) {
        Exec.Result r = Exec.run(List.of("buildah", "inspect", "--type", "image", tag), null, Duration.ofSeconds(60));
        if (!r.ok()) throw new IllegalStateException("buildah inspect " + tag + ": " + r.tail(3));
        try {
            return JSON.readTree(r.output());
        } catch (IOException e) {
            throw new IllegalStateException("buildah inspect " + tag + ": " + e.getMessage(), e);
        }
    }

    /** ENTRYPOINT + CMD of the image, as the engines start it. */
    private static List<String> startCommand(String tag, List<String> command) {
        JsonNode config = inspectJson(tag).path("OCIv1").path("config");
        List<String> argv = new ArrayList<>();
        config.path("Entrypoint").forEach(n -> argv.add(n.asText()));
        if (command != null) argv.addAll(command);
        else config.path("Cmd").forEach(n -> argv.add(n.asText()));
        return argv;
    }

    private static String container(String tag) {
        Exec.Result r = Exec.run(List.of("buildah", "from", "--pull=never", tag), null, Duration.ofSeconds(300));
        if (!r.ok()) throw new IllegalStateException("buildah from " + tag + ": " + r.tail(3));
        List<String> lines = r.output().strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    @Override
    public Exec.Result run(String tag, List<String> command, Duration limit) {
        List<String> argv = startCommand(tag, command);
        String ctr = container(tag);
        try {
            List<String> cmd = new ArrayList<>(List.of("buildah", "run", ctr, "--"));
            cmd.addAll(argv);
            return Exec.run(cmd, null, limit);
        } finally {
            Exec.run(List.of("buildah", "rm", ctr), null, Duration.ofSeconds(120));
        }
    }

    @Override
    public Answer serve(String tag, int port, String path, Duration limit) {
        List<String> argv = startCommand(tag, null);
        String ctr = container(tag);
        Process p = null;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            List<String> cmd = new ArrayList<>(List.of("buildah", "run", ctr, "--"));
            cmd.addAll(argv);
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Process started = p;
            Thread reader = new Thread(() -> {
                try {
                    started.getInputStream().transferTo(log);
                } catch (IOException ignored) {
                    // the service stopped
                }
            }, "whittle-serve-log");
            reader.setDaemon(true);
            reader.start();
            Answer a = Http.poll(port, path, limit, started::isAlive);
            Exec.stop(p);
            reader.join(2_000);
            return new Answer(a.status(), a.body(), Exec.tail(log.toString(), 20));
        } catch (IOException e) {
            return new Answer(0, "", "buildah run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted");
        } finally {
            if (p != null && p.isAlive()) Exec.stop(p);
            Exec.run(List.of("buildah", "rm", ctr), null, Duration.ofSeconds(120));
        }
    }

    @Override
    public void remove(String tag) {
        Exec.run(List.of("buildah", "rmi", "-f", tag), null, Duration.ofSeconds(120));
    }
}
