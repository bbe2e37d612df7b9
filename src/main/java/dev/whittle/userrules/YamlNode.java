package dev.whittle.userrules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written ({@code line}, {@code column}, 1-based), read with Jackson's YAML
 * parser token by token, so that every mistake in a rule can be named at its {@code file:line:col}.
 */
sealed interface YamlNode {
    int line();

    int column();

    /** A mapping; each key keeps its own place. */
    record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {}

    /** A key of a mapping, where it was written, and its value. */
    record Entry(String key, int line, int column, YamlNode value) {}

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {}

    /** A scalar as written (numbers and booleans too); {@code null} for YAML's null. */
    record Scalar(String value, int line, int column) implements YamlNode {}

    /** What a reader of the tree found wrong, at a place. */
    final class Problem extends Exception {
        final int line;
        final int column;

        Problem(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        Problem(YamlNode at, String message) {
            this(at.line(), at.column(), message);
        }
    }

    /** Reads a whole YAML document. */
    static YamlNode read(String text) throws Problem {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new Scalar(null, 1, 1);
            return value(p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Problem(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    e.getOriginalMessage().lines().findFirst().orElse("not YAML"));
        } catch (IOException e) {
            throw new Problem(1, 1, e.getMessage());
        }
    }

    private static YamlNode value(JsonParser p) throws IOException, Problem {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation k = p.currentTokenLocation();
                String key = p.currentName();
                if (entries.containsKey(key)) throw new Problem(k.getLineNr(), k.getColumnNr(), "'" + key + "' is given twice");
                p.nextToken();
                entries.put(key, new Entry(key, k.getLineNr(), k.getColumnNr(), value(p)));
            }
            return new Mapping(entries, line, column);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) items.add(value(p));
            return new Sequence(items, line, column);
        }
        if (t == JsonToken.VALUE_NULL) return new Scalar(null, line, column);
        return new Scalar(p.getText(), line, column);
    }
}
