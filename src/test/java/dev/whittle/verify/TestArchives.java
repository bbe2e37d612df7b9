package dev.whittle.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Image archives made in the tests, as docker save and buildah push write them: real tars, real layer tars. */
final class TestArchives {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One layer: its entries and the history entry that made it. */
    static final class LayerSpec {
        final String createdBy;
        final List<Object[]> entries = new ArrayList<>(); // {kind, path, content-or-target}

        LayerSpec(String createdBy) {
            this.createdBy = createdBy;
        }

        LayerSpec dir(String path) {
            entries.add(new Object[] {"dir", path, null});
            return this;
        }

        LayerSpec file(String path, String content) {
            entries.add(new Object[] {"file", path, content.getBytes(StandardCharsets.UTF_8)});
            return this;
        }

        LayerSpec file(String path, int size) {
            entries.add(new Object[] {"file", path, new byte[size]});
            return this;
        }

        LayerSpec link(String path, String target) {
            entries.add(new Object[] {"symlink", path, target});
            return this;
        }

        /** A whiteout: the path is deleted. */
        LayerSpec delete(String path) {
            int slash = path.lastIndexOf('/');
            entries.add(new Object[] {"file", path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0]});
            return this;
        }

        LayerSpec opaque(String dir) {
            entries.add(new Object[] {"file", dir + "/.wh..wh..opq", new byte[0]});
            return this;
        }

        byte[] tar() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
                t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Object[] e : entries) {
                    String kind = (String) e[0];
                    TarArchiveEntry te;
                    switch (kind) {
                        case "dir" -> te = new TarArchiveEntry((String) e[1] + "/");
                        case "symlink" -> {
                            te = new TarArchiveEntry((String) e[1], TarConstants.LF_SYMLINK);
                            te.setLinkName((String) e[2]);
                        }
                        default -> {
                            te = new TarArchiveEntry((String) e[1]);
                            te.setSize(((byte[]) e[2]).length);
                            te.setMode(0755);
                        }
                    }
                    te.setModTime(0); // the same bytes every time: the same diff id
                    t.putArchiveEntry(te);
                    if (kind.equals("file")) t.write((byte[]) e[2]);
                    t.closeArchiveEntry();
                }
            }
            return out.toByteArray();
        }
    }

    /**
     * Writes an archive.
     *
     * @param oci  an OCI layout with gzip layers (buildah push oci-archive:), else a docker archive (docker save)
     */
    static void write(Path file, boolean oci, List<String> entrypoint, List<String> cmd, String workdir, List<LayerSpec> layers)
            throws IOException {
        List<byte[]> tars = new ArrayList<>();
        for (LayerSpec l : layers) tars.add(l.tar());
        ObjectNode config = JSON.createObjectNode();
        ObjectNode c = config.putObject("config");
        ArrayNode ep = c.putArray("Entrypoint");
        entrypoint.forEach(ep::add);
        ArrayNode cm = c.putArray("Cmd");
        cmd.forEach(cm::add);
        c.putArray("Env").add("PATH=/usr/local/bin:/usr/bin:/bin");
        c.put("WorkingDir", workdir);
        ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        ArrayNode history = config.putArray("history");
        for (int i = 0; i < layers.size(); i++) {
            diffIds.add("sha256:" + sha(tars.get(i)));
            history.addObject().put("created_by", layers.get(i).createdBy);
            history.addObject().put("created_by", "/bin/sh -c #(nop) ENV X=" + i).put("empty_layer", true);
        }
        byte[] configBytes = JSON.writeValueAsBytes(config);
        try (OutputStream fo = Files.newOutputStream(file); TarArchiveOutputStream t = new TarArchiveOutputStream(fo)) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            if (oci) {
                ObjectNode manifest = JSON.createObjectNode();
                manifest.put("schemaVersion", 2);
                manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                        .put("digest", "sha256:" + sha(configBytes)).put("size", configBytes.length);
                ArrayNode ls = manifest.putArray("layers");
                List<byte[]> blobs = new ArrayList<>();
                for (byte[] tar : tars) {
                    ByteArrayOutputStream gz = new ByteArrayOutputStream();
                    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
                        g.write(tar);
                    }
                    byte[] b = gz.toByteArray();
                    blobs.add(b);
                    ls.addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip").put("digest", "sha256:" + sha(b)).put("size", b.length);
                }
                byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
                ObjectNode index = JSON.createObjectNode();
                index.put("schemaVersion", 2);
                index.putArray("manifests").addObject().put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                        .put("digest", "sha256:" + sha(manifestBytes)).put("size", manifestBytes.length);
                put(t, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
                put(t, "index.json", JSON.writeValueAsBytes(index));
                put(t, "blobs/sha256/" + sha(manifestBytes), manifestBytes);
                put(t, "blobs/sha256/" + sha(configBytes), configBytes);
                for (byte[] b : blobs) put(t, "blobs/sha256/" + sha(b), b);
            } else {
                ArrayNode manifest = JSON.createArrayNode();
                ObjectNode m = manifest.addObject();
                m.put("Config", sha(configBytes) + ".json");
                ArrayNode ls = m.putArray("Layers");
                for (byte[] tar : tars) ls.add(sha(tar) + "/layer.tar");
                put(t, sha(configBytes) + ".json", configBytes);
                for (byte[] tar : tars) put(t, sha(tar) + "/layer.tar", tar);
                put(t, "manifest.json", JSON.writeValueAsBytes(manifest));
            }
        }
    }

    private static void put(TarArchiveOutputStream t, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        t.putArchiveEntry(e);
        t.write(content);
        t.closeArchiveEntry();
    }

    static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
