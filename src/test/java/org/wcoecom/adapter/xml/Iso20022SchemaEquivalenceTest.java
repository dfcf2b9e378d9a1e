package org.wcoecom.adapter.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.support.Mutations;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Xml;

/**
 * Our ISO 20022 schemas (xsd/iso20022) against the schemas ISO publishes, for the formats whose
 * official schema is in ../shared/reference (camt.054.001.08, pacs.008.001.09):
 * <ul>
 * <li>the verdict {@code validate} prints equals the official schema's on our examples and tens of
 *     thousands of systematic variants of them (every element removed, repeated, swapped, renamed,
 *     given xsi:type or an unknown child; every leaf and attribute given values at and around the
 *     limits and patterns ISO 20022 uses: 4, 16, 34, 35, 70, 105, 140, 350, 500 and 2048 characters,
 *     BICs, IBANs, LEIs, UETRs, dates, amounts of 18 digits and 5 decimals, ...);</li>
 * <li>every component is declared as the official schema declares it, those the examples do not
 *     use too: the same named types, each with the same elements in the same order, types and
 *     cardinalities, the same attributes, and the same facets.</li>
 * </ul>
 * The official pain.002.001.10 schema is not in ../shared; xsd/iso20022/pain.002.001.10.xsd names
 * the public copy it was checked against. Skipped when ../shared/reference is absent.
 */
class Iso20022SchemaEquivalenceTest {

    /** Values around ISO 20022's limits and patterns, beside the CEB ones Mutations always tries. */
    static final List<String> ISO_VALUES = isoValues();

    private static MessageReader reader;

    @BeforeAll
    static void schemas() {
        Project.reference();
        reader = new MessageReader(Project.formats(), 1);
    }

    static List<String> formats() {
        return List.of("camt054", "pacs008");
    }

