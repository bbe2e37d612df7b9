package dev.whittle.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the two answers to an HTTP check are compared: the statuses always, and the bodies byte for byte
 * ({@code exact}), as JSON with some fields ignored ({@code json}, {@code --ignore-json PATH}), by a regular
 * expression both must contain ({@code regex}), or not at all ({@code status}).
 */
public record BodyMatch(Mode mode, List<String> ignored, Pattern regex) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Mode {
        EXACT, JSON, REGEX, STATUS;

        public static Mode parse(String text) {
            for (Mode m : values()) if (m.name().equalsIgnoreCase(text)) return m;
            throw new IllegalArgumentException("--compare " + text + ": use exact, json, regex or status");
        }
    }

    public static final BodyMatch EXACT = new BodyMatch(Mode.EXACT, List.of(), null);

    public BodyMatch {
        ignored = List.copyOf(ignored);
    }

    /**
     * The comparison the options ask for.
     *
     * @param mode    --compare (null: json when fields are ignored, regex when a pattern is given, else exact)
     * @param ignored --ignore-json paths: JSON pointers ({@code /disk/free}), {@code *} for any key or element
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public static BodyMatch of(String mode, List<String> ignored, String regex) {
        Mode m = mode != null ? Mode.parse(mode) : !ignored.isEmpty() ? Mode.JSON : regex != null ? Mode.REGEX : Mode.EXACT;
        if (!ignored.isEmpty() && m != Mode.JSON) throw new IllegalArgumentException("--ignore-json needs --compare json");
        if (regex != null && m != Mode.REGEX) throw new IllegalArgumentException("--body-regex needs --compare regex");
        if (m == Mode.REGEX && regex == null) throw new IllegalArgumentException("--compare regex needs --body-regex REGEX");
        for (String p : ignored) {
            if (!p.startsWith("/") || p.length() == 1) {
                throw new IllegalArgumentException("--ignore-json " + p + ": expected a JSON pointer such as /disk/free or /items/*/id");
            }
        }
        try {
            return new BodyMatch(m, ignored, regex == null ? null : Pattern.compile(regex, Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--body-regex: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    public String describe() {
        return switch (mode) {
            case EXACT -> "status and body";
            case JSON -> "status and JSON body" + (ignored.isEmpty() ? "" : " ignoring " + String.join(", ", ignored));
            case REGEX -> "status, and the body matches /" + regex.pattern() + "/";
            case STATUS -> "status only";
        };
    }

    /** Why two answers are not the same under this comparison, or null when they are. */
    String differs(Http.Answer before, Http.Answer after) {
        if (before.status() != after.status()) return "status " + before.status() + " against " + after.status();
        return switch (mode) {
            case STATUS -> null;
            case EXACT -> before.body().equals(after.body()) ? null : "the bodies differ";
            case REGEX -> regex.matcher(after.body()).find() ? null : "the rewrite's body does not match /" + regex.pattern() + "/";
            case JSON -> json(before.body(), after.body());
        };
    }

    /** Whether the original's own answer can be compared at all (its body is JSON, matches the pattern). */
    String unusable(Http.Answer before) {
        if (mode == Mode.REGEX && !regex.matcher(before.body()).find()) {
            return "the original's body does not match /" + regex.pattern() + "/ either";
        }
        if (mode == Mode.JSON) {
            try {
                JSON.readTree(before.body());
            } catch (JsonProcessingException e) {
                return "the original's body is not JSON (" + e.getOriginalMessage() + ")";
            }
        }
        return null;
    }

    private String json(String before, String after) {
        JsonNode b;
        JsonNode a;
        try {
            b = JSON.readTree(before);
        } catch (JsonProcessingException e) {
            return "the original's body is not JSON";
        }
        try {
            a = JSON.readTree(after);
        } catch (JsonProcessingException e) {
            return "the rewrite's body is not JSON";
        }
        if (b == null || a == null) return b == a ? null : "one body is empty";
        b = b.deepCopy();
        a = a.deepCopy();
        for (String p : ignored) {
            List<String> steps = steps(p);
            remove(b, steps, 0);
            remove(a, steps, 0);
        }
        return b.equals(NUMBERS, a) ? null : "the JSON bodies differ" + (ignored.isEmpty() ? "" : " (outside " + String.join(", ", ignored) + ")");
    }

    /** Numbers compare by value (1 == 1.0), everything else as Jackson compares it. */
    private static final Comparator<JsonNode> NUMBERS = (x, y) -> {
        if (x.isNumber() && y.isNumber()) return x.decimalValue().compareTo(y.decimalValue());
        return x.equals(y) ? 0 : 1;
    };

    private static List<String> steps(String pointer) {
        List<String> out = new ArrayList<>();
        for (String s : pointer.substring(1).split("/", -1)) out.add(s.replace("~1", "/").replace("~0", "~"));
        return out;
    }

    private static void remove(JsonNode node, List<String> steps, int i) {
        String step = steps.get(i);
        boolean last = i == steps.size() - 1;
        if (node instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>();
            if (step.equals("*")) o.fieldNames().forEachRemaining(keys::add);
            else if (o.has(step)) keys.add(step);
            for (String k : keys) {
                if (last) o.remove(k);
                else remove(o.get(k), steps, i + 1);
            }
        } else if (node instanceof ArrayNode arr) {
            List<Integer> idx = new ArrayList<>();
            if (step.equals("*")) for (int k = 0; k < arr.size(); k++) idx.add(k);
            else if (step.matches("[0-9]+") && Integer.parseInt(step) < arr.size()) idx.add(Integer.parseInt(step));
            for (int k = idx.size() - 1; k >= 0; k--) {
                if (last) arr.remove(idx.get(k));
                else remove(arr.get(idx.get(k)), steps, i + 1);
            }
        }
    }

    @Override
    public String toString() {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
