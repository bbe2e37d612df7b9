package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.cli.Whittle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code whittle verify} end to end against a program with docker's command line that logs every call and
 * behaves as each test sets it up: no daemon needed, and what whittle asked of the engine can be checked.
 */
class CliEngineTest {
    @TempDir
    Path dir;

    /** A fake docker: {@code run -d} and {@code run} do what {@code runD} and {@code run} say; every call is logged. */
    private Path fakeDocker(String runD, String run, String build) throws Exception {
        Path script = dir.resolve("docker");
        Path log = dir.resolve("calls.log");
        Files.writeString(script, """
                #!/bin/bash
                printf '%%s\\x1f' "$@" >> %1$s; echo >> %1$s
                case "$1" in
                  info) exit 0;;
                  build) %4$s; exit 0;;
                  image) echo "1000 2"; exit 0;;
                  run) if [ "$2" = -d ]; then %2$s; else %3$s; fi;;
                  inspect) echo true;;
                  logs) echo "the app's log";;
                  rm|rmi|pod) exit 0;;
                  *) echo "fake docker: $1?" >&2; exit 1;;
                esac
                """.formatted(log, runD, run, build));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private List<List<String>> calls() throws Exception {
        List<List<String>> out = new ArrayList<>();
        Path log = dir.resolve("calls.log");
        if (!Files.exists(log)) return out;
        for (String line : Files.readAllLines(log)) {
            if (!line.isEmpty()) out.add(List.of(line.split("\u001f")));
        }
        return out;
    }

    private Path dockerfile(byte[] extra) throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Path df = app.resolve("Dockerfile");
        byte[] text = "FROM debian:bookworm-slim\nMAINTAINER someone@example.com\nCMD [\"/app\"]\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[extra.length + text.length];
        System.arraycopy(extra, 0, all, 0, extra.length);
        System.arraycopy(text, 0, all, extra.length, text.length);
        Files.write(df, all);
        return df;
    }

    private int verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Whittle.run(args, new PrintWriter(out), new PrintWriter(err));
        lastErr = err.toString();
        lastOut = out.toString();
        return code;
    }

    private String lastErr;
    private String lastOut;

    @Test
    void withNoEngineVerifySaysSoAndExitsTwo() {
        int code = verify("verify", "--engine", "no-such-engine", "testdata/examples/go-run-main/Dockerfile");
        assertEquals(2, code);
        assertTrue(lastErr.contains("no container engine works here (tried no-such-engine)"), lastErr);
    }

    @Test
    void anEngineThatCannotStartContainersIsCouldNotRunNotADifference() throws Exception {
        Path docker = fakeDocker("echo 'docker: Error response from daemon: failed to create task: operation not permitted' >&2; exit 125",
                "echo 'docker: Error response from daemon: cannot start' >&2; exit 125", "true");
        int code = verify("verify", "--engine", docker.toString(), "--no-contents", "--http", "8000/", "--ready", "2", "--timeout", "1",
                dockerfile(new byte[0]).toString());
        assertEquals(5, code, lastOut + lastErr);
        assertTrue(lastErr.contains("the check could not run: the engine could not run the original"), lastErr);
        code = verify("verify", "--engine", docker.toString(), "--no-contents", dockerfile(new byte[0]).toString());
        assertEquals(5, code, lastOut + lastErr);
    }

    @Test
    void everyDetachedContainerIsRemovedWhenTheRequestFailsEvenIfTheEnginePrintsWarnings() throws Exception {
        Path docker = fakeDocker("echo 'WARNING: The requested image platform does not match' >&2; echo 4f1e9c0ffee; exit 0", "exit 0", "true");
        int code = verify("verify", "--engine", docker.toString(), "--no-contents", "--http", "8000/health", "--ready", "2",
                "--timeout", "1", dockerfile(new byte[0]).toString());
        assertEquals(5, code, "neither image answered: " + lastOut + lastErr);
        List<String> started = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (List<String> c : calls()) {
            if (c.get(0).equals("run") && c.get(1).equals("-d")) started.add(c.get(c.indexOf("--name") + 1));
            if (c.get(0).equals("rm") && c.get(1).equals("-f")) removed.add(c.get(2));
        }
        assertEquals(2, started.size(), calls().toString());
        assertTrue(removed.containsAll(started), "started " + started + ", removed " + removed);
        for (String s : started) assertTrue(s.startsWith("whittle-"), s);
    }

    @Test
    void aPathThatIsNoUrlIsRefusedBeforeAnyContainerStarts() throws Exception {
        Path docker = fakeDocker("echo id; exit 0", "exit 0", "true");
        int code = verify("verify", "--engine", docker.toString(), "--http", "8000/search?q=a b", dockerfile(new byte[0]).toString());
        assertEquals(2, code);
        assertTrue(lastErr.contains("--http 8000/search?q=a b: the path is not a valid URL path"), lastErr);
        assertTrue(calls().stream().noneMatch(c -> c.get(0).equals("run")), calls().toString());
    }

    @Test
    void aDockerfileWithALatin1ByteIsVerified() throws Exception {
        Path docker = fakeDocker("exit 0", "echo hello; exit 0", "true");
        int code = verify("verify", "--engine", docker.toString(), "--no-contents", "--smoke", "/app --version",
                dockerfile("# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)).toString());
        assertEquals(0, code, lastOut + lastErr);
        assertTrue(lastOut.contains("verified"), lastOut);
    }

    @Test
    void sigtermStopsTheBuildAndRemovesTheTemporaryFolderAndImages() throws Exception {
        Path pidFile = dir.resolve("build.pid");
        Path docker = fakeDocker("exit 0", "exit 0", "echo $$ > " + pidFile + "; exec sleep 300");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "dev.whittle.cli.Whittle", "verify", "--engine", docker.toString(), dockerfile(new byte[0]).toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("whittle.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            assertTrue(System.nanoTime() < deadline && p.isAlive(), "the build never started: " + Files.readString(dir.resolve("whittle.out")));
            Thread.sleep(100);
        }
        long build = Long.parseLong(Files.readString(pidFile).strip());
        try (var s = Files.list(tmp)) {
            assertTrue(s.anyMatch(f -> f.getFileName().toString().startsWith("whittle-verify")), "the temporary folder exists while building");
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "whittle stopped");
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(build).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < stop) Thread.sleep(100);
        assertFalse(ProcessHandle.of(build).map(ProcessHandle::isAlive).orElse(false), "the build was stopped");
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("whittle-verify")).toList());
        }
        assertTrue(calls().stream().anyMatch(c -> c.get(0).equals("rmi") && c.get(c.size() - 1).endsWith("-before")),
                "the image being built is removed: " + calls());
    }
}
