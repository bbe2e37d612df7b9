package dev.whittle.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An image as the engine exports it: an OCI archive ({@code buildah push IMAGE oci-archive:FILE}, {@code podman
 * save --format oci-archive}) or a docker archive ({@code docker save}, {@code buildah push IMAGE
 * docker-archive:FILE}). Its layers in order with every entry (path, kind, size), the history entry that made
 * each, and the start configuration. Layers may be gzip-compressed or plain tar.
 */
public record ImageArchive(List<Layer> layers, List<History> history, Config config) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small text files kept for the content check: what scripts and config files refer to. */
    private static final long CAPTURE_MAX = 256 * 1024;
    private static final long CAPTURE_TOTAL = 32L * 1024 * 1024;
    private static final Pattern CONFIG_NAME = Pattern.compile(
            "(^etc/.*)|.*\\.(conf|cfg|cnf|ini|ya?ml|json|toml|properties|xml|env|sh|service|rc)$|.*/(entrypoint|docker-entrypoint|start|run|init)[^/]*$");

    /** What one history entry says: the command that made it and whether it made a layer. */
    public record History(String createdBy, boolean emptyLayer, String comment) {}

    /** ENTRYPOINT, CMD, ENV, WORKDIR and USER of the image. */
    public record Config(List<String> entrypoint, List<String> cmd, List<String> env, String workingDir, String user) {
        static final Config NONE = new Config(List.of(), List.of(), List.of(), "", "");

        /** The value of a variable of ENV, or null. */
        public String env(String name) {
            for (String e : env) if (e.startsWith(name + "=")) return e.substring(name.length() + 1);
            return null;
        }
    }

    /** One entry of a layer's tar. */
    public record Entry(String path, Kind kind, long size, String link) {}

    public enum Kind { FILE, DIR, SYMLINK, HARDLINK, WHITEOUT, OPAQUE, OTHER }

    /**
     * One layer.
     *
     * @param diffId    the digest of its uncompressed tar, as the config names it ("" when unknown)
     * @param tarBytes  the size of its uncompressed tar
     * @param history   the history entry that made it (null when the history does not say)
     * @param texts     contents of small scripts and config files in it (only for layers asked for)
     */
    public record Layer(String diffId, long tarBytes, List<Entry> entries, History history, Map<String, String> texts) {
        /** The bytes of the regular files it holds. */
        public long fileBytes() {
            long n = 0;
            for (Entry e : entries) if (e.kind() == Kind.FILE) n += e.size();
            return n;
        }
    }

    /** The total of the layers' uncompressed tars: what the engines report as the image size. */
    public long tarBytes() {
        long n = 0;
        for (Layer l : layers) n += l.tarBytes();
        return n;
    }

    /**
     * Reads an archive.
     *
     * @param captureFrom layers at this index and above keep the text of their small scripts and config files
     * @throws IOException when the file is not an image archive, naming what is missing
     */
    public static ImageArchive read(Path file, int captureFrom) throws IOException {
        return read(file, ids -> captureFrom);
    }

    /** Reads an archive; {@code captureFrom} gets the layer ids (diff ids) and says from which layer on to keep texts. */
    public static ImageArchive read(Path file, java.util.function.ToIntFunction<List<String>> captureFrom) throws IOException {
        try (TarFile tar = new TarFile(file.toFile())) {
            Map<String, TarArchiveEntry> byName = new HashMap<>();
            for (TarArchiveEntry e : tar.getEntries()) byName.put(normalize(e.getName()), e);
            List<String> layerNames = new ArrayList<>();
            JsonNode config;
            if (byName.containsKey("manifest.json")) {
                JsonNode m = json(tar, byName, "manifest.json", file).path(0);
                config = json(tar, byName, m.path("Config").asText(), file);
                for (JsonNode l : m.path("Layers")) layerNames.add(normalize(l.asText()));
            } else if (byName.containsKey("index.json")) {
                JsonNode manifest = ociManifest(tar, byName, json(tar, byName, "index.json", file), file);
                config = json(tar, byName, blob(manifest.path("config").path("digest").asText()), file);
                for (JsonNode l : manifest.path("layers")) layerNames.add(blob(l.path("digest").asText()));
            } else {
                throw new IOException(file + ": not an image archive (no manifest.json or index.json in it)");
            }
            List<History> history = new ArrayList<>();
            for (JsonNode h : config.path("history")) {
                history.add(new History(h.path("created_by").asText(""), h.path("empty_layer").asBoolean(false), h.path("comment").asText("")));
            }
            List<History> made = history.stream().filter(h -> !h.emptyLayer()).toList();
            JsonNode diffIds = config.path("rootfs").path("diff_ids");
            List<String> ids = new ArrayList<>();
            diffIds.forEach(d -> ids.add(d.asText()));
            int keepFrom = captureFrom.applyAsInt(ids);
            List<Layer> layers = new ArrayList<>();
            long[] captured = {0};
            for (int i = 0; i < layerNames.size(); i++) {
                TarArchiveEntry blob = byName.get(layerNames.get(i));
                if (blob == null) throw new IOException(file + ": the layer " + layerNames.get(i) + " is missing from the archive");
                History h = made.size() == layerNames.size() ? made.get(i) : null;
                try (InputStream in = tar.getInputStream(blob)) {
                    layers.add(layer(in, diffIds.path(i).asText(""), h, i >= keepFrom, captured, file + ": " + layerNames.get(i)));
                }
            }
            return new ImageArchive(layers, history, config(config.path("config")));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a readable tar archive (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode ociManifest(TarFile tar, Map<String, TarArchiveEntry> byName, JsonNode index, Path file) throws IOException {
        JsonNode node = index;
        for (int depth = 0; depth < 4; depth++) {
            if (node.has("layers")) return node;
            JsonNode pick = null;
            for (JsonNode m : node.path("manifests")) {
                String arch = m.path("platform").path("architecture").asText("amd64");
                if (pick == null || arch.equals("amd64")) pick = m;
            }
            if (pick == null) break;
            node = json(tar, byName, blob(pick.path("digest").asText()), file);
        }
        throw new IOException(file + ": index.json leads to no image manifest");
    }

    private static String blob(String digest) {
        int colon = digest.indexOf(':');
        return "blobs/" + digest.substring(0, Math.max(colon, 0)) + "/" + digest.substring(colon + 1);
    }

    private static JsonNode json(TarFile tar, Map<String, TarArchiveEntry> byName, String name, Path file) throws IOException {
        TarArchiveEntry e = byName.get(normalize(name));
        if (e == null) throw new IOException(file + ": " + name + " is missing from the archive");
        try (InputStream in = tar.getInputStream(e)) {
            return JSON.readTree(in);
        }
    }

    private static Config config(JsonNode c) {
        if (c.isMissingNode() || c.isNull()) return Config.NONE;
        return new Config(strings(c.path("Entrypoint")), strings(c.path("Cmd")), strings(c.path("Env")),
                c.path("WorkingDir").asText(""), c.path("User").asText(""));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Layer layer(InputStream raw, String diffId, History h, boolean capture, long[] captured, String where) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 65536);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream plain = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 65536) : in;
        if (b0 == 0x28 && b1 == 0xb5) throw new IOException(where + ": zstd-compressed layer; export the image uncompressed");
        Counting counted = new Counting(plain);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        TarArchiveInputStream t = new TarArchiveInputStream(counted);
        TarArchiveEntry e;
        while ((e = t.getNextEntry()) != null) {
            String path = normalize(e.getName());
            if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            if (path.isEmpty()) continue;
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            Kind kind;
            if (name.equals(".wh..wh..opq")) {
                kind = Kind.OPAQUE;
                path = slash < 0 ? "" : path.substring(0, slash);
            } else if (name.startsWith(".wh.")) {
                kind = Kind.WHITEOUT;
                path = (slash < 0 ? "" : path.substring(0, slash + 1)) + name.substring(4);
            } else if (e.isDirectory()) {
                kind = Kind.DIR;
            } else if (e.isSymbolicLink()) {
                kind = Kind.SYMLINK;
            } else if (e.isLink()) {
                kind = Kind.HARDLINK;
            } else if (e.isFile()) {
                kind = Kind.FILE;
            } else {
                kind = Kind.OTHER;
            }
            long size = kind == Kind.FILE ? e.getSize() : 0;
            String link = kind == Kind.SYMLINK || kind == Kind.HARDLINK ? e.getLinkName() : null;
            entries.add(new Entry(path, kind, size, link));
            if (capture && kind == Kind.FILE && size > 0 && size <= CAPTURE_MAX && captured[0] + size <= CAPTURE_TOTAL) {
                byte[] head = t.readNBytes((int) size);
                boolean script = head.length > 2 && head[0] == '#' && head[1] == '!';
                if ((script || CONFIG_NAME.matcher(path).matches()) && text(head)) {
                    texts.put(path, new String(head, StandardCharsets.UTF_8));
                    captured[0] += size;
                }
            }
        }
        counted.transferTo(java.io.OutputStream.nullOutputStream()); // the end-of-archive blocks count too
        return new Layer(diffId, counted.count, entries, h, texts);
    }

    /** Text, not binary: no NUL in it. */
    private static boolean text(byte[] b) {
        for (byte x : b) if (x == 0) return false;
        return true;
    }

    /** "./usr/bin/" and "/usr/bin" both become "usr/bin/"-style paths without the leading "./" or "/". */
    static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) n = n.substring(2);
        while (n.startsWith("/")) n = n.substring(1);
        return n;
    }

    /** Counts what is read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
