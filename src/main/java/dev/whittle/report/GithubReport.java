package dev.whittle.report;

import dev.whittle.core.Change;
import dev.whittle.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report as GitHub Actions workflow commands: one annotation per change or finding
 * ({@code ::warning file=PATH,line=L,endLine=E,title=whittle ID::MESSAGE}; a rewrite is a warning, a finding a
 * notice, a user rule's error an error) and an error annotation per file that could not be read. Printed
 * in a workflow step, each shows on the pull request's diff at its lines. Values are escaped as the Actions
 * runner reads them: {@code %}, CR and LF in the message; also {@code :} and {@code ,} in the properties.
 */
public final class GithubReport extends MachineReport {

    private final Writer out;

    public GithubReport(Writer out) {
        this.out = out;
    }

    @Override
    protected void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException {
        for (Change c : changes) {
            int line = Math.max(1, c.line());
            annotation(command(Severity.of(c)), relative(path), line, Math.max(line, c.endLine()), 0,
                    "whittle " + c.passId(), c.text());
        }
    }

    @Override
    protected void writeError(String path, String message) throws IOException {
        Located at = Located.of(path, message);
        annotation("error", relative(path), at.line(), at.line(), at.column(), "whittle: bad input", at.text());
    }

    private void annotation(String command, String file, int line, int endLine, int col, String title, String message)
            throws IOException {
        StringBuilder sb = new StringBuilder("::").append(command).append(" file=").append(property(file))
                .append(",line=").append(line).append(",endLine=").append(endLine);
        if (col > 0) sb.append(",col=").append(col);
        sb.append(",title=").append(property(title)).append("::").append(data(message)).append('\n');
        out.write(sb.toString());
    }

    private static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** A command's message: {@code %}, CR and LF escaped. */
    public static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #data}, and {@code :} and {@code ,} too. */
    public static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    @Override
    protected void finish() {
    }

    @Override
    protected void flush() throws IOException {
        out.flush();
    }
}
