package dev.whittle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.core.Level;
import dev.whittle.engine.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    private Path write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theNearestConfigAboveTheDockerfileApplies() throws Exception {
        write(".whittle.yaml", "level: safe\n");
        write("team/.whittle.yaml", "level: aggressive\npasses:\n  skip: [merge-runs]\nregistry: mirror.example.com/hub\n");
        Path top = write("svc/Dockerfile", "FROM x\n");
        Path team = write("team/api/Dockerfile", "FROM x\n");
        Settings s = new Settings(Settings.Flags.none());
        assertEquals(Level.SAFE, s.optionsFor(top).level());
        Optimizer.Options o = s.optionsFor(team);
        assertEquals(Level.AGGRESSIVE, o.level());
        assertEquals(Set.of("merge-runs"), o.skip());
        assertEquals("mirror.example.com/hub/", o.knowledge().registry(), "a trailing / is added");
    }

    @Test
    void aFolderTheSearchListedIsTrustedForWhetherItHoldsAConfig() throws Exception {
        write(".whittle.yaml", "level: safe\n");
        Path svc = write("svc/Dockerfile", "FROM x\n");
        Path api = write("api/Dockerfile", "FROM x\n");
        Settings s = new Settings(Settings.Flags.none());
        s.listed(svc.getParent(), java.util.List.of(svc));
        s.listed(api.getParent(), java.util.List.of(api, api.resolveSibling(".whittle.yaml")));
        // written after the search saw the folders: svc's listing said none, so only api's is looked at
        write("svc/.whittle.yaml", "level: aggressive\n");
        write("api/.whittle.yaml", "level: aggressive\n");
        assertEquals(Level.SAFE, s.optionsFor(svc).level());
        assertEquals(Level.AGGRESSIVE, s.optionsFor(api).level());
    }

    @Test
    void flagsOverrideTheConfigKeyTheyName() throws Exception {
        write(".whittle.yaml", "level: safe\npasses:\n  skip: [merge-runs]\n");
        Path f = write("Dockerfile", "FROM x\n");
        Settings s = new Settings(new Settings.Flags(Level.AGGRESSIVE, Set.of(), Set.of(), null, null, null, false, null));
        Optimizer.Options o = s.optionsFor(f);
        assertEquals(Level.AGGRESSIVE, o.level());
        assertEquals(Set.of("merge-runs"), o.skip(), "the config's skip stays: no --skip flag was given");
        Settings none = new Settings(new Settings.Flags(null, Set.of(), Set.of(), null, null, null, true, null));
        assertEquals(Level.BALANCED, none.optionsFor(f).level(), "--no-config");
    }

    @Test
    void templatesAreResolvedAgainstTheConfigFolder() throws Exception {
        write("ci/templates/catalog.yaml", "images: []\nendOfLife: []\nruntimes: {}\nglibc: {}\n");
        write(".whittle.yaml", "templates: ci/templates\n");
        ConfigFile c = ConfigFile.read(dir.resolve(".whittle.yaml"));
        assertEquals(dir.resolve("ci/templates").toAbsolutePath(), c.templates());
    }

    @Test
    void errorsNameTheFileLineAndColumn() throws Exception {
        Path unknownKey = write("a/.whittle.yaml", "level: safe\nlevle: balanced\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(unknownKey));
        assertTrue(e.getMessage().startsWith(unknownKey + ":2:"), e.getMessage());
        Path badPass = write("b/.whittle.yaml", "passes:\n  skip: [merge-runs, no-such-pass]\n");
        e = assertThrows(ConfigException.class, () -> ConfigFile.read(badPass));
        assertEquals(badPass + ":2:22: unknown pass 'no-such-pass' (see: whittle rules)", e.getMessage());
        Path badLevel = write("c/.whittle.yaml", "level: extreme\n");
        e = assertThrows(ConfigException.class, () -> ConfigFile.read(badLevel));
        assertEquals(badLevel + ":1:8: 'extreme' is not a level; use safe, balanced or aggressive", e.getMessage());
        Path f = write("b/Dockerfile", "FROM x\n");
        assertThrows(ConfigException.class, () -> new Settings(Settings.Flags.none()).optionsFor(f),
                "a Dockerfile under a broken config is not optimized with guessed settings");
    }

    @Test
    void anEmptyConfigSetsNothing() throws Exception {
        ConfigFile c = ConfigFile.read(write(".whittle.yml", "# nothing yet\n"));
        assertNull(c.level());
        assertTrue(c.skip().isEmpty());
    }

    // --- hostile config files: bounded reads, duplicate keys, binary files, FIFOs -------------------------------

    @Test
    void aHugeConfigIsRefusedWithoutReadingItWhole() throws Exception {
        Path huge = dir.resolve(".whittle.yaml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L << 20); // 200 MB, sparse: reading it whole would take 846 MB of heap
        }
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(huge));
        assertTrue(e.getMessage().startsWith(huge + ": larger than 64 KB"), e.getMessage());
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsPlace() throws Exception {
        Path p = write(".whittle.yaml", "level: safe\nregistry: a.example.com/\nlevel: aggressive\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(p));
        assertTrue(e.getMessage().startsWith(p + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("'level' is given twice"), e.getMessage());
        Path nested = write("n/.whittle.yaml", "passes:\n  skip: [merge-runs]\n  skip: [add-to-copy]\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigFile.read(nested)).getMessage().contains("'skip' is given twice"));
    }

    @Test
    void aBinaryOrNonUtf8ConfigSaysSo() throws Exception {
        Path bin = dir.resolve(".whittle.yaml");
        Files.write(bin, new byte[] {'l', 'e', 'v', 'e', 'l', ':', ' ', 0, 1, 2, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(bin));
        assertEquals(bin + ":1:8: binary file (a NUL byte); a config file is YAML text", e.getMessage());
        Path latin1 = dir.resolve("l/.whittle.yaml");
        Files.createDirectories(latin1.getParent());
        Files.write(latin1, "level: safe\nregistry: caf\u00e9/\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        e = assertThrows(ConfigException.class, () -> ConfigFile.read(latin1));
        assertEquals(latin1 + ":2:14: not UTF-8 text; a config file is YAML in UTF-8", e.getMessage());
    }

    @Test
    void aFifoAsConfigIsNotOpened() throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        ConfigException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(ConfigException.class, () -> ConfigFile.read(fifo)));
        assertEquals(fifo + ": cannot read: not a regular file", e.getMessage());
    }
}
