package dev.whittle.facts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference split into its parts: {@code registry/path/name:tag@digest}. Docker Hub's
 * {@code library/} and {@code docker.io/} prefixes are dropped from {@link #repository()}.
 *
 * @param written    the reference as written
 * @param repository the repository without tag or digest ({@code golang}, {@code gcr.io/distroless/static-debian12})
 * @param tag        the tag, or "" (Docker reads no tag as {@code latest})
 * @param digest     the {@code sha256:...} digest, or ""
 */
public record ImageRef(String written, String repository, String tag, String digest) {
    private static final Pattern VERSION = Pattern.compile("^v?(\\d+(?:\\.\\d+)*)");
    private static final Pattern DEBIAN = Pattern.compile("(?:^|-)(stretch|buster|bullseye|bookworm|trixie)(?:$|-)");
    private static final Pattern ALPINE = Pattern.compile("(?:^|-)alpine(\\d+\\.\\d+)?(?:$|-)");

    public static ImageRef parse(String written) {
        String s = written;
        String digest = "";
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = s.substring(at + 1);
            s = s.substring(0, at);
        }
        String tag = "";
        int colon = s.lastIndexOf(':');
        if (colon > s.lastIndexOf('/')) {
            tag = s.substring(colon + 1);
            s = s.substring(0, colon);
        }
        String repo = s.toLowerCase(Locale.ROOT);
        if (repo.startsWith("docker.io/")) repo = repo.substring("docker.io/".length());
        if (repo.startsWith("index.docker.io/")) repo = repo.substring("index.docker.io/".length());
        if (repo.startsWith("library/")) repo = repo.substring("library/".length());
        return new ImageRef(written, repo, tag, digest);
    }

    /** The reference for a message: without its digest, cut to 50 characters. */
    public String shown() {
        String s = digest.isEmpty() ? written : written.substring(0, written.indexOf('@'));
        return s.length() <= 50 ? s : s.substring(0, 47) + "...";
    }

    /** Whether the reference uses a build argument or variable ({@code $GO_VERSION}). */
    public boolean variable() {
        return written.contains("$");
    }

    /** The tag, or "latest" when none was written. */
    public String tagOrLatest() {
        return tag.isEmpty() ? "latest" : tag;
    }

    /** The leading version of the tag ({@code 3.11} of {@code 3.11-slim-bookworm}), or "". */
    public String version() {
        Matcher m = VERSION.matcher(tag);
        return m.find() ? m.group(1) : "";
    }

    /** The first number of the tag's version, or -1. */
    public int major() {
        String v = version();
        if (v.isEmpty()) return -1;
        String first = v.split("\\.")[0];
        return first.length() > 6 ? -1 : Integer.parseInt(first);
    }

    /** The second number of the tag's version, or -1. */
    public int minor() {
        String[] parts = version().split("\\.");
        return parts.length < 2 || parts[1].length() > 6 ? -1 : Integer.parseInt(parts[1]);
    }

    /** The Debian release the tag names ({@code bookworm}), or "". */
    public String debianRelease() {
        Matcher m = DEBIAN.matcher(tag);
        return m.find() ? m.group(1) : "";
    }

    /** Whether the tag names an alpine variant. */
    public boolean alpineVariant() {
        return ALPINE.matcher(tag).find();
    }

    /** The alpine version the tag names ({@code 3.19} of {@code 3.11-alpine3.19}), or "". */
    public String alpineRelease() {
        Matcher m = ALPINE.matcher(tag);
        return m.find() && m.group(1) != null ? m.group(1) : "";
    }

    /** The last path element of the repository ({@code static-debian12}). */
    public String name() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }
}
