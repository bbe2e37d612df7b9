package dev.whittle.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * docker or podman: the same command line. Each run gets a pod (podman) or a shared network (docker: the services
 * and the image join the network of the first container started, which publishes the ports), so the image reaches
 * its services on 127.0.0.1. Every container is started under a name whittle chose and removed by that name, also
 * when a request fails or whittle is stopped. Exit 125 is the engine's own failure (docker and podman run).
 */
final class CliEngine implements Engine {
    private static final int ENGINE_FAILED = 125;
    private final String cli;

    /** @param cli docker, podman, or the path of a program with their command line */
    CliEngine(String cli) {
        this.cli = cli;
    }

    @Override
    public String name() {
        return cli;
    }

    private boolean podman() {
        return Path.of(cli).getFileName().toString().startsWith("podman");
    }

    @Override
    public boolean works() {
        return Exec.run(List.of(cli, "info"), null, Duration.ofSeconds(20)).ok();
    }

    @Override
    public Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit) {
        List<String> cmd = new ArrayList<>(List.of(cli, "build", "-f", dockerfile.toString(), "-t", tag));
        if (!pull && podman()) cmd.add("--pull=never");
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
    public List<String> layerIds(String image) {
        Exec.Result r = Exec.run(List.of(cli, "image", "inspect", "--format", "{{range .RootFS.Layers}}{{println .}}{{end}}", image),
                null, Duration.ofSeconds(60));
        if (!r.ok()) return List.of();
        return r.output().lines().map(String::strip).filter(l -> l.startsWith("sha256:")).toList();
    }

    @Override
    public void export(String tag, Path archive) throws Failure {
        Exec.Result r = Exec.run(List.of(cli, "save", "-o", archive.toString(), tag), null, Duration.ofMinutes(20));
        if (!r.ok()) throw new Failure(cli + " save " + tag + ": " + r.tail(3));
    }

    @Override
    public Pod pod(List<Service> services, Map<Integer, Integer> hostPorts, Duration ready) throws Failure {
        CliPod pod = new CliPod("whittle-" + UUID.randomUUID().toString().substring(0, 8), hostPorts);
        try {
            pod.open(services, ready);
            return pod;
        } catch (Failure | RuntimeException e) {
            pod.close();
            throw e;
        }
    }

    private final class CliPod implements Pod {
        private final String name;
        private final Map<Integer, Integer> hostPorts;
        private final List<String> containers = new ArrayList<>();
        private final Cleanup.Handle undo;
        private boolean podCreated;
        /** docker: the container whose network the others join (null until one is started). */
        private String network;
        private int count;

        CliPod(String name, Map<Integer, Integer> hostPorts) {
            this.name = name;
            this.hostPorts = new java.util.LinkedHashMap<>(hostPorts);
            this.undo = Cleanup.onStop(this::removeAll);
        }

        private List<String> publish(Map<Integer, Integer> ports) {
            List<String> out = new ArrayList<>();
            ports.forEach((c, h) -> out.addAll(List.of("-p", "127.0.0.1:" + h + ":" + c)));
            return out;
        }

        void open(List<Service> services, Duration ready) throws Failure {
            Map<Integer, Integer> all = new java.util.LinkedHashMap<>(hostPorts);
            Map<Integer, Integer> probes = new java.util.LinkedHashMap<>();
            for (Service s : services) if (s.port() > 0) probes.put(s.port(), Ports.free());
            all.putAll(probes);
            if (podman()) {
                List<String> cmd = new ArrayList<>(List.of(cli, "pod", "create", "--name", name));
                cmd.addAll(publish(all));
                Exec.Result r = Exec.run(cmd, null, Duration.ofSeconds(60));
                if (!r.ok()) throw new Failure(cli + " pod create: " + r.tail(5));
                podCreated = true;
            }
            for (Service s : services) {
                String ctr = startDetached(s.image(), Container.NONE, podman() || network != null ? List.of() : publish(all));
                if (s.port() > 0 && !Ports.accepting(probes.get(s.port()), ready, () -> running(ctr))) {
                    throw new Failure("the service " + s.image() + " did not accept connections on port " + s.port() + " within "
                            + ready.toSeconds() + " s:\n" + logs(ctr));
                }
            }
        }

        /** docker run -d under a name of ours: in the pod, or in the first container's network. */
        private String startDetached(String image, Container c, List<String> ports) throws Failure {
            String ctr = name + "-" + (count++);
            List<String> cmd = new ArrayList<>(List.of(cli, "run", "-d", "--name", ctr));
            containers.add(ctr); // removed by name even if the start half failed
            cmd.addAll(placement(ports));
            for (String e : c.envPairs()) cmd.addAll(List.of("--env", e));
            cmd.add(image);
            cmd.addAll(c.args());
            Exec.Result r = Exec.run(cmd, null, Duration.ofSeconds(600));
            if (!r.ok()) throw new Failure(cli + " run " + image + ": " + r.tail(5));
            if (!podman() && network == null) network = ctr;
            return ctr;
        }

        private List<String> placement(List<String> ports) {
            if (podman()) return List.of("--pod", name);
            if (network != null) return List.of("--network", "container:" + network);
            return ports;
        }

        @Override
        public int hostPort(int port) {
            return hostPorts.getOrDefault(port, port);
        }

        @Override
        public Exec.Result run(String tag, Container c, List<String> command, Duration limit) throws Failure {
            String ctr = name + "-" + (count++);
            containers.add(ctr);
            List<String> cmd = new ArrayList<>(List.of(cli, "run", "--name", ctr));
            cmd.addAll(placement(publish(hostPorts)));
            for (String e : c.envPairs()) cmd.addAll(List.of("--env", e));
            cmd.add(tag);
            cmd.addAll(command != null ? command : c.args());
            Exec.Result r = Exec.run(cmd, null, limit);
            if (r.exit() == ENGINE_FAILED) throw new Failure(cli + " run: " + r.tail(5));
            return r;
        }

        @Override
        public App start(String tag, Container c) throws Failure {
            String ctr = startDetached(tag, c, publish(hostPorts));
            return new App() {
                @Override
                public boolean alive() {
                    return running(ctr);
                }

                @Override
                public String log() {
                    return logs(ctr);
                }

                @Override
                public void close() {
                    // removed with the pod
                }
            };
        }

        private boolean running(String ctr) {
            Exec.Result r = Exec.run(List.of(cli, "inspect", "--format", "{{.State.Running}}", ctr), null, Duration.ofSeconds(20));
            return r.ok() && r.output().strip().endsWith("true");
        }

        private String logs(String ctr) {
            return Exec.run(List.of(cli, "logs", ctr), null, Duration.ofSeconds(20)).tail(20);
        }

        private void removeAll() {
            for (int i = containers.size() - 1; i >= 0; i--) {
                Exec.run(List.of(cli, "rm", "-f", containers.get(i)), null, Duration.ofSeconds(60));
            }
            containers.clear();
            if (podCreated) Exec.run(List.of(cli, "pod", "rm", "-f", name), null, Duration.ofSeconds(60));
        }

        @Override
        public void close() {
            undo.close();
        }
    }

    @Override
    public void remove(String tag) {
        Exec.run(List.of(cli, "rmi", "-f", tag), null, Duration.ofSeconds(60));
    }
}
