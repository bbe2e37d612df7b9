package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whittle.CorpusSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User rules through the commands: rules, explain, check's exit code, SARIF, --only, and a batch's summary. */
class UserRulesCommandTest {

    @TempDir
    Path dir;

    static final String CONFIG = """
            rules:
              - id: golden-node
                kind: map-image
                from: "node:*"
                to: "registry.example.com/golden/node:{1}"
                message: Node services build on the golden image
              - id: no-latest
                kind: forbid
                image: "*:latest"
                severity: error
                message: pin a tag
            """;

    private Path config() throws Exception {
        Path c = dir.resolve(".whittle.yaml");
        Files.writeString(c, CONFIG);
        return c;
    }

    @Test
    void rulesAndExplainShowTheUserRules() throws Exception {
        Path c = config();
        String rules = ParseCommandTest.run("rules", "--config", c.toString()).out();
        assertTrue(rules.contains("user rules of " + c + ":\ngolden-node            safe       Node services build on the golden image\n"), rules);
        String explain = ParseCommandTest.run("explain", "--config", c.toString(), "golden-node").out();
        assertTrue(explain.startsWith("golden-node: user rule (map-image)\n"), explain);
        assertTrue(explain.contains("Writes every image that matches node:* (as written), as registry.example.com/golden/node:{1}"), explain);
        assertTrue(explain.contains("A user rule from " + c + ":2 "), explain);
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("explain", "--no-config", "golden-node").code());
    }

    @Test
    void checkFailsOnAUserRulesErrorAndSarifListsTheRules() throws Exception {
        config();
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM node:20-slim\nCOPY --from=alpine:latest /etc/os-release /tmp/\nCMD [\"node\"]\n");
        ParseCommandTest.Result check = ParseCommandTest.run("check", "--only", "no-latest", f.toString());
        assertEquals(ExitCodes.CHANGES, check.code(), "an error finding fails the check, with nothing to rewrite");
        assertTrue(check.err().contains(f + ":2: [no-latest] not changed: image alpine:latest is forbidden: pin a tag"), check.err());
        JsonNode sarif = BatchCommandTest.assertValidSarif(ParseCommandTest.run("check", "--format", "sarif", f.toString()).out());
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        int golden = -1;
        for (int k = 0; k < rules.size(); k++) if (rules.get(k).get("id").asText().equals("golden-node")) golden = k;
        assertTrue(golden >= 0, rules.toString());
        boolean mapped = false;
        boolean error = false;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("golden-node")) {
                assertEquals(golden, r.get("ruleIndex").asInt());
                assertEquals("warning", r.get("level").asText());
                mapped = true;
            }
            if (r.get("ruleId").asText().equals("no-latest")) error = r.get("level").asText().equals("error");
        }
        assertTrue(mapped && error, run.get("results").toString());
        // and suppressed above the instruction like any pass
        Files.writeString(f, "# whittle ignore=golden-node\nFROM node:20-slim\nCMD [\"node\"]\n");
        assertTrue(!ParseCommandTest.run("check", f.toString()).err().contains("golden-node"));
    }

    @Test
    void aBrokenRuleRefusesTheFilesUnderItWithItsPosition() throws Exception {
        Files.writeString(dir.resolve(".whittle.yaml"), "rules:\n  - id: m\n    kind: map-image\n    from: \"node:*\"\n"
                + "    to: \"golden/node:{3}\"\n");
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM node:20\n");
        ParseCommandTest.Result r = ParseCommandTest.run("check", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains(dir.resolve(".whittle.yaml") + ":5:9: 'to' uses {3} but 'node:*' has 1 wildcard(s)"), r.err());
    }

    @Test
    void aBatchOverTheCorpusShowsTheMappingRuleInItsSummary() throws Exception {
        Path c = config();
        Path sample = CorpusSample.files().get(0).getParent();
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--config", c.toString(), sample.toString());
        Matcher m = Pattern.compile("\\ngolden-node +([0-9,]+) +([0-9,]+)\\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        int rewrites = Integer.parseInt(m.group(1).replace(",", ""));
        assertTrue(rewrites > 50, "node:* images in a 5,252-file sample of Docker Hub: " + rewrites);
        Matcher latest = Pattern.compile("\\nno-latest +0 +([0-9,]+)\\n").matcher(r.out());
        assertTrue(latest.find(), r.out());
    }
}
