package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.Cipher;

import org.apache.xml.security.signature.XMLSignature;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.SecureXml;
import org.wcoecom.adapter.xml.SignatureAlgorithms;
import org.wcoecom.adapter.xml.XmlError;
import org.xml.sax.InputSource;

/**
 * What the signatures of the official CEB samples (2018 and 202205) are, and that none of them can
 * be verified, so that none can serve as a test of valid signatures (the other tests make their own):
 * every signed sample carries the same signature block, an RSA-SHA1 signature by a 1024-bit RSA
 * key over a SignedInfo that is in none of them, with one DigestValue for 36 different messages.
 * The 202205 samples merely relabel it sm2-sm3/sm3: a 20-byte digest (SM3 gives 32) and an RSA
 * certificate. Trusting the samples' own certificate, the verifier refuses each for that reason.
 */
class OfficialSampleSignaturesTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private static List<Path> signedSamples() throws Exception {
        try (Stream<Path> files = Files.list(Project.reference().resolve("ceb/samples"))) {
            return files.filter(p -> p.toString().endsWith(".xml") && Project.read(p).contains("<ds:Signature")).sorted().toList();
        }
    }

    @Test
    void no_official_sample_signature_verifies_and_each_is_refused_for_what_it_is() throws Exception {
        List<Path> samples = signedSamples();
        assertEquals(36, samples.size(), "signed official samples");
        SignatureVerifier verifier = new SignatureVerifier(true);
        for (Path sample : samples) {
            byte[] bytes = Files.readAllBytes(sample);
            X509Certificate certificate = certificate(bytes);
            List<XmlError> errors = verifier.verify(Xml.parse(bytes), new InputSource(new ByteArrayInputStream(bytes)),
                    List.of(certificate), Instant.parse("2020-01-01T00:00:00Z"));
            String method = Xml.value(Xml.parse(bytes), "//*:SignatureMethod/@Algorithm");
            assertEquals(1, errors.size(), sample + ": " + errors);
            if (SignatureAlgorithms.RSA_SHA1.equals(method)) {
                assertEquals(SignatureVerifier.MISMATCH, errors.get(0).code(), sample + ": " + errors.get(0).describe());
                assertTrue(errors.get(0).path().endsWith("/DigestValue[1]"), sample + ": " + errors.get(0).describe());
            } else {
                assertEquals(SignatureAlgorithms.SM2_SM3, method, sample.toString());
                assertEquals(SignatureVerifier.INVALID, errors.get(0).code(), sample + ": " + errors.get(0).describe());
                assertTrue(errors.get(0).message().contains("needs an SM2 key"), sample + ": " + errors.get(0).describe());
            }
        }
    }

    @Test
    void the_samples_carry_one_rsa_sha1_signature_made_over_a_signed_info_none_of_them_has() throws Exception {
        List<Path> samples = signedSamples();
        byte[] first = Files.readAllBytes(samples.get(0));
        X509Certificate certificate = certificate(first);
        assertEquals("RSA", certificate.getPublicKey().getAlgorithm());
        assertEquals(1024, ((java.security.interfaces.RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());

        byte[] signatureValue = Base64.getMimeDecoder().decode(Xml.value(Xml.parse(first), "//*:SignatureValue"));
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, certificate.getPublicKey());
        DigestInfo signed = DigestInfo.getInstance(rsa.doFinal(signatureValue));
        assertEquals("1.3.14.3.2.26", signed.getAlgorithmId().getAlgorithm().getId(), "a SHA-1 DigestInfo: an RSA-SHA1 signature by this key");

        for (Path sample : samples) {
            byte[] bytes = Files.readAllBytes(sample);
            var doc = Xml.parse(bytes);
            assertEquals(certificate, certificate(bytes), sample + ": another certificate");
            assertArrayEquals(signatureValue, Base64.getMimeDecoder().decode(Xml.value(doc, "//*:SignatureValue")), sample.toString());
            assertEquals("SF/P+2sVsRQ9dJIqJSroW6ajb0Y=", Xml.value(doc, "//*:DigestValue"), sample.toString());
            assertEquals(20, Base64.getDecoder().decode(Xml.value(doc, "//*:DigestValue")).length, "SHA-1's length, not SM3's");
            byte[] signedInfo = signedInfo(bytes);
            assertFalse(Arrays.equals(signed.getDigest(), MessageDigest.getInstance("SHA-1").digest(signedInfo)),
                    sample + ": its own SignedInfo is what was signed");
        }
    }

    private static X509Certificate certificate(byte[] sample) throws Exception {
        String base64 = Xml.value(Xml.parse(sample), "//*:X509Certificate");
        return (X509Certificate) SignatureAlgorithms.certificateFactory()
                .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
    }

    /** The sample's SignedInfo, canonicalized as its CanonicalizationMethod says. */
    private static byte[] signedInfo(byte[] sample) throws Exception {
        var dom = SecureXml.document(new InputSource(new ByteArrayInputStream(sample)));
        Element signature = (Element) dom.getElementsByTagNameNS(DS, "Signature").item(0);
        return new XMLSignature(signature, "", true).getSignedInfo().getCanonicalizedOctetStream();
    }
}
