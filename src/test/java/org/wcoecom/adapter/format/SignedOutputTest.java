package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;

/**
 * A CEB621 (and a CEB603) the adapter writes carries a signature customs can verify with the
 * certificate in it: over the whole message (a changed value breaks it), in the customs profile, and
 * with its base64 values free of escaped carriage returns; in an export message it comes before
 * ExtendMessage, where the export schema has it.
 */
class SignedOutputTest {

    private static final String DS = XMLSignature.XMLNS;

    private final Translations engine = new Translations();

    @Test
    void the_written_inventory_verifies_with_its_certificate_and_breaks_when_changed() throws Exception {
        byte[] canonical = Project.bytes(Project.examples("ceb621").resolve("inventory-single.canonical.xml"));
        byte[] ceb621 = engine.fromCanonical("ceb621", canonical);
        String text = new String(ceb621, StandardCharsets.UTF_8);
        assertFalse(text.contains("&#13;"), "carriage returns escaped in the signature");

        assertTrue(verifies(ceb621), "the signature does not verify");
        String changed = text.replaceFirst("<ceb:price>([^<]*)</ceb:price>", "<ceb:price>1$1</ceb:price>");
        assertFalse(changed.equals(text));
        assertFalse(verifies(changed.getBytes(StandardCharsets.UTF_8)), "a changed price still verifies");
    }

    @Test
    void an_export_inventory_is_signed_before_its_extension_and_verifies() throws Exception {
        byte[] canonical = Project.bytes(Project.examples("ceb603").resolve("inventory-multi.canonical.xml"));
        byte[] ceb603 = engine.fromCanonical("ceb603", canonical);

        // the export schema's order: ..., BaseTransfer, BaseSubscribe, ds:Signature, ExtendMessage
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(ceb603));
        List<String> tail = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"Inventory".equals(e.getLocalName())) {
                tail.add(e.getLocalName());
            }
        }
        assertEquals(List.of("BaseTransfer", "BaseSubscribe", "Signature", "ExtendMessage"), tail);
        assertTrue(verifies(ceb603), "the signature does not verify");
        String changed = new String(ceb603, StandardCharsets.UTF_8).replaceFirst("<ceb:gname>", "<ceb:gname>X");
        assertFalse(verifies(changed.getBytes(StandardCharsets.UTF_8)), "a changed goods name still verifies");
    }

    private static boolean verifies(byte[] message) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(message));
        NodeList signatures = doc.getElementsByTagNameNS(DS, "Signature");
        assertEquals(1, signatures.getLength());
        String certificate = doc.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent();
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getMimeDecoder().decode(certificate)));
        DOMValidateContext context = new DOMValidateContext(cert.getPublicKey(), signatures.item(0));
        // customs signs with RSA-SHA1; the JDK refuses SHA-1 signatures in secure validation mode
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }
}
