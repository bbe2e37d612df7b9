package dev.whittle.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Plain HTTP/1.1 requests to a started service on the host's loopback. Never HTTP/2: the JDK client's default
 * (an {@code Upgrade: h2c} request) is not answered by some servers (a WebSocket upgrade handler takes it).
 */
final class Http {
    private Http() {}

    /** What one request got: the status (0: no answer) and the body, or why there was none. */
    record Answer(int status, String body, String error) {
        boolean answered() {
            return status > 0;
        }
    }

    /**
     * Asks until the service is ready: it answered with {@code want} (0: any status below 500), it stopped,
     * or {@code ready} passed.
     *
     * @return the last answer (which may be another status), or status 0 when none came
     */
    static Answer waitReady(int port, String path, int want, Duration ready, Duration timeout, BooleanSupplier alive) {
        HttpClient client = client();
        long deadline = System.nanoTime() + ready.toNanos();
        Answer last = new Answer(0, "", "no answer within " + ready.toSeconds() + " s");
        while (true) {
            Answer a = ask(client, port, path, timeout);
            if (a.answered()) {
                last = a;
                if (want == 0 ? a.status() < 500 : a.status() == want) return a;
            }
            if (!alive.getAsBoolean()) return last.answered() ? last : new Answer(0, "", "it stopped before answering");
            if (System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) return last;
            sleep(250);
        }
    }

    /** One request. */
    static Answer ask(int port, String path, Duration timeout) {
        return ask(client(), port, path, timeout);
    }

    private static Answer ask(HttpClient client, int port, String path, Duration timeout) {
        try {
            HttpRequest req = HttpRequest.newBuilder(uri(port, path)).timeout(timeout).GET().build();
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Answer(0, "", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted");
        }
    }

    /** {@code http://127.0.0.1:PORT/PATH}; the path is checked when the options are read ({@link HttpCheck}). */
    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
