package dev.whittle.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Dockerfile. Printing it ({@link #print()}) gives back the exact input.
 *
 * @param bom          "\uFEFF" when the file starts with a UTF-8 byte order mark, else ""
 * @param directives   the parser directives at the top
 * @param instructions the instructions, each with the trivia before it
 * @param trailing     blank and comment lines after the last instruction
 * @param escape       the escape character in force (\ or `)
 */
public record Dockerfile(String bom, List<Directive> directives, List<Instruction> instructions, String trailing,
                         char escape) {

    public Dockerfile {
        directives = List.copyOf(directives);
        instructions = List.copyOf(instructions);
    }

    /** The text of the file, exactly as parsed (or as the passes rewrote it). */
    public String print() {
        int length = bom.length() + trailing.length();
        for (Directive d : directives) length += d.text().length();
        for (Instruction i : instructions) length += i.prefix().length() + i.text().length() + i.eol().length();
        StringBuilder out = new StringBuilder(length);
        out.append(bom);
        for (Directive d : directives) out.append(d.text());
        for (Instruction i : instructions) {
            out.append(i.prefix()).append(i.text()).append(i.eol());
        }
        return out.append(trailing).toString();
    }

    /** The stages, in order; instructions before the first FROM (global ARGs) belong to none. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= instructions.size(); i++) {
            if (i == instructions.size() || instructions.get(i).kind() == Keyword.FROM) {
                if (start >= 0) {
                    stages.add(new Stage(stages.size(), instructions.get(start),
                            instructions.subList(start + 1, i), start));
                }
                start = i;
            }
        }
        return stages;
    }

    public Dockerfile withInstructions(List<Instruction> newInstructions) {
        return new Dockerfile(bom, directives, newInstructions, trailing, escape);
    }

    /** The directive value ({@code escape}, {@code syntax}, {@code check}) or null. */
    public String directive(String name) {
        for (Directive d : directives) {
            if (d.name().equals(name)) return d.value();
        }
        return null;
    }
}
