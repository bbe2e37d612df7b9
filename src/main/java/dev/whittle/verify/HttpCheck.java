package dev.whittle.verify;

/** One {@code --http PORT/PATH} request: the container's port and the path asked. */
public record HttpCheck(int port, String path) {

    /**
     * {@code 8080/health}, {@code 8080} (path /), {@code :8080/health}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HttpCheck parse(String text) {
        String t = text.startsWith(":") ? text.substring(1) : text;
        int slash = t.indexOf('/');
        String port = slash < 0 ? t : t.substring(0, slash);
        String path = slash < 0 ? "/" : t.substring(slash);
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--http " + text + ": expected PORT/PATH, e.g. 8080/health");
        }
        try {
            Http.uri(1, path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--http " + text + ": the path is not a valid URL path ("
                    + e.getMessage().replaceFirst(".*: ", "") + "; write spaces as %20)");
        }
        return new HttpCheck(Integer.parseInt(port), path);
    }

    @Override
    public String toString() {
        return "GET :" + port + path;
    }
}
