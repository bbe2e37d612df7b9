package dev.whittle.verify;

/**
 * A dependency started beside the image for each run ({@code --service IMAGE[:PORT]}), in the same network
 * namespace, so the app reaches it on 127.0.0.1. With a port, the app is started only once the service accepts
 * connections on it.
 *
 * @param port 0: started, not waited for
 */
public record Service(String image, int port) {

    /**
     * {@code IMAGE[:PORT]}: with one colon after the last slash the text after it is the image's tag, as
     * everywhere else ({@code redis:7}); a port follows a second colon ({@code postgres:16:5432},
     * {@code redis:latest:6379}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Service parse(String text) {
        String t = text.strip();
        int slash = t.lastIndexOf('/');
        String name = t.substring(slash + 1);
        int first = name.indexOf(':');
        int last = name.lastIndexOf(':');
        if (t.isEmpty() || name.isEmpty() || name.startsWith(":")) {
            throw new IllegalArgumentException("--service " + text + ": expected IMAGE[:TAG][:PORT], e.g. postgres:16:5432");
        }
        if (first < 0 || first == last) return new Service(t, 0);
        String port = name.substring(last + 1);
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--service " + text + ": '" + port + "' is not a port (1 to 65535)");
        }
        return new Service(t.substring(0, slash + 1 + last), Integer.parseInt(port));
    }
}
