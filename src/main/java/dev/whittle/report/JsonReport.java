package dev.whittle.report;

import dev.whittle.core.Change;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report of {@code --format json}: tool, version, level, one entry per file (status "changed",
 * "unchanged" or "error", its level, changes and findings, and the diff of a changed file), and a summary.
 */
public final class JsonReport extends JsonStreamReport {

    /** One change or finding. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String pass, int line, int endLine, String message, boolean applied, String estimate,
                       String severity, List<String> details) {
        static Item of(Change c) {
            return new Item(c.passId(), c.line(), c.endLine(), c.message(), c.applied(), c.estimate(),
                    c.severity() == null ? null : c.severity().label(), c.details().isEmpty() ? null : c.details());
        }
    }

    /** One file: status is "changed", "unchanged" or "error". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileEntry(String path, String status, String level, String error, List<Item> changes, String diff) {}

    /**
     * @param level the level asked for on the command line, or null when each file's config decides
     */
    public JsonReport(Writer out, String version, String level) {
        super(out);
        try {
            gen.writeStartObject();
            gen.writeStringField("tool", "whittle");
            gen.writeStringField("version", version);
            if (level != null) gen.writeStringField("level", level);
            gen.writeArrayFieldStart("files");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException {
        MAPPER.writeValue(gen, new FileEntry(path, isChanged ? "changed" : "unchanged", level, null,
                changes.stream().map(Item::of).toList(), isChanged ? diff : null));
    }

    @Override
    protected void writeError(String path, String message) throws IOException {
        MAPPER.writeValue(gen, new FileEntry(path, "error", null, message, List.of(), null));
    }

    @Override
    protected void finish() throws IOException {
        gen.writeEndArray();
        gen.writeFieldName("summary");
        MAPPER.writeValue(gen, summary());
        gen.writeEndObject();
    }
}
