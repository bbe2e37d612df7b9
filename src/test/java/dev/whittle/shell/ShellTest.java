package dev.whittle.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    private static List<String> names(Script s) {
        return s.commands().stream().map(SimpleCommand::name).toList();
    }

    @Test
    void andChainWithAptGet() {
        Script s = Shell.parse("apt-get update && apt-get install -y --no-install-recommends curl ca-certificates"
                + " && rm -rf /var/lib/apt/lists/*");
        assertTrue(s.parsed());
        assertEquals(3, s.steps().size());
        assertTrue(s.isAndChain());
        SimpleCommand install = s.commands().get(1);
        assertEquals("apt-get", install.name());
        assertEquals(List.of("install", "-y", "--no-install-recommends", "curl", "ca-certificates"), install.args());
        assertTrue(install.hasArg("-y"));
        assertEquals("apt-get install -y --no-install-recommends curl ca-certificates",
                s.text().substring(install.start(), install.end()));
    }

    @Test
    void connectorsAreKeptPerStep() {
        Script s = Shell.parse("a; b || c & d\ne");
        assertEquals(List.of("", ";", "||", "&", "\n"), s.steps().stream().map(Step::connector).toList());
        assertFalse(s.isAndChain());
    }

    @Test
    void goBuildWordsWithQuotesAndVariables() {
        Script s = Shell.parse("CGO_ENABLED=0 go build -ldflags \"-s -w -X main.v=$VERSION\" -o /out/app ./cmd/app");
        SimpleCommand go = s.commands().get(0);
        assertEquals("go", go.name());
        assertEquals("CGO_ENABLED=0", go.assignments().get(0).text());
        assertNull(go.words().get(3).literal(), "a word with $VERSION has no literal value");
        assertEquals("-o", go.words().get(4).literal());
        assertEquals("/out/app", go.words().get(5).literal());
    }

    @Test
    void quotesAndEscapesAreRemovedFromLiterals() {
        Script s = Shell.parse("echo 'a b' \"c\\\"d\" e\\ f '$HOME' \"x\"'y'z");
        assertEquals(List.of("a b", "c\"d", "e f", "$HOME", "xyz"), s.commands().get(0).args());
    }

    @Test
    void pipesSubshellsAndCompoundCommands() {
        Script s = Shell.parse("curl -fsSL https://x/y.tgz | tar -xz -C /opt && (cd /opt && make) "
                + "&& for f in a b; do echo $f; done && if [ -f x ]; then rm x; else touch x; fi");
        assertTrue(s.parsed(), s.error());
        assertEquals(List.of("curl", "tar", "cd", "make", "echo", "[", "rm", "touch"), names(s));
        assertEquals(4, s.steps().size());
        assertEquals(2, s.steps().get(0).commands().size(), "a pipeline is one step");
        assertTrue(s.steps().get(1).compound());
        assertEquals(1, s.commands().get(2).depth());
    }

    @Test
    void reservedWordsOnlyInCommandPosition() {
        Script s = Shell.parse("echo then done fi && while true; do sleep 1; done");
        assertTrue(s.parsed(), s.error());
        assertEquals(List.of("then", "done", "fi"), s.commands().get(0).args());
        assertEquals(List.of("echo", "true", "sleep"), names(s));
    }

    @Test
    void redirectionsAndComments() {
        Script s = Shell.parse("make install >/dev/null 2>&1 # quiet");
        SimpleCommand make = s.commands().get(0);
        assertEquals(List.of("install"), make.args());
        assertEquals(List.of(">", "2>&"), make.redirects().stream().map(Redirect::operator).toList());
        assertEquals("/dev/null", make.redirects().get(0).target().literal());
    }

    @Test
    void commandSubstitutionAndBracedExpansionStayInOneWord() {
        Script s = Shell.parse("export V=$(cat /v | tr -d '\\n') && echo ${V:-none} $((1 + 2))");
        assertTrue(s.parsed(), s.error());
        assertEquals(List.of("export", "echo"), names(s));
        assertEquals("V=$(cat /v | tr -d '\\n')", s.commands().get(0).words().get(1).text());
    }

    @Test
    void caseStatement() {
        Script s = Shell.parse("case \"$ARCH\" in amd64) A=x86_64 ;; arm64|aarch64) A=aarch64 ;; *) exit 1 ;; esac && echo ok");
        assertTrue(s.parsed(), s.error());
        assertEquals(2, s.steps().size());
        assertEquals("echo", s.steps().get(1).commands().get(0).name());
    }

    @Test
    void unbalancedQuoteDoesNotParse() {
        Script s = Shell.parse("echo 'it is");
        assertFalse(s.parsed());
        assertTrue(s.steps().isEmpty());
        assertTrue(s.error().contains("column"), s.error());
    }

    @Test
    void aScriptThatDoesNotParseSaysWhereWithTheFullParser() {
        Script s = Shell.parse("echo a && && b");
        assertFalse(s.parsed());
        assertTrue(s.error().startsWith("column 11:"), s.error());
    }

    @Test
    void nonAsciiOffsetsAreJavaOffsets() {
        Script s = Shell.parse("echo 😀 && ls");
        SimpleCommand ls = s.commands().get(1);
        assertEquals("ls", s.text().substring(ls.start(), ls.end()));
    }
}
