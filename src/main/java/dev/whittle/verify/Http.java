package dev.whittle.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Asks a started service on the host's loopback until it answers. */
final class Http {
    private Http() {}

    /**
     * @param alive false once the service has stopped (no point in asking further)
     * @return the first answer (any status), or status 0 when none came within the limit
     */
    static Engine.Answer poll(int port, String path, Duration limit, BooleanSupplier alive) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Engine.Answer(r.statusCode(), r.body(), "");
            } catch (IOException e) {
                if (!alive.getAsBoolean()) break;
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Engine.Answer(0, "", "");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
