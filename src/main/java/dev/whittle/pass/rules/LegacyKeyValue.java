package dev.whittle.pass.rules;

import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.Style;
import dev.whittle.core.Change;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;

/** {@code ENV key value} becomes {@code ENV key=value} (and the same for LABEL). */
public final class LegacyKeyValue implements Pass {
    private static final PassInfo INFO = new PassInfo("legacy-key-value", "ENV/LABEL key=value form",
            "Write ENV and LABEL as key=value; the space-separated form is deprecated.",
            Level.SAFE, List.of("LegacyKeyValueFormat"),
            "`ENV key value` takes the whole rest of the line as the value, so `ENV A 1 B 2` sets A to \"1 B 2\" "
                    + "and readers are misled; BuildKit warns (LegacyKeyValueFormat). whittle writes key=value "
                    + "with the same value: as it was when it has no whitespace, in double quotes when it has "
                    + "whitespace but no quotes or escapes. A value with both whitespace and quotes or escape "
                    + "characters, or an instruction that spans lines, is reported and left alone, since "
                    + "re-quoting it is a judgement a reviewer should make.");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            if (i.kind() != Keyword.ENV && i.kind() != Keyword.LABEL) continue;
            List<String> v = i.command().values();
            if (v.size() != 3 || !v.get(2).isEmpty()) continue; // key=value already
            String key = v.get(0);
            String value = v.get(1);
            String keyword = i.command().keyword().toUpperCase(java.util.Locale.ROOT);
            String written = writtenValue(value, file.escape());
            if (written == null || i.text().indexOf('\n') >= 0 || key.contains("=")) {
                String shown = key.length() <= 40 ? key : key.substring(0, 37) + "...";
                edits.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(),
                        "legacy `" + keyword + " key value` form: rewrite it as " + keyword + " " + shown
                                + "=\"...\" by hand (the value needs re-quoting or spans lines)")));
                continue;
            }
            String cr = i.text().endsWith("\r") ? "\r" : "";
            String text = Style.keyword(i, keyword) + " " + key + "=" + written + cr;
            edits.add(Edit.replace(i, text, Change.rewrite(INFO.id(), i.line(), i.endLine(),
                    keyword + " " + Commands.shorten(key, 40) + " value → " + keyword + " " + Commands.shorten(key, 40)
                            + "=value (same value)")));
        }
        return edits;
    }

    /** The value as a key=value word that gives the same result, or null when that needs judgement. */
    static String writtenValue(String value, char escape) {
        boolean space = false;
        boolean special = false;
        for (char c : value.toCharArray()) {
            if (Character.isWhitespace(c)) space = true;
            if (c == '"' || c == '\'' || c == escape || c == '\\') special = true;
        }
        if (value.isEmpty()) return null;
        if (!space) return value;
        // one quoted word (ENV SECRET 'a b c'): both forms remove the same quotes, so the word stays as written
        if (dev.whittle.facts.StageFacts.oneQuotedWord(value) && (value.startsWith("'") || value.indexOf(escape) < 0)) return value;
        if (special) return null;
        return "\"" + value + "\"";
    }
}
