package org.wcoecom.adapter.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.support.Translations;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** Documents joined under a wrapper from their bytes make the document a copy of their trees would. */
class WrapperDocumentTest {

    private static final String NS = Canonical.NAMESPACE;

    @Test
    void theCanonicalDocumentsOfAMessageJoinedAsTheStylesheetWouldCopyThem() throws Exception {
        Translations t = new Translations();
        Translator translator = t.translator();
        List<CanonicalDocument> docs = t.toCanonical(Files.readAllBytes(Path.of("mappings/ceb311/examples/order-multi.xml")));
        assertTrue(docs.size() > 1, "the example holds several orders");

        byte[] joined = WrapperDocument.of("c", "Batch", NS, docs.stream().map(CanonicalDocument::xml).toList());
        byte[] copied = translator.writeCompact(translator.batch(docs.stream().map(CanonicalDocument::tree).toList()));

        Diff diff = DiffBuilder.compare(copied).withTest(joined).checkForIdentical().build();
        assertFalse(diff.hasDifferences(), diff.toString());
        assertTrue(Validators.accepts(t.formats().canonical().schema(), joined), "the batch is valid canonical XML");
        List<XdmNode> back = ChildDocuments.of(joined, "Batch", NS);
        assertEquals(docs.size(), back.size());
        for (int i = 0; i < docs.size(); i++) {
            Diff each = DiffBuilder.compare(docs.get(i).xml()).withTest(back.get(i).toString()).ignoreWhitespace().checkForIdentical().build();
            assertFalse(each.hasDifferences(), "document " + i + ": " + each);
        }
    }

    @Test
    void eachDocumentsDeclarationIsLeftOutWhateverItSays() {
        byte[] joined = WrapperDocument.of("c", "Batch", NS, List.of(
                bytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Order xmlns=\"" + NS + "\"><Id>A</Id></Order>"),
                bytes("<Order xmlns=\"" + NS + "\"><Id>B</Id></Order>"),
                bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x:Note xmlns:x=\"urn:x\">&lt;é&gt;</x:Note>")));

        Diff diff = DiffBuilder.compare("<c:Batch xmlns:c='" + NS + "'><c:Order><c:Id>A</c:Id></c:Order>"
                        + "<c:Order><c:Id>B</c:Id></c:Order><y:Note xmlns:y='urn:x'>&lt;é&gt;</y:Note></c:Batch>")
                .withTest(joined).checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff.toString());
    }

    @Test
    void noDocumentsMakeAnEmptyWrapper() {
        assertEquals(List.of(), ChildDocuments.of(WrapperDocument.of("c", "Batch", NS, List.of()), "Batch", NS));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
