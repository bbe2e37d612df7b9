package dev.whittle.engine;

import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.core.Change;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.tree.Dockerfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static Optimizer.Result run(String text, Optimizer.Options o) {
        return Optimizer.optimize(DockerfileReader.read(text.getBytes(StandardCharsets.UTF_8)), o);
    }

    @Test
    void untouchedInstructionsKeepTheirBytesAndLinesReferToTheInput() {
        String in = "# c\nFROM a   # not a comment\n\nRUN x \\\n  # inner\n  y\nADD f /f\n";
        Optimizer.Result r = run(in, Optimizer.Options.of(Level.SAFE));
        assertEquals("# c\nFROM a   # not a comment\n\nRUN x \\\n  # inner\n  y\nCOPY f /f\n", r.output().print());
        assertEquals(List.of(7), r.changes().stream().map(Change::line).toList());
    }

    @Test
    void linesReferToTheInputAfterEarlierPassesRemovedAndMergedInstructions() {
        String in = "FROM debian:12\n"            // 1
                + "ARG GIT_TOKEN\n"               // 2: removed (aggressive)
                + "RUN curl -H \"Authorization: Bearer $GIT_TOKEN\" https://x/y\n" // 3
                + "RUN apt-get update\n"          // 4
                + "# tools\n"                     // 5
                + "RUN apt-get install -y \\\n"  // 6
                + "      make\n"                  // 7
                + "ENV A 1\n";                    // 8
        Optimizer.Result r = run(in, Optimizer.Options.of(Level.AGGRESSIVE));
        assertEquals("FROM debian:12\n"
                + "RUN --mount=type=secret,id=git_token export GIT_TOKEN=\"$(cat /run/secrets/git_token)\" && curl -H "
                + "\"Authorization: Bearer $GIT_TOKEN\" https://x/y\n"
                + "RUN apt-get update && \\\n"
                + "    # tools\n"
                + "    apt-get install --no-install-recommends -y \\\n"
                + "      make && \\\n"
                + "    rm -rf /var/lib/apt/lists/*\n"
                + "ENV A=1\n", r.output().print());
        List<String> where = r.changes().stream().map(c -> c.passId() + "@" + c.line() + "-" + c.endLine()).toList();
        assertEquals(List.of("secret-arg-to-mount@2-2", "merge-runs@4-7", "apt-lists-cleanup@4-7",
                "apt-no-install-recommends@4-7", "legacy-key-value@8-8"), where);
    }

    /** The file with its first instruction's text replaced, as a pass would leave it before the re-read. */
    private static Dockerfile editedFirst(String file, String newText) {
        Dockerfile d = DockerfileReader.read(file, false);
        List<dev.whittle.tree.Instruction> all = new java.util.ArrayList<>(d.instructions());
        all.set(0, new dev.whittle.tree.Instruction(all.get(0).prefix(), newText, all.get(0).eol(), all.get(0).line(),
                all.get(0).endLine(), all.get(0).command(), all.get(0).heredocs(), false));
        return new Dockerfile(d.bom(), d.directives(), all, d.trailing(), d.escape());
    }

    @Test
    void aRewrittenInstructionIsReadAloneOnlyWhenThatReadsItAsTheWholeFileWould() {
        String file = "RUN a\n# note\nCOPY x /x\n";
        List<Boolean> firstRewritten = List.of(true, false);
        Dockerfile spliced = Optimizer.splice(editedFirst(file, "RUN a && b"), firstRewritten);
        assertEquals(DockerfileReader.read("RUN a && b\n# note\nCOPY x /x\n", false), spliced);
        // a continuation left open would swallow the comment and COPY: read alone, it would not
        assertNull(Optimizer.splice(editedFirst(file, "RUN a && \\"), firstRewritten));
        // a heredoc that never ends would too (alone it does not even read)
        assertNull(Optimizer.splice(editedFirst(file, "RUN cat <<EOF"), firstRewritten));
        // a text that starts with a comment belongs to the trivia before it
        assertNull(Optimizer.splice(editedFirst(file, "# c\nRUN a"), firstRewritten));
    }

    @Test
    void nothingToDoReturnsTheSameTree() {
        Dockerfile in = DockerfileReader.read("FROM a\nCOPY x /x\n".getBytes(StandardCharsets.UTF_8));
        Optimizer.Result r = Optimizer.optimize(in, Optimizer.Options.of(Level.AGGRESSIVE));
        assertSame(in, r.output());
        assertFalse(r.changed());
    }

    @Test
    void onlyAndSkipSelectPasses() {
        String in = "FROM a\nMAINTAINER me\nADD f /f\n";
        assertEquals("FROM a\nMAINTAINER me\nCOPY f /f\n",
                run(in, new Optimizer.Options(Level.SAFE, Set.of("add-to-copy"), Set.of())).output().print());
        assertEquals("FROM a\nLABEL org.opencontainers.image.authors=\"me\"\nADD f /f\n",
                run(in, new Optimizer.Options(Level.SAFE, Set.of(), Set.of("add-to-copy"))).output().print());
    }

    @Test
    void fileLevelSuppressionAppliesToEveryInstruction() {
        String in = "# whittle ignore=add-to-copy\n\nFROM a\nADD f /f\nADD g /g\n";
        assertFalse(run(in, Optimizer.Options.of(Level.SAFE)).changed());
    }

    @Test
    void unsurePassesReportInsteadOfRewriting() {
        String in = "FROM a\nMAINTAINER me \\\n  <me@x>\nAD\\\nD f /f\n";
        Optimizer.Result r = run(in, Optimizer.Options.of(Level.SAFE));
        assertFalse(r.changed());
        assertEquals(2, r.changes().size());
        assertTrue(r.changes().stream().noneMatch(Change::applied));
    }

    @Test
    void addWithAWildcardIsReportedNotRewritten() {
        Optimizer.Result r = run("FROM a\nADD dist/* /srv/\n", Optimizer.Options.of(Level.SAFE));
        assertFalse(r.changed());
        assertEquals(1, r.changes().size());
        assertFalse(r.changes().get(0).applied());
    }

    @Test
    void ruleTableListsEveryPass() {
        String table = RuleTable.markdown();
        for (Pass p : Passes.ALL) assertTrue(table.contains("`" + p.info().id() + "`"));
    }
}
