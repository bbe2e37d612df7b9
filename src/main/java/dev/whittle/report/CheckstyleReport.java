package dev.whittle.report;

import dev.whittle.core.Change;
import dev.whittle.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report in Checkstyle's XML format, which Jenkins (Warnings Next Generation), SonarQube importers and
 * many review bots read: one {@code <file>} per Dockerfile (files without changes too, as checkstyle lists
 * every file it checked), one {@code <error>} per change or finding at its first line, with the severity
 * (rewrite: warning, finding: info, a user rule's own) and {@code whittle.ID} as source. A file that could not
 * be read gets one error of severity error at the place the message names.
 */
public final class CheckstyleReport extends XmlStreamReport {

    public CheckstyleReport(Writer out) {
        super(out, "checkstyle", "version", "4.3");
    }

    @Override
    protected void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException {
        write(() -> {
            indent(1);
            if (changes.isEmpty()) {
                xml.writeEmptyElement("file");
                attributes("name", relative(path));
                return;
            }
            xml.writeStartElement("file");
            attributes("name", relative(path));
            for (Change c : changes) {
                indent(2);
                xml.writeEmptyElement("error");
                attributes("line", String.valueOf(Math.max(1, c.line())), "column", "1",
                        "severity", Severity.of(c).label(), "message", c.text(), "source", "whittle." + c.passId());
            }
            indent(1);
            xml.writeEndElement();
        });
    }

    @Override
    protected void writeError(String path, String message) throws IOException {
        Located at = Located.of(path, message);
        write(() -> {
            indent(1);
            xml.writeStartElement("file");
            attributes("name", relative(path));
            indent(2);
            xml.writeEmptyElement("error");
            attributes("line", String.valueOf(at.line()), "column", at.hasColumn() ? String.valueOf(at.column()) : null,
                    "severity", "error", "message", at.text(), "source", "whittle.input");
            indent(1);
            xml.writeEndElement();
        });
    }
}
