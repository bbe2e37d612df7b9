package dev.whittle.split;

import dev.whittle.split.Plan.Copy;
import dev.whittle.edit.Trivia;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a split's runtime stage with the language's template, in the file's own style. */
public final class RuntimeStage {
    private RuntimeStage() {}

    /** The runtime stage's text, lines ending in the file's line break, no trailing line break. */
    public static String render(Split split, Knowledge knowledge, Dockerfile file) {
        RuntimeTemplates templates = knowledge.templates();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("comment", List.of("runtime: only what the app needs to run (whittle split-build-runtime)"));
        s.put("image", knowledge.imageRef(split.image()));
        s.put("builder", split.builderName());
        s.put("args", split.args());
        s.put("install", split.install());
        s.put("certs", split.certificates());
        s.put("zoneinfo", split.zoneinfo());
        s.put("env", split.env());
        String workdir = split.facts().workdir();
        s.put("workdir", workdir == null || workdir.equals("/") ? null : workdir);
        List<Map<String, String>> copies = new ArrayList<>();
        for (Copy c : split.copies()) {
            Map<String, String> copy = new LinkedHashMap<>();
            copy.put("from", c.from());
            copy.put("to", c.to());
            if (c.chown() != null) copy.put("chown", c.chown());
            copies.add(copy);
        }
        s.put("copies", copies);
        List<String> carried = new ArrayList<>();
        List<String> start = new ArrayList<>();
        List<String> rewritten = split.plan().start() == null ? null : split.plan().start().apply(split.candidate());
        for (Instruction i : split.moved()) {
            boolean startLine = i.kind() == Keyword.CMD || i.kind() == Keyword.ENTRYPOINT;
            String text = withComments(i);
            if (!startLine) carried.add(text);
            else if (rewritten == null) start.add(text);
            else if (start.isEmpty()) {
                start.add(Trivia.commentBlock(i.prefix()).stripTrailing());
                start.addAll(rewritten);
            }
        }
        start.removeIf(String::isEmpty);
        s.put("carried", carried);
        s.put("user", split.user());
        s.put("start", start);
        s.put("venv", split.plan().venv());
        String text = templates.render(split.plan().language(), s);
        return style(tidy(text), file);
    }

    /** The instruction's text with the comment lines right above it. */
    private static String withComments(Instruction i) {
        String comments = Trivia.commentBlock(i.prefix());
        return comments.stripLeading() + i.text();
    }

    /** Blank lines from empty template parts removed, no trailing blanks. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            if (line.isBlank()) continue;
            if (out.length() > 0) out.append('\n');
            out.append(line.stripTrailing());
        }
        return out.toString();
    }

    /** Lower-case keywords when the file writes them so; CRLF when the file uses it. */
    private static String style(String text, Dockerfile file) {
        Instruction first = file.instructions().get(0);
        String kw = first.command().keyword();
        boolean lower = kw.equals(kw.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder();
        boolean continued = false;
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) out.append(first.eol().equals("\r\n") ? "\r\n" : "\n");
            String word = line.split("[ \\t]", 2)[0];
            if (lower && !continued && Keyword.of(word) != Keyword.UNKNOWN && word.equals(word.toUpperCase(Locale.ROOT))) {
                line = word.toLowerCase(Locale.ROOT) + line.substring(word.length());
            }
            out.append(line);
            continued = !line.startsWith("#") && line.endsWith(String.valueOf(file.escape()));
        }
        return out.toString();
    }
}
