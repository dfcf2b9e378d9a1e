package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wcoecom.adapter.support.Channels;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.PartnerSigning;
import org.wcoecom.adapter.support.PartnerSigning.TestKey;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.SignatureAlgorithms;

/**
 * Partners' signatures, checked by a running adapter on its real channels. demo-declarant's
 * declarations (CEB621) must be signed (the default) with its RSA key; demo-platform must sign its
 * orders (CEB311) and does so with SM2 (its certificate in a PKCS#12 file); demo-payment may sign its
 * payments (optional). Each refusal comes back in the sender's receipt format with customs'
 * signature code and the element path of the signature, and nothing refused reaches customs.
 */
class IncomingSignatureTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final TestKey DECLARANT = PartnerSigning.declarant();
    private static final TestKey PLATFORM = PartnerSigning.generate("demo-platform", SignatureAlgorithms.SM2_SM3, SignatureAlgorithms.SM3);
    private static final TestKey PAYMENT = PartnerSigning.generate("demo-payment", SignatureAlgorithms.RSA_SHA256, SignatureAlgorithms.SHA256);
    private static final TestKey FOREIGN = PartnerSigning.generate("someone-else", SignatureAlgorithms.RSA_SHA1, SignatureAlgorithms.SHA1);

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        Path secrets = data.resolve("secrets").resolve("secrets.properties");
        Files.createDirectories(secrets.getParent());
        Files.writeString(secrets, PartnerCertificates.passwordSecret("demo-platform") + "=platform-certificates\n");
        adapter = new TestAdapter(data, Map.of(
                PartnerCertificates.key("demo-platform"), PLATFORM.pkcs12("platform-certificates").toString(),
                "adapter.signature.partner.demo-platform.required", "ceb311",
                PartnerCertificates.key("demo-payment"), PAYMENT.pem().toString(),
                "adapter.signature.partner.demo-payment.optional", "ceb411"));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    private static byte[] inventory(String orderNo) {
        return Messages.utf8(Project.read(Project.examples("ceb621").resolve("inventory-single.xml")).replace("YX20261120143005001", orderNo));
    }

    @ParameterizedTest
    @ValueSource(strings = {Channels.HTTP, Channels.JMS, Channels.FILE})
    void a_correctly_signed_declaration_is_accepted(String channel) throws Exception {
        String orderNo = Messages.orderNo("SIG-OK-" + channel);
        var receipt = engine.valid(Messages.utf8(Channels.answer(adapter, channel, "demo-declarant", DECLARANT.sign(inventory(orderNo)))));
        assertEquals("2", Xml.value(receipt, "//ceb:returnStatus"), Xml.value(receipt, "//ceb:returnInfo"));
        adapter.forwarded("demo-declarant:" + orderNo);
    }

    @ParameterizedTest
    @ValueSource(strings = {Channels.HTTP, Channels.JMS})
    void a_declaration_changed_after_it_was_signed_is_refused(String channel) throws Exception {
        String orderNo = Messages.orderNo("SIG-CHANGED-" + channel);
        byte[] changed = new String(DECLARANT.sign(inventory(orderNo)), StandardCharsets.UTF_8)
                .replace("<ceb:price>298</ceb:price>", "<ceb:price>2.98</ceb:price>").getBytes(StandardCharsets.UTF_8);
        assertRefused(Channels.answer(adapter, channel, "demo-declarant", changed), "-621029", "[Code:1004;",
                "/CEB621Message/Signature[1]/SignedInfo[1]/Reference[1]/DigestValue[1]", "demo-declarant:" + orderNo);
    }

    @Test
    void a_declaration_signed_with_another_key_is_refused() throws Exception {
        String orderNo = Messages.orderNo("SIG-FOREIGN");
        assertRefused(post(FOREIGN.sign(inventory(orderNo)), "demo-declarant", 400), "-621029", "[Code:1001;",
                "/CEB621Message/Signature[1]/KeyInfo[1]/X509Data[1]/X509Certificate[1]", "demo-declarant:" + orderNo);
    }

    @Test
    void a_declaration_whose_signature_points_elsewhere_than_the_whole_message_is_refused() throws Exception {
        String orderNo = Messages.orderNo("SIG-URI");
        Document doc = parse(PartnerSigning.unsigned(inventory(orderNo)));
        XMLSignature signature = new XMLSignature(doc, "", DECLARANT.signatureMethod(), SignatureAlgorithms.C14N);
        doc.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        signature.addDocument("#xpointer(/)", transforms, DECLARANT.digestMethod());
        signature.addKeyInfo(DECLARANT.certificate());
        signature.sign(DECLARANT.entry().getPrivateKey());
        assertRefused(post(serialize(doc), "demo-declarant", 400), "-621029", "[Code:1001;",
                "/CEB621Message/Signature[1]/SignedInfo[1]/Reference[1]", "demo-declarant:" + orderNo);
    }

    @Test
    void a_wrapped_declaration_is_refused() throws Exception {
        // the declarant's genuinely signed inventory hidden inside the signature, a changed copy in its place
        String orderNo = Messages.orderNo("SIG-WRAP");
        Document genuine = parse(DECLARANT.sign(inventory(orderNo)));
        Document forged = parse(DECLARANT.sign(inventory(orderNo)));
        Element keyInfo = (Element) forged.getElementsByTagNameNS(DS, "KeyInfo").item(0);
        Element wrapper = forged.createElementNS("urn:attacker", "a:Original");
        wrapper.appendChild(forged.importNode(genuine.getDocumentElement(), true));
        keyInfo.appendChild(wrapper);
        forged.getElementsByTagNameNS("http://www.chinaport.gov.cn/ceb", "price").item(0).setTextContent("1");
        assertRefused(post(serialize(forged), "demo-declarant", 400), "-621029", "[Code:1001;",
                "/KeyInfo[1]/Original[1]/CEB621Message[1]/Signature[1]", "demo-declarant:" + orderNo);
    }

    @Test
    void an_unsigned_declaration_is_refused() throws Exception {
        String orderNo = Messages.orderNo("SIG-NONE");
        // the customs schema itself requires the signature of an inventory
        assertRefused(post(PartnerSigning.unsigned(inventory(orderNo)), "demo-declarant", 400), "-621001", "[Code:0002;", "Signature",
                "demo-declarant:" + orderNo);
    }

    @Test
    void a_platform_that_must_sign_its_orders_is_refused_an_unsigned_one_and_accepted_an_sm2_signed_one() throws Exception {
        String unsigned = Messages.orderNo("SIG-ORDER-NONE");
        assertRefused(post(Messages.utf8(Messages.single(unsigned)), "demo-platform", 400), "-301008", "[Code:1001;",
                "/CEB311Message the message is not signed", "demo-platform:" + unsigned);
        String signed = Messages.orderNo("SIG-ORDER-SM2");
        HttpResponse<String> accepted = adapter.post(PLATFORM.sign(Messages.utf8(Messages.single(signed))), "demo-platform");
        assertEquals(200, accepted.statusCode(), accepted.body());
        adapter.forwarded("demo-platform:" + signed);
    }

    @Test
    void an_optional_signature_may_be_left_out_but_not_be_wrong() throws Exception {
        String unsignedTx = Messages.orderNo("SIG-PAY-NONE");
        assertEquals(200, adapter.post(Messages.utf8(Messages.payment(Messages.orderNo("O"), unsignedTx)), "demo-payment").statusCode());
        adapter.forwarded("demo-payment:" + unsignedTx);

        String signedTx = Messages.orderNo("SIG-PAY-OK");
        assertEquals(200, adapter.post(PAYMENT.sign(Messages.utf8(Messages.payment(Messages.orderNo("O"), signedTx))), "demo-payment")
                .statusCode());
        adapter.forwarded("demo-payment:" + signedTx);

        String wrongTx = Messages.orderNo("SIG-PAY-WRONG");
        assertRefused(post(FOREIGN.sign(Messages.utf8(Messages.payment(Messages.orderNo("O"), wrongTx))), "demo-payment", 400),
                "-401009", "[Code:1001;", "/CEB411Message/Signature[1]/KeyInfo[1]/X509Data[1]/X509Certificate[1]", "demo-payment:" + wrongTx);
    }

    private static String post(byte[] body, String partner, int expectedStatus) throws Exception {
        HttpResponse<String> r = adapter.post(body, partner);
        assertEquals(expectedStatus, r.statusCode(), r.body());
        return r.body();
    }

    private void assertRefused(String receipt, String status, String code, String path, String recordId) throws Exception {
        var doc = engine.valid(Messages.utf8(receipt));
        String info = Xml.value(doc, "//ceb:returnInfo");
        assertEquals(status, Xml.value(doc, "//ceb:returnStatus"), info);
        assertTrue(info.startsWith(code), info);
        assertTrue(info.contains(path), () -> path + " not in: " + info);
        assertTrue(adapter.takeForwarded(recordId, Duration.ofSeconds(1)).isEmpty(), "a refused message reached customs");
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
