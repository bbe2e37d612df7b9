package dev.whittle.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine-readable report of {@code optimize --format json} and {@code check --format json}: one
 * entry per file with its status, changes and findings, and the diff of what would change.
 */
public final class JsonReport {

    /** One change or finding. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String pass, int line, int endLine, String message, boolean applied, String estimate) {
        static Item of(Change c) {
            return new Item(c.passId(), c.line(), c.endLine(), c.message(), c.applied(), c.estimate());
        }
    }

    /** One file: status is "changed", "unchanged" or "error". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileEntry(String path, String status, String error, List<Item> changes, String diff) {}

    public record Summary(int files, int changed, int errors, int rewrites, int findings) {}

    public record Report(String tool, String version, String level, List<FileEntry> files, Summary summary) {}

    private final String version;
    private final String level;
    private final List<FileEntry> files = new ArrayList<>();

    public JsonReport(String version, String level) {
        this.version = version;
        this.level = level;
    }

    public synchronized void add(String path, List<Change> changes, boolean changed, String diff) {
        files.add(new FileEntry(path, changed ? "changed" : "unchanged", null,
                changes.stream().map(Item::of).toList(), changed ? diff : null));
    }

    public synchronized void addError(String path, String message) {
        files.add(new FileEntry(path, "error", message, List.of(), null));
    }

    public synchronized Report report() {
        int changed = 0;
        int errors = 0;
        int rewrites = 0;
        int findings = 0;
        for (FileEntry f : files) {
            if (f.status().equals("changed")) changed++;
            if (f.status().equals("error")) errors++;
            for (Item i : f.changes()) {
                if (i.applied()) rewrites++;
                else findings++;
            }
        }
        return new Report("whittle", version, level, List.copyOf(files),
                new Summary(files.size(), changed, errors, rewrites, findings));
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
