package dev.whittle.report;

import dev.whittle.core.Change;
import dev.whittle.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The report as JUnit XML, which GitLab ({@code artifacts: reports: junit}), Jenkins, Azure DevOps and most CI
 * dashboards show as test results: one test case per Dockerfile, in a test suite of its own so each suite's
 * counts are known when it is written (the report streams). A file whittle would change, or one with a user
 * rule's error, is a failure listing every change; a file that could not be read is an error; findings
 * alone pass and are listed in the suite's system-out. The layout follows the Apache Ant JUnit schema
 * (name, timestamp, hostname, counts and time on every suite; whittle does not time single files: 0).
 */
public final class JunitReport extends XmlStreamReport {

    private final String hostname;
    private final String timestamp;
    private int id;

    /**
     * @param hostname the machine's name ("localhost" when it is not known)
     * @param started  when the run started (local time, written to the second)
     */
    public JunitReport(Writer out, String hostname, LocalDateTime started) {
        super(out, "testsuites");
        this.hostname = hostname == null || hostname.isBlank() ? "localhost" : hostname.strip();
        this.timestamp = started.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    @Override
    protected void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException {
        String name = relative(path);
        boolean failed = isChanged || changes.stream().anyMatch(c -> Severity.of(c) == Severity.ERROR);
        StringBuilder listed = new StringBuilder();
        for (Change c : changes) listed.append(c.format(name)).append('\n');
        write(() -> {
            suite(name, failed ? 1 : 0, 0);
            if (failed) {
                long rewrites = changes.stream().filter(Change::applied).count();
                indent(3);
                xml.writeStartElement("failure");
                attributes("message", isChanged ? rewrites + " change(s) would be made at level " + level
                        : "a rule reports an error", "type", "whittle." + level);
                xml.writeCharacters(clean(listed.toString()));
                xml.writeEndElement();
                indent(2);
            }
            end(failed || changes.isEmpty() ? "" : listed.toString());
        });
    }

    @Override
    protected void writeError(String path, String message) throws IOException {
        Located at = Located.of(path, message);
        write(() -> {
            suite(relative(path), 0, 1);
            indent(3);
            xml.writeStartElement("error");
            attributes("message", at.text(), "type", "whittle.bad-input");
            xml.writeCharacters(clean(message));
            xml.writeEndElement();
            indent(2);
            end("");
        });
    }

    /** Opens a suite and its one test case; {@link #end} closes them. */
    private void suite(String name, int failures, int errors) throws javax.xml.stream.XMLStreamException, IOException {
        indent(1);
        xml.writeStartElement("testsuite");
        attributes("name", name, "package", "whittle", "id", String.valueOf(id++), "timestamp", timestamp,
                "hostname", hostname, "tests", "1", "failures", String.valueOf(failures), "errors",
                String.valueOf(errors), "time", "0");
        indent(2);
        xml.writeEmptyElement("properties");
        indent(2);
        xml.writeStartElement("testcase");
        attributes("name", name, "classname", "whittle", "time", "0");
    }

    /** Closes the test case (after its failure or error, if any), writes system-out and system-err, closes the suite. */
    private void end(String systemOut) throws javax.xml.stream.XMLStreamException, IOException {
        xml.writeEndElement();
        indent(2);
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(systemOut));
        xml.writeEndElement();
        indent(2);
        xml.writeEmptyElement("system-err");
        indent(1);
        xml.writeEndElement();
    }
}
