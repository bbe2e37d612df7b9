package dev.whittle.report;

import dev.whittle.core.Change;
import dev.whittle.core.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The report as a Code Climate issue array, the format of GitLab's code quality widget
 * ({@code artifacts: reports: codequality}): per change or finding {@code type}, {@code check_name} (the pass
 * id), {@code description}, {@code severity} (rewrite: minor, finding: info; a user rule's error: major,
 * warning: minor, info: info), {@code location.path} and {@code location.lines}, and a {@code fingerprint}
 * that stays the same when lines move (a hash of path, pass, message and how many times that triple came
 * before), so GitLab tells new issues from old ones. A file that could not be read is a critical issue.
 */
public final class CodeClimateReport extends JsonStreamReport {

    private final Map<String, Integer> seen = new HashMap<>();

    public CodeClimateReport(Writer out) {
        super(out);
        try {
            gen.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException {
        for (Change c : changes) {
            issue(c.passId(), c.text(), severity(Severity.of(c)), relative(path), Math.max(1, c.line()),
                    Math.max(Math.max(1, c.line()), c.endLine()));
        }
    }

    @Override
    protected void writeError(String path, String message) throws IOException {
        Located at = Located.of(path, message);
        issue("bad-input", at.text(), "critical", relative(path), at.line(), at.line());
    }

    private void issue(String check, String description, String severity, String path, int begin, int end)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "issue");
        gen.writeStringField("check_name", check);
        gen.writeStringField("description", description);
        gen.writeStringField("severity", severity);
        gen.writeStringField("fingerprint", fingerprint(path, check, description));
        gen.writeObjectFieldStart("location");
        gen.writeStringField("path", path);
        gen.writeObjectFieldStart("lines");
        gen.writeNumberField("begin", begin);
        gen.writeNumberField("end", end);
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private String fingerprint(String path, String check, String description) {
        String key = path + '\0' + check + '\0' + description;
        int n = seen.merge(key, 1, Integer::sum);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((key + '\0' + n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String severity(Severity s) {
        return switch (s) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }

    @Override
    protected void finish() throws IOException {
        gen.writeEndArray();
    }
}
