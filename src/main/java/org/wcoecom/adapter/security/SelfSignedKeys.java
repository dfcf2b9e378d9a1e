package org.wcoecom.adapter.security;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.wcoecom.adapter.xml.SignatureAlgorithms;

/**
 * A key pair with a self-signed certificate, made in process (no key or password ever passes
 * through a command line): RSA 2048 for the RSA signature methods, SM2 for SM2-SM3. For trying the
 * adapter and for tests; customs accepts only certificates its own authority issued.
 */
public final class SelfSignedKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedKeys() {
    }

    /** A new key fit for the signature method, its certificate issued to itself with the given subject (an X.500 name). */
    public static KeyStore.PrivateKeyEntry generate(String signatureMethod, String subject, Instant notBefore, Duration validity) {
        SignatureAlgorithms.init();
        try {
            boolean sm2 = "SM2".equals(SignatureAlgorithms.keyKind(signatureMethod));
            KeyPairGenerator generator;
            if (sm2) {
                generator = KeyPairGenerator.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME);
                generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            } else {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
            }
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notBefore.plus(validity)), name, pair.getPublic());
            var signer = new JcaContentSignerBuilder(sm2 ? "SM3withSM2" : "SHA256withRSA")
                    .setProvider(BouncyCastleProvider.PROVIDER_NAME).build(pair.getPrivate());
            X509Certificate certificate = (X509Certificate) SignatureAlgorithms.certificateFactory()
                    .generateCertificate(new ByteArrayInputStream(builder.build(signer).getEncoded()));
            return new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate});
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a self-signed key: " + e.getMessage(), e);
        }
    }

    /** A key valid from now for the given time. */
    public static KeyStore.PrivateKeyEntry generate(String signatureMethod, String subject, Duration validity) {
        return generate(signatureMethod, subject, Instant.now().minusSeconds(60), validity);
    }
}
