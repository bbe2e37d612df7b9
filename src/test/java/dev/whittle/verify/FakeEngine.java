package dev.whittle.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine that builds nothing but answers as told, per image: the last FROM line of the Dockerfile names the
 * image. Its pods start {@link TestServer}s on the host ports the verifier gives them, run commands by returning
 * set results, and export archives set per image.
 */
class FakeEngine implements Engine {
    final Map<String, String> outputs = new HashMap<>();
    final Map<String, Integer> exits = new HashMap<>();
    final Map<String, Long> sizes = new HashMap<>();
    final Map<String, TestServer.Habits> servers = new HashMap<>();
    final Map<String, List<TestArchives.LayerSpec>> layers = new HashMap<>();
    final Map<String, List<String>> entrypoints = new HashMap<>();
    final Map<String, List<String>> cmds = new HashMap<>();
    final Map<String, List<String>> baseIds = new HashMap<>();
    final Map<String, String> workdirs = new HashMap<>();
    final Map<String, String> built = new HashMap<>();
    final List<String> removed = new ArrayList<>();
    final List<Map<Integer, Integer>> podPorts = new ArrayList<>();
    final List<Container> containers = new ArrayList<>();
    final List<List<Service>> podServices = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    int openPods;
    String failing;
    /** When set, no container starts: the engine reports this failure. */
    String cannotStart;

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public boolean works() {
        return true;
    }

    @Override
    public Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit) {
        try {
            String from = Files.readString(dockerfile, java.nio.charset.StandardCharsets.ISO_8859_1).lines()
                    .filter(l -> l.startsWith("FROM")).reduce((a, b) -> b).orElseThrow().substring(5).split(" ")[0];
            if (from.equals(failing)) return new Exec.Result(1, "no such image " + from, 0.1);
            built.put(tag, from);
            return new Exec.Result(0, "", 0.1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Image inspect(String tag) {
        return new Image(sizes.getOrDefault(built.get(tag), 1000L), 3);
    }

    @Override
    public List<String> layerIds(String image) {
        return baseIds.getOrDefault(image, List.of());
    }

    @Override
    public void export(String tag, Path archive) throws Failure {
        String image = built.get(tag);
        List<TestArchives.LayerSpec> spec = layers.getOrDefault(image, List.of(new TestArchives.LayerSpec("/bin/sh -c true").file("app", "x")));
        try {
            TestArchives.write(archive, false, entrypoints.getOrDefault(image, List.of()), cmds.getOrDefault(image, List.of("/app")),
                    workdirs.getOrDefault(image, "/"), spec);
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        }
    }

    @Override
    public Pod pod(List<Service> services, Map<Integer, Integer> hostPorts, Duration ready) {
        podPorts.add(Map.copyOf(hostPorts));
        podServices.add(List.copyOf(services));
        openPods++;
        List<TestServer> started = new ArrayList<>();
        return new Pod() {
            @Override
            public int hostPort(int port) {
                return hostPorts.get(port);
            }

            @Override
            public Exec.Result run(String tag, Container c, List<String> command, Duration limit) throws Failure {
                if (cannotStart != null) throw new Failure(cannotStart);
                containers.add(c);
                String image = built.get(tag);
                return new Exec.Result(exits.getOrDefault(image, 0), outputs.getOrDefault(image, ""), 0.1);
            }

            @Override
            public App start(String tag, Container c) throws Failure {
                if (cannotStart != null) throw new Failure(cannotStart);
                containers.add(c);
                TestServer.Habits h = servers.get(built.get(tag));
                if (h == null) { // an app that never listens
                    return new App() {
                        @Override
                        public boolean alive() {
                            return true;
                        }

                        @Override
                        public String log() {
                            return "";
                        }

                        @Override
                        public void close() {
                        }
                    };
                }
                int port = hostPorts.values().iterator().next();
                TestServer s = TestServer.start(h, port);
                started.add(s);
                events.add("start " + built.get(tag) + " on " + port);
                return s;
            }

            @Override
            public void close() {
                started.forEach(TestServer::close);
                openPods--;
            }
        };
    }

    @Override
    public void remove(String tag) {
        removed.add(tag);
    }
}
