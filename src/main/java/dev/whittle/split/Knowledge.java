package dev.whittle.split;

import dev.whittle.facts.Catalog;
import dev.whittle.facts.PackageTable;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything whittle knows about languages as data: the catalog, the package table and the runtime
 * templates. The shipped files live in templates/ (inside the jar); a user directory given with
 * {@code --templates} replaces any of them file by file.
 */
public final class Knowledge {
    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static volatile Knowledge shipped;

    private final Path dir;
    private final Catalog catalog;
    private final PackageTable packages;
    private final dev.whittle.facts.GoPrograms goPrograms;
    private final RuntimeTemplates templates;
    private final dev.whittle.facts.Distros distros;
    private final dev.whittle.facts.FactSources facts;
    private final String registry;

    private Knowledge(Path dir) {
        this.dir = dir;
        this.catalog = parse("catalog.yaml", Catalog.class);
        this.packages = parse("packages.yaml", PackageTable.class);
        this.goPrograms = parse("go-programs.yaml", dev.whittle.facts.GoPrograms.class);
        this.templates = new RuntimeTemplates(this::read, this::where);
        this.distros = new dev.whittle.facts.Distros(this::bytes);
        this.facts = new dev.whittle.facts.FactSources(catalog, new dev.whittle.facts.OfficialImages(() -> {
            byte[] b = bytes("images.yaml");
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }), distros);
        this.registry = "";
        if (dir != null) checkUserFiles();
    }

    /** A user folder's catalog patterns and templates, checked when it is read (not when a Dockerfile needs them). */
    private void checkUserFiles() {
        if (Files.isRegularFile(dir.resolve("catalog.yaml"))) {
            String text = read("catalog.yaml");
            for (Catalog.ImageInfo i : catalog.images()) checkPattern(text, i.tag());
            for (Catalog.EndOfLife e : catalog.endOfLife()) checkPattern(text, e.tag());
        }
        java.util.Set<String> languages = new java.util.TreeSet<>(java.util.List.of("go", "python", "node", "java", "rust", "c"));
        try (java.util.stream.Stream<Path> s = Files.list(dir.resolve("runtime"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".stg") && !n.equals("common.stg"))
                    .forEach(n -> languages.add(n.substring(0, n.length() - 4)));
        } catch (IOException | UncheckedIOException e) {
            // no runtime/ folder: the shipped templates
        }
        if (Files.isDirectory(dir.resolve("runtime"))) for (String l : languages) templates.check(l);
    }

    private void checkPattern(String text, String regex) {
        if (regex == null) return;
        try {
            java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new TemplateException(where("catalog.yaml") + at(text, regex) + ": bad regular expression '" + regex
                    + "': " + e.getDescription() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
        }
    }

    /** {@code :line:col} of the first place the value is written, or "". */
    private static String at(String text, String value) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf(value);
            if (col >= 0) return ":" + (i + 1) + ":" + (col + 1);
        }
        return "";
    }

    private Knowledge(Knowledge base, String registry) {
        this.dir = base.dir;
        this.catalog = base.catalog;
        this.packages = base.packages;
        this.goPrograms = base.goPrograms;
        this.templates = base.templates;
        this.distros = base.distros;
        this.facts = base.facts;
        this.registry = registry;
    }

    /**
     * The same knowledge, writing every image whittle introduces with this prefix (a private mirror such as
     * {@code registry.example.com/mirror/}); "" for none. A prefix without a trailing '/' gets one.
     */
    public Knowledge withRegistry(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        if (!p.isEmpty() && !p.endsWith("/")) p = p + "/";
        return p.equals(registry) ? this : new Knowledge(this, p);
    }

    /** The registry prefix ("" for none). */
    public String registry() {
        return registry;
    }

    /** An image reference as written into a Dockerfile: with the registry prefix. */
    public String imageRef(String image) {
        return registry + image;
    }

    /** The shipped catalog, packages and templates. */
    public static Knowledge shipped() {
        Knowledge k = shipped;
        if (k == null) {
            k = new Knowledge(null);
            shipped = k;
        }
        return k;
    }

    /**
     * The files in {@code dir}, each missing one taken from the shipped set.
     *
     * @throws IllegalArgumentException with a message naming the file when one does not read
     */
    public static Knowledge load(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": not a directory");
        return new Knowledge(dir);
    }

    public Catalog catalog() {
        return catalog;
    }

    public PackageTable packages() {
        return packages;
    }

    /** The Go programs fetched by go get or go install whose sources were read (templates/go-programs.yaml). */
    public dev.whittle.facts.GoPrograms goPrograms() {
        return goPrograms;
    }

    public RuntimeTemplates templates() {
        return templates;
    }

    /** The catalog, the official images and the distribution releases, as the facts layer reads them. */
    public dev.whittle.facts.FactSources facts() {
        return facts;
    }

    /** The distribution releases whittle has package facts for (templates/distro/). */
    public dev.whittle.facts.Distros distros() {
        return distros;
    }

    private <T> T parse(String name, Class<T> type) {
        try {
            return YAML.readValue(read(name), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation l = e.getLocation();
            throw new TemplateException(where(name) + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new TemplateException(where(name) + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private String where(String name) {
        return dir != null && Files.exists(dir.resolve(name)) ? dir.resolve(name).toString() : "templates/" + name;
    }

    /** A file's bytes, the user's when the user directory has it, else the shipped one; null when neither exists. */
    byte[] bytes(String name) {
        try {
            if (dir != null && Files.isRegularFile(dir.resolve(name))) return readUserBytes(dir.resolve(name));
            try (InputStream in = Knowledge.class.getResourceAsStream("/templates/" + name)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new TemplateException(where(name) + ": cannot read: " + e.getMessage());
        }
    }

    /** A user folder's file, read bounded: a regular file of at most {@link #MAX_BYTES}. */
    private static byte[] readUserBytes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("not a regular file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) throw new IOException("larger than " + (MAX_BYTES >> 20) + " MB; not a template file");
        return bytes;
    }

    /** The largest template or catalog file read (a bounded read: no file in a user folder is read whole). */
    static final int MAX_BYTES = 4 << 20;

    /** A template file's text: the user's when the user directory has it, else the shipped one. */
    String read(String name) {
        try {
            if (dir != null && Files.isRegularFile(dir.resolve(name))) return readUser(dir.resolve(name));
            try (InputStream in = Knowledge.class.getResourceAsStream("/templates/" + name)) {
                if (in == null) throw new IllegalArgumentException("templates/" + name + ": missing from the jar");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new TemplateException(where(name) + ": cannot read: " + e.getMessage());
        }
    }

    /** A user file: a regular file of at most 4 MB, UTF-8. */
    private static String readUser(Path file) throws IOException {
        byte[] bytes = readUserBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }
}
