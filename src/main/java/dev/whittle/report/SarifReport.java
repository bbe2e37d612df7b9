package dev.whittle.report;

import dev.whittle.core.Severity;
import dev.whittle.core.Change;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whittle.core.PassInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The report as SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, GitLab, Azure DevOps): one
 * run, every pass a rule (with its summary and explanation), every change a result at the instruction's
 * lines (rewrites as warnings: whittle would change them; findings as notes; a user rule's findings at the
 * severity it names), unreadable files as tool execution notifications. Paths are relative to the current
 * folder ({@code %SRCROOT%}). The results come first, as the files come; the tool and its rules are written
 * at the end, so the user rules met on the way (.whittle.yaml files differ per folder) are among them.
 */
public final class SarifReport extends JsonStreamReport {

    private final String version;
    private final Function<String, PassInfo> userRules;
    private final Map<String, PassInfo> rules = new LinkedHashMap<>();
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private final List<ObjectNode> notifications = new ArrayList<>();

    /**
     * @param passes    the built-in passes, each a rule
     * @param userRules the rule of an id that is not a built-in pass (a user rule of some .whittle.yaml), or null
     */
    public SarifReport(Writer out, String version, List<PassInfo> passes, Function<String, PassInfo> userRules) {
        super(out);
        this.version = version;
        this.userRules = userRules;
        for (PassInfo p : passes) {
            ruleIndex.put(p.id(), ruleIndex.size());
            rules.put(p.id(), p);
        }
        try {
            gen.writeStartObject();
            gen.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            gen.writeStringField("version", "2.1.0");
            gen.writeArrayFieldStart("runs");
            gen.writeStartObject();
            gen.writeArrayFieldStart("results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SarifReport(Writer out, String version, List<PassInfo> passes) {
        this(out, version, passes, id -> null);
    }

    @Override
    protected void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException {
        for (Change c : changes) {
            ObjectNode res = MAPPER.createObjectNode();
            res.put("ruleId", c.passId());
            Integer i = indexOf(c.passId());
            if (i != null) res.put("ruleIndex", i);
            res.put("level", level(Severity.of(c)));
            res.putObject("message").put("text", c.text());
            ObjectNode region = location(res.putArray("locations").addObject(), path);
            region.put("startLine", Math.max(1, c.line()));
            region.put("endLine", Math.max(Math.max(1, c.line()), c.endLine()));
            ObjectNode props = res.putObject("properties");
            props.put("applied", c.applied());
            if (c.estimate() != null) props.put("estimate", c.estimate());
            if (!c.details().isEmpty()) c.details().forEach(props.putArray("details")::add);
            MAPPER.writeTree(gen, res);
        }
    }

    /** The index of a rule, adding a user rule the first time one of its results comes. */
    private Integer indexOf(String id) {
        Integer i = ruleIndex.get(id);
        if (i != null) return i;
        PassInfo info = userRules == null ? null : userRules.apply(id);
        if (info == null) return null;
        ruleIndex.put(id, ruleIndex.size());
        rules.put(id, info);
        return ruleIndex.get(id);
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    @Override
    protected void writeError(String path, String message) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("level", "error");
        Located at = Located.of(path, message);
        n.putObject("message").put("text", at.hasColumn() ? at.text() : message);
        ObjectNode region = location(n.putArray("locations").addObject(), path);
        region.put("startLine", at.line());
        if (at.hasColumn()) region.put("startColumn", at.column());
        notifications.add(n);
    }

    @Override
    protected void finish() throws IOException {
        gen.writeEndArray();
        gen.writeObjectFieldStart("tool");
        gen.writeFieldName("driver");
        MAPPER.writeTree(gen, driver());
        gen.writeEndObject();
        gen.writeObjectFieldStart("originalUriBaseIds");
        gen.writeObjectFieldStart("%SRCROOT%");
        gen.writeStringField("uri", Path.of("").toAbsolutePath().toUri().toString());
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeArrayFieldStart("invocations");
        gen.writeStartObject();
        gen.writeBooleanField("executionSuccessful", notifications.isEmpty());
        gen.writeArrayFieldStart("toolExecutionNotifications");
        for (ObjectNode n : notifications) MAPPER.writeTree(gen, n);
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private ObjectNode driver() {
        ObjectNode driver = MAPPER.createObjectNode();
        driver.put("name", "whittle");
        driver.put("semanticVersion", version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0-dev");
        ArrayNode list = driver.putArray("rules");
        for (PassInfo p : rules.values()) {
            ObjectNode n = list.addObject();
            n.put("id", p.id());
            n.put("name", camel(p.id()));
            n.putObject("shortDescription").put("text", p.title());
            n.putObject("fullDescription").put("text", p.summary());
            n.putObject("help").put("text", p.explanation() + "\n\nDetails: whittle explain " + p.id());
            n.putObject("defaultConfiguration").put("level", "warning");
            ArrayNode tags = n.putObject("properties").putArray("tags");
            tags.add("dockerfile");
            tags.add(p.level().name().toLowerCase(Locale.ROOT));
            for (String rel : p.related()) tags.add(rel);
        }
        return driver;
    }

    /** Adds the physical location of a file; returns its (empty) region. */
    private static ObjectNode location(ObjectNode location, String path) {
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(path));
        artifact.put("uriBaseId", "%SRCROOT%");
        return physical.putObject("region");
    }

    /** A relative URI reference for a path (spaces and other characters escaped). */
    static String uri(String path) {
        String rel = UnifiedDiff.pathOf(Path.of(path));
        try {
            return new URI(null, null, rel, null).toASCIIString();
        } catch (URISyntaxException e) {
            return rel;
        }
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (part.isEmpty()) continue;
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }
}
