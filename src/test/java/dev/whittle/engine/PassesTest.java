package dev.whittle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.pass.Pass;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each pass is found from its id: its class is the id in CamelCase. */
class PassesTest {

    /** {@code go-get-to-install} → {@code GoGetToInstall}. */
    static String className(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return out.toString();
    }

    @Test
    void everyPassIsAClassNamedAfterItsId() {
        Set<String> ids = new HashSet<>();
        Set<Class<?>> classes = new HashSet<>();
        for (Pass p : Passes.ALL) {
            String id = p.info().id();
            assertTrue(id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "a lower-case kebab id: " + id);
            assertTrue(ids.add(id), "one pass per id: " + id);
            assertTrue(classes.add(p.getClass()), "one id per class: " + p.getClass().getSimpleName());
            assertEquals(className(id), p.getClass().getSimpleName(), "the class of " + id);
            assertEquals(p, Passes.byId(id));
        }
    }
}
