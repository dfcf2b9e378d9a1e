package org.wcoecom.adapter.bench;

import java.util.Base64;
import java.util.SplittableRandom;

/**
 * An enveloped ds:Signature of the shape China customs expects (C14N, RSA-SHA1, Reference URI ""
 * with the enveloped-signature transform, KeyName and X.509 certificate), with random values of
 * the real sizes. The adapter verifies CEB311 signatures only of partners configured to sign them
 * (adapter.signature.partner.<id>.*), which demo-platform is not: only size and shape matter.
 * The certificate is the sender's: one per generator, the same in every message.
 */
final class SignatureBlock {

    /** A 2048-bit RSA certificate is about 880 bytes of DER. */
    private static final int CERTIFICATE_BYTES = 880;
    private static final int SHA1_BYTES = 20;
    private static final int RSA_2048_BYTES = 256;

    private final String keyName;
    private final String certificate;

    SignatureBlock(SplittableRandom rng) {
        this.keyName = String.format("%016x", rng.nextLong());
        byte[] der = new byte[CERTIFICATE_BYTES];
        rng.nextBytes(der);
        // a DER SEQUENCE header, so the Base64 starts "MII" like a real certificate's
        der[0] = 0x30;
        der[1] = (byte) 0x82;
        der[2] = (byte) ((CERTIFICATE_BYTES - 4) >>> 8);
        der[3] = (byte) (CERTIFICATE_BYTES - 4);
        this.certificate = Base64.getEncoder().encodeToString(der);
    }

    void write(StringBuilder sb, SplittableRandom rng) {
        sb.append("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>")
                .append("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>")
                .append("<ds:SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/>")
                .append("<ds:Reference URI=\"\"><ds:Transforms>")
                .append("<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/></ds:Transforms>")
                .append("<ds:DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>")
                .append("<ds:DigestValue>").append(random(rng, SHA1_BYTES)).append("</ds:DigestValue></ds:Reference></ds:SignedInfo>")
                .append("<ds:SignatureValue>").append(random(rng, RSA_2048_BYTES)).append("</ds:SignatureValue>")
                .append("<ds:KeyInfo><ds:KeyName>").append(keyName).append("</ds:KeyName>")
                .append("<ds:X509Data><ds:X509Certificate>").append(certificate).append("</ds:X509Certificate></ds:X509Data>")
                .append("</ds:KeyInfo></ds:Signature>");
    }

    private static String random(SplittableRandom rng, int bytes) {
        byte[] b = new byte[bytes];
        rng.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
