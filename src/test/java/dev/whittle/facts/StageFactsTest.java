package dev.whittle.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.whittle.syntax.DockerfileReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StageFactsTest {

    private static StageFacts facts(String dockerfile) {
        return StageFacts.of(DockerfileReader.read(dockerfile, false).stages().get(0), "/go");
    }

    @Test
    void variablesAreLookedUpByTheirWholeNameWhateverTheMapOrder() {
        Map<String, String> env = Map.of("PATH", "/usr/bin", "GOPATH", "/go", "GOSRC", "/go/src", "GO", "x");
        // every order of the entries gives the same answer ($PATH inside $GOPATH was once replaced first)
        List<Map.Entry<String, String>> entries = new ArrayList<>(env.entrySet());
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(entries, random);
            Map<String, String> ordered = new LinkedHashMap<>();
            entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
            assertEquals("/go/src/github.com/a/b:/go/bin:/usr/bin",
                    StageFacts.expand("${GOSRC}/github.com/a/b:$GOPATH/bin:$PATH", ordered));
        }
    }

    @Test
    void aVariableWhittleCannotExpandMakesTheWordUnknown() {
        Map<String, String> env = new HashMap<>(Map.of("A", "/a", "RAW", "$UNSET/x"));
        assertNull(StageFacts.expand("$B/c", env), "not set");
        assertNull(StageFacts.expand("${A:-/d}", env), "a default is another form");
        assertNull(StageFacts.expand("$1/x", env), "a positional parameter");
        assertNull(StageFacts.expand("$RAW", env), "a value that is itself not known");
        assertNull(StageFacts.expand("${A", env), "no closing brace");
        assertEquals("/a_b", StageFacts.expand("${A}_b", env));
        assertNull(StageFacts.expand("$A_b", env), "the name is A_b, which is not set");
    }

    @Test
    void envValuesAreExpandedWhereTheyAreDefinedAsTheBuildDoes() {
        StageFacts f = facts("""
                FROM golang:1.21
                ENV GOHOME=/home/go
                ENV GOPATH=$GOHOME/go GOSRC=$GOHOME/go/src
                ENV LATER=$DEFINED_BELOW/x
                ENV DEFINED_BELOW=/below
                ENV QUOTED='$GOHOME'
                ENV abc=hello
                ENV abc=bye def=$abc
                WORKDIR $GOSRC/app
                """);
        // one ENV's values see the variables from before it (Docker's own example)
        assertEquals("hello", f.env().get("def"));
        assertEquals("bye", f.env().get("abc"));
        assertEquals("/home/go/go", f.env().get("GOPATH"));
        assertEquals("/home/go/go/src/app", f.workdir());
        // LATER was set before DEFINED_BELOW existed: the build gives it another value, whittle does not know it
        assertNull(StageFacts.expand("$LATER", f.env()));
        // single quotes keep the dollar: not expanded, so not known
        assertNull(StageFacts.expand("$QUOTED", f.env()));
    }
}
