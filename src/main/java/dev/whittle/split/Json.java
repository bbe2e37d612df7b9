package dev.whittle.split;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whittle.tree.Instruction;
import java.util.List;

/** Exec-form (JSON array) arguments, written in the spacing of an instruction of the file. */
public final class Json {
    private Json() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** {@code ["a", "b"]}, or {@code ["a","b"]} when {@code like} is written without spaces. */
    public static String array(List<String> values, Instruction like) {
        boolean tight = like != null && like.command().json() && like.text().contains("\",\"");
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) out.append(tight ? "," : ", ");
            try {
                out.append(MAPPER.writeValueAsString(values.get(k)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.append(']').toString();
    }
}
