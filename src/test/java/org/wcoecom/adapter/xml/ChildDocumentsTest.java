package org.wcoecom.adapter.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** A wrapper's children come out as documents of their own, with the namespaces they used on the wrapper. */
class ChildDocumentsTest {

    private static final String NS = "urn:wco-ecom-adapter:canonical:1";

    @Test
    void eachChildIsADocumentWithTheWrappersNamespaces() {
        String batch = "<?xml version='1.0'?>\n<c:Batch xmlns:c='" + NS + "' xmlns:x='urn:x'>\n"
                + "  <c:Order><c:Id x:ref='1'>A&amp;B</c:Id><?keep it?></c:Order>\n"
                + "  <c:Payment xmlns:y='urn:y'><y:Amount>12.50</y:Amount></c:Payment>\n"
                + "  <c:Order><c:Id>C</c:Id></c:Order>\n"
                + "</c:Batch>";
        List<XdmNode> docs = ChildDocuments.of(bytes(batch), "Batch", NS);

        assertEquals(3, docs.size());
        same("<c:Order xmlns:c='" + NS + "' xmlns:x='urn:x'><c:Id x:ref='1'>A&amp;B</c:Id><?keep it?></c:Order>", docs.get(0));
        same("<c:Payment xmlns:c='" + NS + "' xmlns:y='urn:y'><y:Amount>12.50</y:Amount></c:Payment>", docs.get(1));
        same("<c:Order xmlns:c='" + NS + "'><c:Id>C</c:Id></c:Order>", docs.get(2));
    }

    @Test
    void aDocumentThatIsNotAWrapperComesBackWhole() {
        String order = "<Order xmlns='" + NS + "'><Id>A</Id></Order>";
        List<XdmNode> docs = ChildDocuments.of(bytes(order), "Batch", NS);

        assertEquals(1, docs.size());
        same(order, docs.get(0));
    }

    @Test
    void anEmptyWrapperHasNoDocuments() {
        assertEquals(List.of(), ChildDocuments.of(bytes("<Batch xmlns='" + NS + "'>\n</Batch>"), "Batch", NS));
    }

    @Test
    void aRootInAnotherNamespaceIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChildDocuments.of(bytes("<Batch xmlns='urn:other'><Order/></Batch>"), "Batch", NS));
        assertEquals(true, e.getMessage().contains("urn:other"), e.getMessage());
    }

    @Test
    void aDoctypeIsRefused() {
        String hostile = "<!DOCTYPE Batch [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><Batch xmlns='" + NS + "'><Order>&x;</Order></Batch>";
        assertThrows(IllegalStateException.class, () -> ChildDocuments.of(bytes(hostile), "Batch", NS));
    }

    private static void same(String expected, XdmNode actual) {
        String written = written(actual);
        Diff diff = DiffBuilder.compare(expected).withTest(written).checkForIdentical().build();
        assertEquals(false, diff.hasDifferences(), diff.toString() + "\n" + written);
    }

    /** As it is, not indented: the whitespace between the children is part of what must come out. */
    private static String written(XdmNode doc) {
        StringWriter out = new StringWriter();
        Serializer serializer = Saxon.processor().newSerializer(out);
        serializer.setOutputProperty(Serializer.Property.INDENT, "no");
        serializer.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
        try {
            serializer.serializeNode(doc);
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
