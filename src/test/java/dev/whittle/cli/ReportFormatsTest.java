package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whittle.report.GithubReport;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The CI formats of check: goldens over testdata/reports (a file with rewrites and findings, a clean one, a
 * broken one), and every format over all of testdata/ checked against its consumer's schema or documented
 * fields, and against the JSON report (the same changes, findings and errors in each).
 */
class ReportFormatsTest {

    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();

    /** Timestamps and the host name differ per run; the rest is compared byte for byte. */
    static String stable(String junit) {
        return junit.replaceAll("timestamp=\"[^\"]*\"", "timestamp=\"T\"").replaceAll("hostname=\"[^\"]*\"", "hostname=\"H\"");
    }

    @Test
    void goldens() throws Exception {
        for (String format : List.of("checkstyle", "codeclimate", "github", "junit")) {
            ParseCommandTest.Result r = ParseCommandTest.run("check", "--format", format, "testdata/reports");
            assertEquals(ExitCodes.BAD_INPUT, r.code(), format + ": the broken file makes it exit 2");
            String expected = Files.readString(Path.of("testdata/reports/expected/check." + format));
            assertEquals(stable(expected), stable(r.out()), format);
        }
    }

    /** Per file of the JSON report: its changes and findings, or -1 for an error. */
    private static Map<String, Integer> jsonCounts(String json) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode f : JSON.readTree(json).get("files")) {
            counts.put(f.get("path").asText(), f.get("status").asText().equals("error") ? -1 : f.get("changes").size());
        }
        return counts;
    }

    @Test
    void checkstyleOverTestdataFollowsTheCheckstyleReportSchema() throws Exception {
        String xml = ParseCommandTest.run("check", "--format", "checkstyle", "testdata").out();
        Map<String, Integer> expected = jsonCounts(ParseCommandTest.run("check", "--format", "json", "testdata").out());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        // the constraints of checkstyle-report-1.0.0.xsd (the checkstyle project's schema for its XML report, which
        // is published in its source repository only, in no artifact this build can read): the root checkstyle
        // with an optional version; in it file, error or exception elements; a file has a name and holds error
        // and exception elements; an error has only the attributes line and column (positive integers), message,
        // severity (error, warning or info) and source, and no content
        assertEquals("checkstyle", root.getTagName());
        assertOnlyAttributes(root, Set.of("version"));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Element file : children(root)) {
            assertTrue(Set.of("file", "error", "exception").contains(file.getTagName()), file.getTagName());
            assertEquals("file", file.getTagName(), "whittle reports every problem under its file");
            assertOnlyAttributes(file, Set.of("name"));
            assertFalse(file.getAttribute("name").isEmpty());
            int errors = 0;
            boolean inputError = false;
            for (Element e : children(file)) {
                assertTrue(Set.of("error", "exception").contains(e.getTagName()), e.getTagName());
                assertOnlyAttributes(e, Set.of("line", "column", "message", "severity", "source"));
                for (String number : List.of("line", "column")) {
                    if (e.hasAttribute(number)) assertTrue(Integer.parseInt(e.getAttribute(number)) > 0, number);
                }
                assertTrue(Set.of("error", "warning", "info").contains(e.getAttribute("severity")), e.getAttribute("severity"));
                assertEquals(0, e.getChildNodes().getLength(), "an error has no content");
                if (e.getAttribute("source").equals("whittle.input")) inputError = true;
                errors++;
            }
            seen.put(file.getAttribute("name"), inputError ? -1 : errors);
        }
        assertEquals(expected, seen, "the same files, changes and findings as the JSON report");
        assertTrue(seen.size() > 90, "all of testdata: " + seen.size());
    }

    private static void assertOnlyAttributes(Element e, Set<String> allowed) {
        NamedNodeMap attributes = e.getAttributes();
        for (int k = 0; k < attributes.getLength(); k++) {
            assertTrue(allowed.contains(attributes.item(k).getNodeName()), e.getTagName() + " @" + attributes.item(k).getNodeName());
        }
    }

    private static List<Element> children(Element e) {
        List<Element> out = new java.util.ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) out.add(child);
            else assertTrue(n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank(), "only elements in " + e.getTagName());
        }
        return out;
    }

    @Test
    void junitOverTestdataIsValidAgainstTheAntJunitSchema() throws Exception {
        String xml = ParseCommandTest.run("check", "--format", "junit", "testdata").out();
        // the Apache Ant JUnit schema as junit-model ships it, under a target namespace of its own: the report's
        // elements (in no namespace, as every JUnit consumer reads them) are put in that namespace on the way in
        Schema schema;
        try (InputStream xsd = getClass().getResourceAsStream("/xsd/junit.xsd")) {
            assertNotNull(xsd, "junit-model's xsd/junit.xsd");
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd));
        }
        ValidatorHandler validator = schema.newValidatorHandler();
        List<String> problems = new java.util.ArrayList<>();
        validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) {
                error(e);
            }
        });
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setNamespaceAware(true);
        XMLReader reader = spf.newSAXParser().getXMLReader();
        XMLFilterImpl intoNamespace = new XMLFilterImpl(reader) {
            static final String NS = "urn:junit.baev.github.com";

            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
                super.startElement(uri.isEmpty() ? NS : uri, local, qName, atts);
            }

            @Override
            public void endElement(String uri, String local, String qName) throws SAXException {
                super.endElement(uri.isEmpty() ? NS : uri, local, qName);
            }
        };
        intoNamespace.setContentHandler(validator);
        intoNamespace.parse(new InputSource(new StringReader(xml)));
        assertEquals(List.of(), problems);
        // one test case per file; a file that would change fails, one that does not read is an error
        Map<String, Integer> json = jsonCounts(ParseCommandTest.run("check", "--format", "json", "testdata").out());
        Matcher m = Pattern.compile("<testcase name=\"([^\"]+)\"").matcher(xml);
        Set<String> cases = new HashSet<>();
        while (m.find()) cases.add(m.group(1));
        assertEquals(json.keySet(), cases);
        assertTrue(xml.contains("failures=\"1\""));
    }

    @Test
    void codeclimateOverTestdataHasTheFieldsGitlabReads() throws Exception {
        JsonNode issues = JSON.readTree(ParseCommandTest.run("check", "--format", "codeclimate", "testdata").out());
        Map<String, Integer> json = jsonCounts(ParseCommandTest.run("check", "--format", "json", "testdata").out());
        // GitLab publishes the code quality format as documentation, not as a schema: these are its required
        // fields and their types (description, check_name, fingerprint, severity from a fixed set, location.path
        // and location.lines.begin), and fingerprints must differ
        assertTrue(issues.isArray());
        Set<String> fingerprints = new HashSet<>();
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (JsonNode i : issues) {
            assertEquals("issue", i.get("type").asText());
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(i.get(field).isTextual() && !i.get(field).asText().isEmpty(), field + " in " + i);
            }
            assertTrue(Set.of("info", "minor", "major", "critical", "blocker").contains(i.get("severity").asText()));
            assertTrue(fingerprints.add(i.get("fingerprint").asText()), "fingerprints differ: " + i);
            JsonNode location = i.get("location");
            assertTrue(location.get("path").isTextual());
            assertFalse(location.get("path").asText().startsWith("/"), "relative to the repository");
            assertTrue(location.get("lines").get("begin").isInt() && location.get("lines").get("begin").asInt() >= 1);
            String path = location.get("path").asText();
            perFile.merge(path, i.get("check_name").asText().equals("bad-input") ? -1 : 1, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
        }
        json.values().removeIf(n -> n == 0);
        assertEquals(json, perFile, "the same changes, findings and errors as the JSON report");
    }

    private static final Pattern ANNOTATION = Pattern.compile(
            "::(error|warning|notice) (file=[^,:]*,line=\\d+,endLine=\\d+(?:,col=\\d+)?,title=[^,:]*)::([^\\r\\n]*)");

    @Test
    void githubOverTestdataIsOneAnnotationPerChange() throws Exception {
        String out = ParseCommandTest.run("check", "--format", "github", "testdata").out();
        Map<String, Integer> json = jsonCounts(ParseCommandTest.run("check", "--format", "json", "testdata").out());
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = ANNOTATION.matcher(line);
            assertTrue(m.matches(), line);
            String file = unescape(m.group(2).substring("file=".length(), m.group(2).indexOf(",line=")));
            boolean badInput = m.group(2).endsWith(",title=whittle%3A bad input");
            perFile.merge(file, badInput ? -1 : 1, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
        }
        json.values().removeIf(n -> n == 0);
        assertEquals(json, perFile);
    }

    private static String unescape(String s) {
        return s.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    @Test
    void githubEscapesPercentLineBreaksColonsAndCommas() throws Exception {
        Path f = dir.resolve("odd,name:100%.Dockerfile");
        Files.writeString(f, "FROM debian:12\nMAINTAINER a,b:c 100%\n");
        String out = ParseCommandTest.run("check", "--format", "github", f.toString()).out();
        String path = dev.whittle.report.UnifiedDiff.pathOf(f);
        String escaped = path.replace("%", "%25").replace(":", "%3A").replace(",", "%2C");
        assertTrue(out.startsWith("::warning file=" + escaped + ",line=2,endLine=2,title=whittle maintainer-to-label::"), out);
        String file = out.substring("::warning file=".length(), out.indexOf(",line="));
        assertFalse(file.contains(",") || file.contains(":"), file);
        // a message with a line break and a percent sign (a heredoc's error names both)
        Path broken = dir.resolve("b.Dockerfile");
        Files.writeString(broken, "FROM x\nRUN <<EOF\n100%\n");
        String err = ParseCommandTest.run("check", "--format", "github", broken.toString()).out();
        Matcher m = ANNOTATION.matcher(err.strip());
        assertTrue(m.matches(), err);
        assertFalse(err.strip().contains("\n"));
        // the message itself: %, CR and LF escaped, ':' and ',' kept; in properties those two are escaped too
        assertEquals("a%25b%0D%0Ac:d,e", GithubReport.data("a%b\r\nc:d,e"));
        assertEquals("a%25b%0D%0Ac%3Ad%2Ce", GithubReport.property("a%b\r\nc:d,e"));
    }
}
