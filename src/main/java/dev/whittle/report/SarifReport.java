package dev.whittle.report;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, GitLab, Azure DevOps): one
 * run, every pass a rule (with its summary and explanation), every change a result at the instruction's
 * lines (rewrites as warnings: whittle would change them; findings as notes), unreadable files as tool
 * execution notifications. Paths are relative to the current folder ({@code %SRCROOT%}).
 */
public final class SarifReport extends MachineReport {

    private static final Pattern LOCATED = Pattern.compile("^(.*?):(\\d+):(\\d+): (.*)$", Pattern.DOTALL);

    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final List<ObjectNode> notifications = new ArrayList<>();

    public SarifReport(Writer out, String version, List<PassInfo> passes) {
        super(out);
        ObjectNode driver = MAPPER.createObjectNode();
        driver.put("name", "whittle");
        driver.put("semanticVersion", version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0-dev");
        ArrayNode rules = driver.putArray("rules");
        for (PassInfo p : passes) {
            ruleIndex.put(p.id(), ruleIndex.size());
            ObjectNode n = rules.addObject();
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
        try {
            gen.writeStartObject();
            gen.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            gen.writeStringField("version", "2.1.0");
            gen.writeArrayFieldStart("runs");
            gen.writeStartObject();
            gen.writeObjectFieldStart("tool");
            gen.writeFieldName("driver");
            MAPPER.writeTree(gen, driver);
            gen.writeEndObject();
            gen.writeObjectFieldStart("originalUriBaseIds");
            gen.writeObjectFieldStart("%SRCROOT%");
            gen.writeStringField("uri", Path.of("").toAbsolutePath().toUri().toString());
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeArrayFieldStart("results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException {
        for (Change c : changes) {
            ObjectNode res = MAPPER.createObjectNode();
            res.put("ruleId", c.passId());
            Integer i = ruleIndex.get(c.passId());
            if (i != null) res.put("ruleIndex", i);
            res.put("level", c.applied() ? "warning" : "note");
            String text = (c.applied() ? "" : "not changed: ") + c.message()
                    + (c.estimate() == null ? "" : " (" + c.estimate() + ", estimated)");
            res.putObject("message").put("text", text);
            ObjectNode region = location(res.putArray("locations").addObject(), path);
            region.put("startLine", Math.max(1, c.line()));
            region.put("endLine", Math.max(Math.max(1, c.line()), c.endLine()));
            ObjectNode props = res.putObject("properties");
            props.put("applied", c.applied());
            if (c.estimate() != null) props.put("estimate", c.estimate());
            MAPPER.writeTree(gen, res);
        }
    }

    @Override
    protected void writeError(String path, String message) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("level", "error");
        Matcher m = LOCATED.matcher(message);
        n.putObject("message").put("text", m.matches() ? m.group(4) : message);
        ObjectNode region = location(n.putArray("locations").addObject(), path);
        if (m.matches()) {
            region.put("startLine", Math.max(1, Integer.parseInt(m.group(2))));
            region.put("startColumn", Math.max(1, Integer.parseInt(m.group(3))));
        } else {
            region.put("startLine", 1);
        }
        notifications.add(n);
    }

    @Override
    protected void finish() throws IOException {
        gen.writeEndArray();
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
