package dev.whittle.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A container engine whittle can build and run images with: docker, podman or buildah. */
public interface Engine {

    /**
     * Facts about a built image, as the engine reports them.
     *
     * @param layerBytes each layer's size in the engine's own figures (empty when it does not say)
     */
    record Image(long sizeBytes, int layers, List<Long> layerBytes) {
        public Image(long sizeBytes, int layers) {
            this(sizeBytes, layers, List.of());
        }
    }

    /** The engine itself failed (it could not start a container, export an image...): the check could not run. */
    final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /**
     * A fresh network namespace (buildah), pod (podman) or shared network (docker) for one run: its services
     * are started and ready, and each container port asked for is reachable on the host's loopback.
     * Closing it stops and removes everything it started.
     */
    interface Pod extends AutoCloseable {
        /** Where the container port {@code port} is reached: 127.0.0.1 and this port. */
        int hostPort(int port);

        /**
         * Runs the image's own start command (or {@code command}, exec form, instead of its CMD) to its end.
         *
         * @return exit -1 when the time limit stopped it
         * @throws Failure when the engine could not start the container at all
         */
        Exec.Result run(String tag, Container container, List<String> command, Duration limit) throws Failure;

        /** Starts the image's own start command in the background. */
        App start(String tag, Container container) throws Failure;

        @Override
        void close();
    }

    /** A started container. */
    interface App extends AutoCloseable {
        /** Whether it still runs (false once its start command ended). */
        boolean alive();

        /** The last lines it printed. */
        String log();

        @Override
        void close();
    }

    String name();

    /** Whether the engine answers (docker's client alone, with no daemon, does not). */
    boolean works();

    /**
     * @param pull  whether the engine may pull base images (else only local ones)
     * @param cache whether earlier build steps may be reused
     */
    Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit);

    Image inspect(String tag);

    /** The image's layer ids (uncompressed digests), bottom first; empty when the engine does not have it. */
    List<String> layerIds(String image);

    /** Writes the image to {@code archive} as the engine exports it (an OCI or docker archive, uncompressed). */
    void export(String tag, Path archive) throws Failure;

    /**
     * A fresh pod for one run: the services started (each ready on its port, or {@link Failure}), and the
     * container ports in {@code hostPorts} published on the host ports given (fresh free ones).
     */
    Pod pod(List<Service> services, Map<Integer, Integer> hostPorts, Duration ready) throws Failure;

    void remove(String tag);

    /** The engine named, or the first of docker, podman, buildah that works here; null when none does. */
    static Engine find(String named) {
        List<String> names = named == null ? List.of("docker", "podman", "buildah") : List.of(named);
        for (String n : names) {
            Engine e = n.equals("buildah") ? new BuildahEngine() : new CliEngine(n);
            if (e.works()) return e;
        }
        return null;
    }
}
