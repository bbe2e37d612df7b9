package dev.whittle.userrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.whittle.config.ConfigException;
import dev.whittle.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading user rules: patterns, and every mistake refused at its file:line:col. */
class UserRulesTest {

    @TempDir
    Path dir;

    @Test
    void starStaysInOnePathPartDoubleStarCrossesThemAndEachCaptures() {
        ImageGlob node = ImageGlob.of("node:*");
        assertEquals(List.of("18-alpine"), node.match("node:18-alpine"));
        assertNull(node.match("node"), "no tag written: not node:*");
        assertNull(node.match("library/node:18"));
        assertNull(node.match("node:18/x"));
        ImageGlob org = ImageGlob.of("*/*:*");
        assertEquals(List.of("bitnami", "nginx", "1.25"), org.match("bitnami/nginx:1.25"));
        assertEquals(List.of("ghcr.io/acme/tools", "2"), ImageGlob.of("**:*").match("ghcr.io/acme/tools:2"));
        assertEquals("mirror/bitnami/nginx:1.25", ImageGlob.expand("mirror/{1}/{2}:{3}", org.match("bitnami/nginx:1.25")));
        assertNull(ImageGlob.of("Node:*").match("node:18"), "case counts: a reference is matched as written");
    }

    private String refusal(String yaml) throws Exception {
        Path config = dir.resolve(".whittle.yaml");
        Files.writeString(config, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(config));
        return e.getMessage().substring(config.toString().length() + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            rules: {id: x} => 1:8: 'rules' is a list of rules (- id: ...)
            rules:\\n  - id: a\\n    kind: map\\n => 3:11: 'map' is not a kind of rule; use map-image, rename-package, require-flags, forbid
            rules:\\n  - id: a\\n    kind: forbid\\n    instruction: ADD\\n    messag: x\\n => 5:5: unknown key 'messag' in a forbid rule (keys: id, kind, message, level, instruction, image, severity)
            rules:\\n  - id: a\\n    kind: forbid\\n    instruction: ADD\\n => 2:5: rule 'a' needs 'message'
            rules:\\n  - id: Golden_Node\\n    kind: forbid\\n    image: x\\n    message: m\\n => 2:9: rule id 'Golden_Node' must be lower-case letters, digits and '-' (it is written in # whittle ignore=ID)
            rules:\\n  - id: add-to-copy\\n    kind: forbid\\n    image: x\\n    message: m\\n => 2:9: 'add-to-copy' is a built-in pass; give the rule its own id
            rules:\\n  - id: m\\n    kind: map-image\\n    from: node:*\\n    to: mirror/node:{2}\\n => 5:9: 'to' uses {2} but 'node:*' has 1 wildcard(s)
            rules:\\n  - id: m\\n    kind: map-image\\n    from: node@sha256:ab\\n    to: x\\n => 4:11: 'node@sha256:ab': patterns match the reference without its digest: leave '@...' out
            rules:\\n  - id: m\\n    kind: map-image\\n    from: node:*\\n    to: x:{1}\\n    digest: refresh\\n => 6:13: digest: refresh needs a 'digests' table (IMAGE: sha256:...)
            rules:\\n  - id: m\\n    kind: map-image\\n    from: node:*\\n    to: x:{1}\\n    digest: pin\\n => 6:13: 'pin' is not a digest rule; use keep, drop or refresh
            rules:\\n  - id: r\\n    kind: rename-package\\n    manager: brew\\n    from: a\\n    to: b\\n => 4:14: 'brew' is not a package manager whittle knows; use apt, apk, dnf, yum, microdnf, zypper, pip, npm, gem
            rules:\\n  - id: f\\n    kind: require-flags\\n    manager: apt\\n    flags: [yes]\\n => 5:13: 'yes' is not an option: each entry starts with - (spellings that mean the same separated by |)
            rules:\\n  - id: f\\n    kind: forbid\\n    instruction: ADD\\n    image: x\\n    message: m\\n => 2:5: a forbid rule names one 'instruction' (ADD, MAINTAINER ...) or one 'image' pattern
            rules:\\n  - id: f\\n    kind: forbid\\n    image: x\\n    message: m\\n    severity: fatal\\n => 6:15: 'fatal' is not a severity; use error, warning or info
            rules:\\n  - {id: f, kind: forbid, image: x, message: m}\\n  - {id: f, kind: forbid, image: y, message: m}\\n => 3:10: rule id 'f' is used twice
            passes:\\n  skip: [no-such-rule]\\nrules:\\n  - {id: f, kind: forbid, image: x, message: m}\\n => 2:10: unknown pass 'no-such-rule' (see: whittle rules)
            """)
    void aBrokenRuleIsRefusedAtItsPlace(String yaml, String expected) throws Exception {
        assertEquals(expected, refusal(yaml.replace("\\n", "\n")));
    }

    @Test
    void aRuleIdIsAPassIdForTheConfigsOwnPassesLists() throws Exception {
        Path config = dir.resolve(".whittle.yaml");
        Files.writeString(config, "passes:\n  skip: [no-add]\nrules:\n  - {id: no-add, kind: forbid, instruction: ADD, message: m}\n");
        assertEquals(java.util.Set.of("no-add"), ConfigFile.read(config).skip());
    }
}
