package org.wcoecom.adapter.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.wcoecom.adapter.security.SelfSignedKeys;
import org.wcoecom.adapter.xml.SignatureAlgorithms;
import org.wcoecom.adapter.xml.XmlSigner;

/**
 * Partners' signing keys for tests, made at test time (never committed): a key with a self-signed
 * certificate, the certificate as a PEM file to configure
 * ({@code adapter.signature.partner.<id>.certificates}), and the key signing messages as the partner
 * would. {@link #declarant()} is demo-declarant's, whose certificate every {@link TestAdapter} trusts.
 */
public final class PartnerSigning {

    private static TestKey declarant;

    private PartnerSigning() {
    }

    /** demo-declarant's key (RSA-SHA1 with SHA-1, as customs signs), made once per test run. */
    public static synchronized TestKey declarant() {
        if (declarant == null) {
            declarant = generate("demo-declarant", SignatureAlgorithms.RSA_SHA1, SignatureAlgorithms.SHA1);
        }
        return declarant;
    }

    /** A new key for the algorithms, valid from a minute ago for a month. */
    public static TestKey generate(String name, String signatureMethod, String digestMethod) {
        return generate(name, signatureMethod, digestMethod, Instant.now().minusSeconds(60), Duration.ofDays(30));
    }

    public static TestKey generate(String name, String signatureMethod, String digestMethod, Instant notBefore, Duration validity) {
        KeyStore.PrivateKeyEntry entry = SelfSignedKeys.generate(signatureMethod, "CN=" + name + " test signing key, O=tests",
                notBefore, validity);
        try {
            Path dir = Files.createTempDirectory("partner-key-");
            Path pem = dir.resolve(name + ".pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(entry.getCertificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            return new TestKey(entry, pem, signatureMethod, digestMethod);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message without any ds:Signature (the examples carry one of made-up values). */
    public static byte[] unsigned(byte[] message) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
            dbf.setNamespaceAware(true);
            Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(message));
            NodeList signatures = doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
            while (signatures.getLength() > 0) {
                var s = signatures.item(0);
                if (s.getPreviousSibling() != null && s.getPreviousSibling().getNodeType() == org.w3c.dom.Node.TEXT_NODE
                        && s.getPreviousSibling().getTextContent().isBlank()) {
                    s.getParentNode().removeChild(s.getPreviousSibling());
                }
                s.getParentNode().removeChild(s);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partner's key, its certificate in a PEM file. */
    public record TestKey(KeyStore.PrivateKeyEntry entry, Path pem, String signatureMethod, String digestMethod) {

        public X509Certificate certificate() {
            return (X509Certificate) entry.getCertificate();
        }

        public XmlSigner signer() {
            return new XmlSigner(entry.getPrivateKey(), certificate(), certificate().getSerialNumber().toString(16),
                    signatureMethod, digestMethod);
        }

        /** The message, any signature it had replaced by this key's. */
        public byte[] sign(byte[] message) {
            try {
                return signer().sign(unsigned(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The certificate alone in a PKCS#12 file with the password, as a partner may hand it over. */
        public Path pkcs12(String password) {
            try {
                KeyStore store = SignatureAlgorithms.pkcs12();
                store.load(null, null);
                store.setCertificateEntry("partner", certificate());
                Path file = pem.resolveSibling(pem.getFileName().toString().replace(".pem", ".p12"));
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, password.toCharArray());
                }
                return file;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
