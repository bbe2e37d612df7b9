package dev.whittle.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A machine report that is one XML document, written element by element with the JDK's StAX writer. */
abstract class XmlStreamReport extends MachineReport {

    private final Writer out;
    protected final XMLStreamWriter xml;

    /** Starts the document with its root element and the root's attributes (name, value pairs). */
    protected XmlStreamReport(Writer out, String root, String... attributes) {
        this.out = out;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(root);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the root element. */
    @Override
    protected final void finish() throws IOException {
        write(() -> {
            indent(0);
            xml.writeEndElement();
        });
    }

    /** A line break and {@code depth} levels of two-space indentation before the next element. */
    protected void indent(int depth) throws IOException {
        try {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Writes the attributes as name, value pairs; a null value leaves its attribute out. */
    protected void attributes(String... nameValue) throws XMLStreamException {
        for (int k = 0; k < nameValue.length; k += 2) {
            if (nameValue[k + 1] != null) xml.writeAttribute(nameValue[k], clean(nameValue[k + 1]));
        }
    }

    /** Text without the control characters XML 1.0 cannot hold (a NUL in a path, say), each as U+FFFD. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            boolean bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
            if (bad && sb == null) sb = new StringBuilder(s.substring(0, k));
            if (sb != null) sb.append(bad ? '\uFFFD' : c);
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    protected void flush() throws IOException {
        try {
            xml.writeEndDocument();
            xml.flush();
            out.write('\n');
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Runs a piece of StAX writing, turning its checked exception into the report's. */
    protected interface XmlWork {
        void run() throws XMLStreamException, IOException;
    }

    protected static void write(XmlWork work) throws IOException {
        try {
            work.run();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
