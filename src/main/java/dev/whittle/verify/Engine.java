package dev.whittle.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A container engine whittle can build and run images with: docker, podman or buildah. */
public interface Engine {

    /** Facts about a built image. */
    record Image(long sizeBytes, int layers) {}

    /** What a started container answered on HTTP: the status code (0: nothing answered) and the body. */
    record Answer(int status, String body, String log) {}

    String name();

    /**
     * @param pull  whether the engine may pull base images (else only local ones)
     * @param cache whether earlier build steps may be reused
     */
    Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit);

    Image inspect(String tag);

    /** Runs the image's own start command, or {@code command} (exec form, no shell) instead of its CMD. */
    Exec.Result run(String tag, List<String> command, Duration limit);

    /** Starts the image's own start command, asks {@code http://127.0.0.1:PORT/PATH} until it answers, stops it. */
    Answer serve(String tag, int port, String path, Duration limit);

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

    /** Whether the engine answers (docker's client alone, with no daemon, does not). */
    boolean works();
}
