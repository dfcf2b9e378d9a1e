package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wcoecom.adapter.support.PartnerSigning;
import org.wcoecom.adapter.support.PartnerSigning.TestKey;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.SignatureAlgorithms;
import org.wcoecom.adapter.xml.XmlError;
import org.xml.sax.InputSource;

/**
 * The verifier on CEB621 inventories signed at test time: valid signatures of the profile's
 * algorithms pass; unsigned, changed, foreign-key and out-of-profile signatures (a reference to part
 * of the message, a transform that leaves values out, wrapping, a second or a displaced signature)
 * are refused with the error code a receipt turns into customs' signature codes, and the element
 * path of the signature.
 */
class SignatureVerifierTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String CEB = "http://www.chinaport.gov.cn/ceb";
    private static final String SIGNATURE = "/CEB621Message/Signature[1]";

    private static final TestKey RSA = PartnerSigning.generate("rsa-partner", SignatureAlgorithms.RSA_SHA1, SignatureAlgorithms.SHA1);
    private static final TestKey RSA256 = PartnerSigning.generate("rsa256-partner", SignatureAlgorithms.RSA_SHA256, SignatureAlgorithms.SHA256);
    private static final TestKey SM2 = PartnerSigning.generate("sm2-partner", SignatureAlgorithms.SM2_SM3, SignatureAlgorithms.SM3);
    private static final TestKey FOREIGN = PartnerSigning.generate("someone-else", SignatureAlgorithms.RSA_SHA1, SignatureAlgorithms.SHA1);

    private final SignatureVerifier verifier = new SignatureVerifier(true);

    private static byte[] inventory() {
        return PartnerSigning.unsigned(Project.bytes(Project.examples("ceb621").resolve("inventory-single.xml")));
    }

    private List<XmlError> verify(byte[] message, TestKey... trusted) {
        return verify(verifier, message, trusted);
    }

    private static List<XmlError> verify(SignatureVerifier verifier, byte[] message, TestKey... trusted) {
        List<X509Certificate> certificates = java.util.Arrays.stream(trusted).map(TestKey::certificate).toList();
        return verifier.verify(Xml.parse(message), new InputSource(new ByteArrayInputStream(message)), certificates, Instant.now());
    }

    private static void assertRefused(List<XmlError> errors, String code, String path, String words) {
        assertEquals(1, errors.size(), () -> "one error expected: " + errors);
        XmlError e = errors.get(0);
        assertEquals(code, e.code(), e::describe);
        assertEquals(path, e.path(), e::describe);
        assertTrue(e.message().contains(words), () -> "'" + words + "' not in: " + e.describe());
        assertTrue(e.line() > 0, () -> "no line: " + e.describe());
    }

    @Test
    void signatures_of_the_profile_algorithms_verify() {
        assertEquals(List.of(), verify(RSA.sign(inventory()), RSA), "RSA-SHA1 with SHA-1, customs' 2018 profile");
        assertEquals(List.of(), verify(RSA256.sign(inventory()), RSA256), "RSA-SHA256 with SHA-256");
        byte[] sm2 = SM2.sign(inventory());
        String text = new String(sm2, StandardCharsets.UTF_8);
        assertTrue(text.contains("Algorithm=\"" + SignatureAlgorithms.SM2_SM3 + "\""), "customs' SM2-SM3 URI");
        assertTrue(text.contains("Algorithm=\"" + SignatureAlgorithms.SM3 + "\""), "customs' SM3 URI");
        assertEquals(List.of(), verify(sm2, SM2), "SM2-SM3 with SM3, the national profile");
    }

    @Test
    void an_sm2_signature_written_as_raw_r_and_s_verifies_too() throws Exception {
        String text = new String(SM2.sign(inventory()), StandardCharsets.UTF_8);
        String value = text.replaceAll("(?s).*<ds:SignatureValue>([^<]*)</ds:SignatureValue>.*", "$1");
        ASN1Sequence der = ASN1Sequence.getInstance(Base64.getMimeDecoder().decode(value));
        byte[] raw = new byte[64];
        for (int i = 0; i < 2; i++) {
            byte[] n = ASN1Integer.getInstance(der.getObjectAt(i)).getPositiveValue().toByteArray();
            int length = Math.min(32, n.length);
            System.arraycopy(n, n.length - length, raw, 32 * i + 32 - length, length);
        }
        String rawValue = Base64.getEncoder().encodeToString(raw);
        assertNotEquals(value.trim(), rawValue);
        byte[] message = text.replace(value, rawValue).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), verify(message, SM2));
    }

    @Test
    void sha1_is_refused_where_the_setting_says_so() {
        List<XmlError> errors = verify(new SignatureVerifier(false), RSA.sign(inventory()), RSA);
        assertEquals(2, errors.size(), errors::toString);
        assertEquals(SIGNATURE + "/SignedInfo[1]/SignatureMethod[1]", errors.get(0).path());
        assertTrue(errors.get(0).message().contains("adapter.signature.accept-sha1"), errors.get(0)::describe);
        assertEquals(SIGNATURE + "/SignedInfo[1]/Reference[1]/DigestMethod[1]", errors.get(1).path());
    }

    @Test
    void an_unsigned_message_is_refused() {
        assertRefused(verify(inventory(), RSA), SignatureVerifier.MISSING, "/CEB621Message", "not signed");
    }

    @Test
    void a_value_changed_after_signing_is_refused() {
        String signed = new String(RSA.sign(inventory()), StandardCharsets.UTF_8);
        byte[] changed = signed.replace("<ceb:price>298</ceb:price>", "<ceb:price>2.98</ceb:price>").getBytes(StandardCharsets.UTF_8);
        assertRefused(verify(changed, RSA), SignatureVerifier.MISMATCH, SIGNATURE + "/SignedInfo[1]/Reference[1]/DigestValue[1]",
                "changed after it was signed");
    }

    @Test
    void a_changed_signature_value_is_refused() {
        String signed = new String(SM2.sign(inventory()), StandardCharsets.UTF_8);
        String value = signed.replaceAll("(?s).*<ds:SignatureValue>([^<]*)</ds:SignatureValue>.*", "$1").trim();
        byte[] bytes = Base64.getMimeDecoder().decode(value);
        bytes[bytes.length - 1] ^= 1;
        byte[] changed = signed.replace(value, Base64.getEncoder().encodeToString(bytes)).getBytes(StandardCharsets.UTF_8);
        assertRefused(verify(changed, SM2), SignatureVerifier.MISMATCH, SIGNATURE + "/SignatureValue[1]", "does not verify");
    }

    @Test
    void a_signature_by_a_foreign_key_is_refused_whether_or_not_it_carries_its_certificate() throws Exception {
        assertRefused(verify(FOREIGN.sign(inventory()), RSA), SignatureVerifier.INVALID,
                SIGNATURE + "/KeyInfo[1]/X509Data[1]/X509Certificate[1]", "not one configured for the sender");
        byte[] withoutCertificate = sign(FOREIGN, inventory(), "", false, doc -> { });
        assertRefused(verify(withoutCertificate, RSA), SignatureVerifier.MISMATCH, SIGNATURE + "/SignatureValue[1]", "does not verify");
    }

    @Test
    void any_of_the_partners_certificates_verifies_so_that_keys_can_change() throws Exception {
        assertEquals(List.of(), verify(RSA.sign(inventory()), FOREIGN, RSA));
        assertEquals(List.of(), verify(sign(RSA, inventory(), "", false, doc -> { }), FOREIGN, RSA), "no certificate in the message");
    }

    @Test
    void a_key_that_does_not_fit_the_signature_method_is_refused() {
        assertRefused(verify(SM2.sign(inventory()), RSA), SignatureVerifier.INVALID,
                SIGNATURE + "/KeyInfo[1]/X509Data[1]/X509Certificate[1]", "not one configured");
        byte[] relabelled = new String(RSA.sign(inventory()), StandardCharsets.UTF_8)
                .replace(SignatureAlgorithms.RSA_SHA1, SignatureAlgorithms.SM2_SM3).getBytes(StandardCharsets.UTF_8);
        assertRefused(verify(relabelled, RSA), SignatureVerifier.INVALID, SIGNATURE + "/SignedInfo[1]/SignatureMethod[1]", "needs an SM2 key");
    }

    @Test
    void a_reference_to_part_of_the_message_is_refused() throws Exception {
        byte[] partial = sign(RSA, inventory(), "#inventory", true, doc -> {
            Element inventory = (Element) doc.getElementsByTagNameNS(CEB, "Inventory").item(0);
            inventory.setAttributeNS(null, "Id", "inventory");
            inventory.setIdAttributeNS(null, "Id", true);
        });
        assertRefused(verify(partial, RSA), SignatureVerifier.INVALID, SIGNATURE + "/SignedInfo[1]/Reference[1]", "only URI=\"\"");
        byte[] xpointer = sign(RSA, inventory(), "#xpointer(/)", true, doc -> { });
        assertRefused(verify(xpointer, RSA), SignatureVerifier.INVALID, SIGNATURE + "/SignedInfo[1]/Reference[1]", "only URI=\"\"");
    }

    @Test
    void a_transform_that_leaves_values_out_of_the_digest_is_refused() throws Exception {
        Document doc = parse(inventory());
        XMLSignature signature = new XMLSignature(doc, "", RSA.signatureMethod(), SignatureAlgorithms.C14N);
        doc.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        XPathContainer xpath = new XPathContainer(doc);
        xpath.setXPathNamespaceContext("xmlns:ceb", CEB);
        xpath.setXPath("not(ancestor-or-self::ceb:price)");
        transforms.addTransform(Transforms.TRANSFORM_XPATH, xpath.getElementPlusReturns());
        signature.addDocument("", transforms, RSA.digestMethod());
        signature.addKeyInfo(RSA.certificate());
        signature.sign(RSA.entry().getPrivateKey());
        // the price is outside the digest: Santuario alone would accept it changed
        byte[] changed = new String(serialize(doc), StandardCharsets.UTF_8)
                .replace("<ceb:price>298</ceb:price>", "<ceb:price>1</ceb:price>").getBytes(StandardCharsets.UTF_8);
        assertRefused(verify(changed, RSA), SignatureVerifier.INVALID,
                SIGNATURE + "/SignedInfo[1]/Reference[1]/Transforms[1]/Transform[2]", "only the enveloped-signature transform");
    }

    @Test
    void a_second_signature_is_refused() throws Exception {
        Document doc = parse(RSA.sign(inventory()));
        Element copy = (Element) doc.getElementsByTagNameNS(DS, "Signature").item(0).cloneNode(true);
        doc.getDocumentElement().appendChild(copy);
        assertRefused(verify(serialize(doc), RSA), SignatureVerifier.INVALID, "/CEB621Message/Signature[2]", "a second ds:Signature");
    }

    @Test
    void a_signature_elsewhere_than_under_the_root_is_refused() throws Exception {
        Document doc = parse(RSA.sign(inventory()));
        Element signature = (Element) doc.getElementsByTagNameNS(DS, "Signature").item(0);
        doc.getElementsByTagNameNS(CEB, "Inventory").item(0).appendChild(signature);
        assertRefused(verify(serialize(doc), RSA), SignatureVerifier.INVALID, "/CEB621Message/Inventory[1]/Signature[1]",
                "child of the root element");
    }

    @Test
    void a_wrapped_message_is_refused() throws Exception {
        // the partner's signed inventory hidden in the signature, a forged one in its place
        Document signed = parse(RSA.sign(inventory()));
        Document forged = parse(RSA.sign(inventory()));
        Element keyInfo = (Element) forged.getElementsByTagNameNS(DS, "KeyInfo").item(0);
        Element wrapper = forged.createElementNS("urn:attacker", "a:Original");
        wrapper.appendChild(forged.importNode(signed.getDocumentElement(), true));
        keyInfo.appendChild(wrapper);
        forged.getElementsByTagNameNS(CEB, "price").item(0).setTextContent("1");
        assertRefused(verify(serialize(forged), RSA), SignatureVerifier.INVALID, "/CEB621Message/Signature[1]/KeyInfo[1]/Original[1]/CEB621Message[1]/Signature[1]",
                "a second ds:Signature");
    }

    @Test
    void a_signature_made_with_an_expired_certificate_is_refused() {
        TestKey expired = PartnerSigning.generate("expired-partner", SignatureAlgorithms.RSA_SHA1, SignatureAlgorithms.SHA1,
                Instant.now().minus(Duration.ofDays(400)), Duration.ofDays(365));
        assertRefused(verify(expired.sign(inventory()), expired), SignatureVerifier.EXPIRED, SIGNATURE, "valid from");
    }

    /** Signed with Santuario directly, for the shapes the adapter's signer never makes. */
    private static byte[] sign(TestKey key, byte[] message, String uri, boolean withCertificate, Consumer<Document> prepare) throws Exception {
        Document doc = parse(message);
        prepare.accept(doc);
        XMLSignature signature = new XMLSignature(doc, "", key.signatureMethod(), SignatureAlgorithms.C14N);
        doc.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        signature.addDocument(uri, transforms, key.digestMethod());
        if (withCertificate) {
            signature.addKeyInfo(key.certificate());
        }
        signature.sign(key.entry().getPrivateKey());
        return serialize(doc);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] serialize(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
