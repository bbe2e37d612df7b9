package dev.whittle.edit;

import dev.whittle.facts.Commands;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.whittle.shell.SimpleCommand;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.tree.Dockerfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shell-level edits written back into the instruction text, layout kept. */
class RunScriptTest {

    private static RunScript run(String dockerfile) {
        Dockerfile d = DockerfileReader.read("FROM x\n" + dockerfile + "\n", false);
        return RunScript.of(d.instructions().get(1), d);
    }

    @Test
    void aSessionParsesEachBodyOnceAndForgetsItWhenClosed() {
        String body = "apt-get update && apt-get install -y curl";
        dev.whittle.shell.Script outside = RunScript.parse(body);
        assertNotSame(outside, RunScript.parse(body), "outside a session every parse is new");
        dev.whittle.shell.Script first;
        try (FileSession file = FileSession.open()) {
            first = RunScript.parse(body);
            assertSame(first, RunScript.parse(body), "one parse per body in a session");
            try (FileSession inner = FileSession.open()) {
                assertNotSame(first, RunScript.parse(body), "a session inside another has its own bodies");
            }
            assertSame(first, RunScript.parse(body), "closing the inner session brings the outer one back");
        }
        assertNotSame(first, RunScript.parse(body), "nothing outlives the session");
        assertEquals(first.commands().size(), outside.commands().size());
    }

    @Test
    void mentionsFindsAProgramNameAnywhereInARunAndNowhereElse() {
        Dockerfile d = DockerfileReader.read("FROM golang\nRUN /usr/bin/microdnf install -y x > /log\n"
                + "ENV apt=1\nRUN echo hi\n", false);
        dev.whittle.tree.Instruction dnf = d.instructions().get(1);
        assertTrue(RunScript.mentions(dnf, "yum", "dnf"), "a word inside a longer name counts (microdnf)");
        assertTrue(RunScript.mentions(dnf, ">"));
        assertTrue(RunScript.mentions(dnf, "install"), "a word outside the scanned vocabulary is looked for too");
        assertFalse(RunScript.mentions(dnf, "apt", "go"));
        assertFalse(RunScript.mentions(d.instructions().get(0), "go"), "not a RUN");
        assertFalse(RunScript.mentions(d.instructions().get(2), "apt"), "not a RUN");
        assertFalse(RunScript.mentions(d.instructions().get(3), "printf", "apk"));
        assertTrue(RunScript.mentions(d.instructions().get(3), "echo"));
        Dockerfile ends = DockerfileReader.read("FROM x\nRUN true && go\nRUN a>b\nRUN g\n", false);
        assertTrue(RunScript.mentions(ends.instructions().get(1), "go"), "a word that ends the text");
        assertTrue(RunScript.mentions(ends.instructions().get(2), ">"), "a one-character word");
        assertFalse(RunScript.mentions(ends.instructions().get(3), "go", "gem"), "half a word at the end");
    }

    @Test
    void insertsAfterAWordOnAContinuedLine() {
        RunScript s = run("RUN apt-get update \\\n    && apt-get install -y \\\n       curl");
        SimpleCommand install = s.script().commands().get(1);
        s.insertAfter(Commands.subcommand(install, Set.of("install")), "--no-install-recommends");
        assertEquals("RUN apt-get update \\\n    && apt-get install --no-install-recommends -y \\\n       curl", s.text());
    }

    @Test
    void removesFirstMiddleAndLastSteps() {
        String text = "RUN a \\\n    && b \\\n    && c";
        RunScript first = run(text);
        assertTrue(first.removeStep(0));
        assertEquals("RUN b \\\n    && c", first.text());
        RunScript middle = run(text);
        assertTrue(middle.removeStep(1));
        assertEquals("RUN a \\\n    && c", middle.text());
        RunScript last = run(text);
        assertTrue(last.removeStep(2));
        assertEquals("RUN a \\\n    && b", last.text());
    }

    @Test
    void refusesToRemoveAcrossACommentOrANonAndConnector() {
        RunScript comment = run("RUN a && \\\n# note\n    b && c");
        assertFalse(comment.removeStep(0));
        RunScript semicolon = run("RUN a; b && c");
        assertFalse(semicolon.removeStep(0));
        assertFalse(semicolon.edited());
    }

    @Test
    void appendsInTheRunsOwnStyle() {
        assertEquals("RUN a && b && c", run("RUN a && b").append("c").text());
        assertEquals("RUN a \\\n  && b \\\n  && c", run("RUN a \\\n  && b").append("c").text());
        assertEquals("RUN a && \\\n\tb && \\\n\tc", run("RUN a && \\\n\tb").append("c").text());
        String longLine = "RUN " + "x".repeat(95);
        assertEquals(longLine + " && \\\n    c", run(longLine).append("c").text());
    }

    @Test
    void keepsCrlfLineEnds() {
        Dockerfile d = DockerfileReader.read("FROM x\r\nRUN a && \\\r\n    b\r\n", false);
        RunScript s = RunScript.of(d.instructions().get(1), d);
        assertEquals("RUN a && \\\r\n    b && \\\r\n    c\r", s.append("c").text());
    }

    @Test
    void appendingIsRefusedAfterATrailingSeparatorOrComment() {
        assertFalse(run("RUN a;").canAppend());
        assertFalse(run("RUN a # done").canAppend());
        assertTrue(run("RUN a && b").canAppend());
    }

    @Test
    void onlyShellFormRunsWithoutHeredocsAreScripts() {
        assertNull(run("RUN [\"a\", \"b\"]"));
        assertNull(run("RUN <<EOT\na\nEOT"));
        assertNull(run("CMD a"));
    }

    @Test
    void writtenBodyStartsAfterTheFlags() {
        assertEquals("a \\\n  && b", run("RUN --network=none a \\\n  && b").writtenBody());
    }
}