    private static List<String> isoValues() {
        List<String> v = new ArrayList<>(List.of(
                "DEMOCNSH", "DEMOCNSHXXX", "DEMOCNSHXX", "democnshxxx", "DEMO1NSH", "DEMOCNSH3000",
                "CN12ABCD12345678901234", "cn12ABCD1234", "CN1X", "5493001KJTIIGC8Y1R12", "5493001KJTIIGC8Y1R1A",
                "7f3c2a1e-5b4d-4e6f-9a8b-1c2d3e4f5a60", "7F3C2A1E-5B4D-4E6F-9A8B-1C2D3E4F5A60", "7f3c2a1e-5b4d-1e6f-9a8b-1c2d3e4f5a60",
                "2026-11-20", "2026-11-20+08:00", "2026-13-01", "20261120", "2026-11", "14:30:12", "14:30:12+08:00",
                "2026-11-20T14:30:12", "2026-11-20T14:30:12.123+08:00", "2026-11-20T14:30:12Z", "2026-11-20T24:00:00",
                "2026-11-20 14:30:12", "true", "false", "1", "yes", "CNY", "cny", "CN", "CNYX", "CHN",
                "CRDT", "DBIT", "BOOK", "PDNG", "PUOR", "NIDN", "XXXX", "XXXXX",
                "0.00001", "0.000001", "123456789012345678", "1234567890123456789", "1234567890123.12345",
                "1234567890123.123456", "1.12345678901234567", "0.123456789012345678", "7.1692", "1.1234567891", "12.1234567891",
                "+86-13800138000", "13800138000", "+86 13800138000", "+8612-(21)61234567",
                "123456789012345", "1234567890123456", "+5", "+123456789012345", "00", "007", "12345", "123456",
                "AAAA", "A===", "QUJD", " QUJD"));
        for (int n : new int[] {3, 4, 5, 15, 16, 17, 28, 29, 34, 70, 71, 105, 106, 128, 129, 140, 141, 350, 351, 500, 501,
                1025, 1026, 2048, 2049}) {
            v.add("X".repeat(n));
        }
        v.add("中".repeat(35));
        v.add("中".repeat(36));
        v.add("中".repeat(140));
        v.add("中".repeat(141));
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void our_verdict_equals_the_official_schema_verdict_on_every_variant(String format) {
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        List<Path> seeds = Project.partnerExamples(format);
        for (Path seed : seeds) {
            byte[] message = Project.bytes(seed);
            corpus.put(seed.getFileName().toString(), message);
            Mutations.of(message, ISO_VALUES).forEach((label, variant) -> corpus.put(seed.getFileName() + ": " + label, variant));
            attributeVariants(message).forEach((label, variant) -> corpus.put(seed.getFileName() + ": " + label, variant));
        }

        Schema official = Xml.schema(officialSchema(format).toFile());
        int valid = 0;
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : corpus.entrySet()) {
            List<String> officialErrors = Xml.errors(official, e.getValue());
            ReadResult ours = reader.read(e.getValue());
            boolean officialValid = officialErrors.isEmpty();
            if (ours.valid() != officialValid) {
                disagreements.add(e.getKey() + ": ours " + (ours.valid() ? "valid" : "invalid " + ours.allErrors())
                        + ", official " + (officialValid ? "valid" : "invalid " + officialErrors));
            }
            if (officialValid) {
                valid++;
            }
        }
        System.out.printf("ISO 20022 schema equivalence, %s: %d messages (%d seeds), %d valid and %d invalid by the official schema, %d disagreements%n",
                format, corpus.size(), seeds.size(), valid, corpus.size() - valid, disagreements.size());
        assertTrue(valid > 1000 && corpus.size() - valid > 1000, "the corpus must hold many valid and invalid messages");
        assertTrue(disagreements.isEmpty(), () -> disagreements.size() + " disagreements, e.g.:\n"
                + String.join("\n", disagreements.subList(0, Math.min(20, disagreements.size()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void every_component_is_declared_as_the_official_schema_declares_it(String format) throws Exception {
        Map<String, String> official = components(officialSchema(format));
        Map<String, String> ours = components(Project.formats().byId(format).orElseThrow().definition().schema());
        List<String> differences = new ArrayList<>();
        for (String name : official.keySet()) {
            if (!official.get(name).equals(ours.get(name))) {
                differences.add(name + "\n  official: " + official.get(name) + "\n  ours:     " + ours.get(name));
            }
        }
        ours.keySet().stream().filter(n -> !official.containsKey(n)).forEach(n -> differences.add(n + ": declared by us only"));
        assertTrue(official.size() > 150, official.size() + " components read from the official schema");
        assertEquals(List.of(), differences);
    }

    private static Path officialSchema(String format) {
        String file = switch (format) {
            case "camt054" -> "camt.054.001.08.xsd";
            case "pacs008" -> "pacs.008.001.09.xsd";
            default -> throw new IllegalArgumentException(format);
        };
        return Project.reference().resolve("iso20022/xsd").resolve(file);
    }

    /**
     * Every top-level declaration of a schema and of the schemas it includes, by kind and name, as
     * one line saying what it allows: a simple type's base and facets (in any order), a complex
     * type's particles in order (name, type, minOccurs..maxOccurs) or simple content and attributes.
     */
    static Map<String, String> components(Path xsd) throws Exception {
        Map<String, String> out = new TreeMap<>();
        collect(xsd, out);
        return out;
    }

    private static void collect(Path xsd, Map<String, String> out) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        Element schema = f.newDocumentBuilder().parse(xsd.toFile()).getDocumentElement();
        for (Element child : children(schema)) {
            String name = child.getAttribute("name");
            switch (child.getLocalName()) {
                case "include" -> collect(xsd.resolveSibling(child.getAttribute("schemaLocation")), out);
                case "element" -> put(out, "element " + name, "type " + child.getAttribute("type"));
                case "simpleType" -> put(out, "simpleType " + name, simpleType(child));
                case "complexType" -> put(out, "complexType " + name, complexType(child));
                default -> put(out, child.getLocalName() + " " + name, "unexpected");
            }
        }
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (out.put(key, value) != null) {
            throw new IllegalStateException(key + " is declared twice");
        }
    }

    private static String simpleType(Element type) {
        Element restriction = only(type, "restriction");
        List<String> facets = new ArrayList<>();
        for (Element facet : children(restriction)) {
            facets.add(facet.getLocalName() + "=" + facet.getAttribute("value"));
        }
        facets.sort(null);
        return "restriction of " + restriction.getAttribute("base") + " " + facets;
    }

    private static String complexType(Element type) {
        List<Element> content = children(type);
        if (content.size() != 1) {
            return "unexpected content " + content.size();
        }
        Element group = content.get(0);
        if ("simpleContent".equals(group.getLocalName())) {
            Element extension = only(group, "extension");
            List<String> attributes = new ArrayList<>();
            for (Element a : children(extension)) {
                attributes.add(a.getLocalName() + " " + a.getAttribute("name") + ":" + a.getAttribute("type") + ":" + a.getAttribute("use"));
            }
            return "simple content " + extension.getAttribute("base") + " " + attributes;
        }
        List<String> particles = new ArrayList<>();
        for (Element p : children(group)) {
            String occurs = occurs(p, "minOccurs") + ".." + occurs(p, "maxOccurs");
            particles.add("any".equals(p.getLocalName())
                    ? "any " + p.getAttribute("namespace") + " " + p.getAttribute("processContents") + " " + occurs
                    : p.getAttribute("name") + ":" + p.getAttribute("type") + " " + occurs);
        }
        return group.getLocalName() + " " + occurs(group, "minOccurs") + ".." + occurs(group, "maxOccurs") + " " + particles;
    }

    private static String occurs(Element e, String attribute) {
        return e.hasAttribute(attribute) ? e.getAttribute(attribute) : "1";
    }

    private static Element only(Element parent, String localName) {
        List<Element> c = children(parent);
        if (c.size() != 1 || !localName.equals(c.get(0).getLocalName())) {
            throw new IllegalStateException("expected one " + localName + " in " + parent.getAttribute("name"));
        }
        return c.get(0);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && !"annotation".equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every attribute of the message (the currencies) given each value, and removed. */
    private static Map<String, byte[]> attributeVariants(byte[] message) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Document original = parse(message);
        List<Attr> attributes = new ArrayList<>();
        collectAttributes(original.getDocumentElement(), attributes);
        for (int i = 0; i < attributes.size(); i++) {
            int index = i;
            Attr a = attributes.get(i);
            String label = a.getOwnerElement().getLocalName() + "/@" + a.getName() + " #" + i;
            for (String value : ISO_VALUES) {
                out.put(label + " = '" + (value.length() > 12 ? value.substring(0, 6) + "…" + value.length() : value) + "'",
                        serialize(original, index, d -> d.setValue(value)));
            }
            out.put(label + " removed", serialize(original, index, d -> d.getOwnerElement().removeAttributeNode(d)));
        }
        return out;
    }

    private static void collectAttributes(Element e, List<Attr> out) {
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                out.add(a);
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collectAttributes(child, out);
            }
        }
    }

    private static byte[] serialize(Document original, int attributeIndex, java.util.function.Consumer<Attr> change) {
        try {
            Document copy = (Document) original.cloneNode(true);
            List<Attr> attributes = new ArrayList<>();
            collectAttributes(copy.getDocumentElement(), attributes);
            change.accept(attributes.get(attributeIndex));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(copy), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
