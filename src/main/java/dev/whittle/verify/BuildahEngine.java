package dev.whittle.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * buildah: builds with {@code buildah bud --layers}, runs with {@code buildah from} + {@code buildah run} (no
 * daemon). As root each run gets a fresh network namespace ({@link NetNamespace}) holding its services and the
 * image, its ports relayed to fresh host ports; otherwise the containers share the host's network and the ports
 * are the container's own. The storage driver and isolation come from buildah's own settings or STORAGE_DRIVER /
 * BUILDAH_ISOLATION.
 */
final class BuildahEngine implements Engine {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What buildah prints when it could not start the process at all (not the process's own failure). */
    private static final Pattern ENGINE_ERROR = Pattern.compile(
            "(?m)^(error running container|Error: while running runtime|Error: (creating|mounting|reading) |.*did not get container create message)");

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
        if (image == null) throw new IllegalStateException("buildah inspect " + tag + ": no such image");
        try {
            JsonNode manifest = JSON.readTree(image.get("Manifest").asText());
            long size = 0;
            List<Long> sizes = new ArrayList<>();
            for (JsonNode layer : manifest.get("layers")) {
                size += layer.get("size").asLong();
                sizes.add(layer.get("size").asLong());
            }
            return new Image(size, manifest.get("layers").size(), sizes);
        } catch (IOException e) {
            throw new IllegalStateException("buildah inspect " + tag + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> layerIds(String image) {
        JsonNode j = inspectJson(image);
        List<String> out = new ArrayList<>();
        if (j != null) j.path("OCIv1").path("rootfs").path("diff_ids").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public void export(String tag, Path archive) throws Failure {
        // docker-archive: layers uncompressed (oci-archive compresses them, which costs a minute on big images)
        Exec.Result r = Exec.run(List.of("buildah", "push", "-q", tag, "docker-archive:" + archive), null, Duration.ofMinutes(20));
        if (!r.ok()) throw new Failure("buildah push " + tag + " docker-archive:" + archive + ": " + r.tail(3));
    }

    private static JsonNode inspectJson(String tag) {
        Exec.Result r = Exec.run(List.of("buildah", "inspect", "--type", "image", tag), null, Duration.ofSeconds(60));
        if (!r.ok()) return null;
        try {
            return JSON.readTree(r.output());
        } catch (IOException e) {
            return null;
        }
    }

    /** ENTRYPOINT + (arguments, or CMD) of the image, as the engines start it. */
    private static List<String> startCommand(String tag, Container c, List<String> command) throws Failure {
        JsonNode image = inspectJson(tag);
        if (image == null) throw new Failure("buildah inspect " + tag + ": no such image");
        JsonNode config = image.path("OCIv1").path("config");
        List<String> entrypoint = new ArrayList<>();
        List<String> cmd = new ArrayList<>();
        config.path("Entrypoint").forEach(n -> entrypoint.add(n.asText()));
        config.path("Cmd").forEach(n -> cmd.add(n.asText()));
        List<String> argv = c.argv(entrypoint, cmd, command);
        if (argv.isEmpty()) throw new Failure(tag + " has no ENTRYPOINT or CMD to start");
        return argv;
    }

    private static String container(String tag, boolean localOnly) throws Failure {
        List<String> cmd = new ArrayList<>(List.of("buildah", "from"));
        if (localOnly) cmd.add("--pull=never");
        cmd.add(tag);
        Exec.Result r = Exec.run(cmd, null, Duration.ofSeconds(600));
        if (!r.ok()) throw new Failure("buildah from " + tag + ": " + r.tail(3));
        List<String> lines = r.output().strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    @Override
    public Pod pod(List<Service> services, Map<Integer, Integer> hostPorts, Duration ready) throws Failure {
        NetNamespace ns = NetNamespace.create();
        BuildahPod pod = new BuildahPod(ns, hostPorts);
        try {
            if (ns != null) {
                for (Map.Entry<Integer, Integer> p : hostPorts.entrySet()) pod.relay(p.getValue(), p.getKey());
            }
            for (Service s : services) pod.service(s, ready);
            return pod;
        } catch (Failure | RuntimeException e) {
            pod.close();
            throw e;
        }
    }

    /** The containers of one run, in its own namespace when there is one. */
    private static final class BuildahPod implements Pod {
        private final NetNamespace ns;
        private final Map<Integer, Integer> hostPorts;
        private final List<BuildahApp> started = new ArrayList<>();

        BuildahPod(NetNamespace ns, Map<Integer, Integer> hostPorts) {
            this.ns = ns;
            this.hostPorts = new LinkedHashMap<>(hostPorts);
        }

        void relay(int hostPort, int port) throws Failure {
            try {
                ns.relay(hostPort, port);
            } catch (IOException e) {
                throw new Failure("cannot listen on 127.0.0.1:" + hostPort + ": " + e.getMessage());
            }
        }

        void service(Service s, Duration ready) throws Failure {
            BuildahApp app = launch(s.image(), Container.NONE, false);
            if (s.port() == 0) return;
            int probe;
            if (ns != null) {
                probe = Ports.free();
                relay(probe, s.port());
            } else {
                probe = s.port();
            }
            if (!Ports.accepting(probe, ready, app::alive)) {
                throw new Failure("the service " + s.image() + " did not accept connections on port " + s.port() + " within "
                        + ready.toSeconds() + " s" + (app.alive() ? "" : "; it stopped:\n" + app.log()));
            }
        }

        @Override
        public int hostPort(int port) {
            return ns == null ? port : hostPorts.getOrDefault(port, port);
        }

        private List<String> buildahRun(String ctr, Container c, List<String> argv) {
            List<String> cmd = new ArrayList<>(List.of("buildah", "run"));
            for (String e : c.envPairs()) cmd.addAll(List.of("--env", e));
            cmd.add(ctr);
            cmd.add("--");
            cmd.addAll(argv);
            return ns == null ? cmd : ns.enter(cmd);
        }

        @Override
        public Exec.Result run(String tag, Container c, List<String> command, Duration limit) throws Failure {
            List<String> argv = startCommand(tag, c, command);
            String ctr = container(tag, true);
            try {
                Exec.Result r = Exec.run(buildahRun(ctr, c, argv), null, limit);
                if (r.exit() == 125 || (r.exit() > 0 && ENGINE_ERROR.matcher(r.output()).find())) {
                    throw new Failure("buildah run: " + r.tail(5));
                }
                return r;
            } finally {
                Exec.run(List.of("buildah", "rm", ctr), null, Duration.ofSeconds(120));
            }
        }

        @Override
        public App start(String tag, Container c) throws Failure {
            if (ns == null) {
                for (int port : hostPorts.keySet()) {
                    if (Ports.busy(port)) {
                        throw new Failure("port " + port + " is busy on this host (the containers share the host's network "
                                + "here: run as root for a network namespace per run)");
                    }
                }
            }
            return launch(tag, c, true);
        }

        private BuildahApp launch(String tag, Container c, boolean localOnly) throws Failure {
            List<String> argv = startCommand(tag, c, null);
            String ctr = container(tag, localOnly);
            BuildahApp app;
            try {
                app = new BuildahApp(ctr, Exec.spawn(buildahRun(ctr, c, argv)));
            } catch (IOException e) {
                Exec.run(List.of("buildah", "rm", ctr), null, Duration.ofSeconds(120));
                throw new Failure("buildah run: " + e.getMessage());
            }
            started.add(app);
            return app;
        }

        @Override
        public void close() {
            for (int i = started.size() - 1; i >= 0; i--) started.get(i).close();
            started.clear();
            if (ns != null) ns.close();
        }
    }

    /** A container started in the background; its output kept for the report. */
    private static final class BuildahApp implements App {
        private final String ctr;
        private final Process p;
        private final ByteArrayOutputStream log = new ByteArrayOutputStream();
        private final Cleanup.Handle undo;
        private boolean closed;

        BuildahApp(String ctr, Process p) {
            this.ctr = ctr;
            this.p = p;
            this.undo = Cleanup.onStop(this::remove);
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (var in = p.getInputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (log) {
                            if (log.size() < 1 << 20) log.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // it stopped
                }
            }, "whittle-app-log");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public boolean alive() {
            return p.isAlive();
        }

        @Override
        public String log() {
            synchronized (log) {
                return Exec.tail(log.toString(java.nio.charset.StandardCharsets.UTF_8), 20);
            }
        }

        private void remove() {
            if (p.isAlive()) Exec.stop(p);
            Exec.run(List.of("buildah", "rm", ctr), null, Duration.ofSeconds(120));
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            undo.close();
        }
    }

    @Override
    public void remove(String tag) {
        Exec.run(List.of("buildah", "rmi", "-f", tag), null, Duration.ofSeconds(120));
    }
}
