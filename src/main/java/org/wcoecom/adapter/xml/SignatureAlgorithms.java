package org.wcoecom.adapter.xml;

import java.math.BigInteger;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import java.security.interfaces.ECKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.exceptions.AlgorithmAlreadyRegisteredException;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The algorithms of the China customs profile of XML-DSig, and the one place Apache Santuario is
 * taught the national ones: customs' own URIs for SM2 signatures with SM3
 * ({@value #SM2_SM3}) and SM3 digests ({@value #SM3}), computed by Bouncy Castle.
 *
 * <p>The CEB specification (202205, chapter 6) names RSA-SHA1/SHA-1 and SM2-SM3/SM3; RSA with
 * SHA-256 or SHA-512 is accepted as well, since nothing weaker than the profile's choice is.
 */
public final class SignatureAlgorithms {

    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String SM2_SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3";

    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public static final String SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3";

    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public static final String C14N_WITH_COMMENTS = C14N + "#WithComments";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    /** Signature method -> the key it needs ("RSA", or "SM2": an EC key on the SM2 curve). */
    static final Map<String, String> SIGNATURE_KEYS = Map.of(RSA_SHA1, "RSA", RSA_SHA256, "RSA", RSA_SHA512, "RSA", SM2_SM3, "SM2");
    static final Set<String> DIGESTS = Set.of(SHA1, SHA256, SHA512, SM3);
    static final Set<String> CANONICALIZATIONS = Set.of(C14N, C14N_WITH_COMMENTS, EXC_C14N);
    static final Set<String> WEAK = Set.of(RSA_SHA1, SHA1);

    /** GM/T 0009's default user id, which SM2 signatures of certificates and messages use unless agreed otherwise. */
    public static final byte[] SM2_USER_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final BigInteger SM2_ORDER = GMNamedCurves.getByName("sm2p256v1").getN();
    private static boolean initialised;
    // held, or the JDK may forget the level set on it
    private static final java.util.logging.Logger SANTUARIO_SIGNATURES = java.util.logging.Logger.getLogger("org.apache.xml.security.signature");

    private SignatureAlgorithms() {
    }

    /** Santuario initialised once, with SM2-SM3 and SM3 registered and Bouncy Castle as a JCA provider. */
    public static synchronized void init() {
        if (initialised) {
            return;
        }
        Init.init();
        // a signature that does not verify is answered to its sender and audited; Santuario's own
        // warnings about it (through java.util.logging) would only repeat that on standard error
        SANTUARIO_SIGNATURES.setLevel(java.util.logging.Level.SEVERE);
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            // last in the list: only what the JDK lacks (SM2, SM3) is taken from it
            Security.addProvider(new BouncyCastleProvider());
        }
        JCEMapper.register(SM3, new JCEMapper.Algorithm("", "SM3", "MessageDigest"));
        JCEMapper.register(SM2_SM3, new JCEMapper.Algorithm("EC", Sm2Sm3Signature.JCA_NAME, "Signature"));
        try {
            SignatureAlgorithm.register(SM2_SM3, Sm2Sm3Signature.class);
        } catch (AlgorithmAlreadyRegisteredException e) {
            // registered by an earlier initialisation in the same JVM: nothing to do
        } catch (Exception e) {
            throw new IllegalStateException("cannot register " + SM2_SM3 + " with Santuario", e);
        }
        initialised = true;
    }

    static Provider bouncyCastle() {
        init();
        return Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    }

    /**
     * Bouncy Castle's X.509 parser: the JDK's cannot read a certificate with an SM2 key (it does not
     * know the curve); Bouncy Castle reads both kinds.
     */
    public static java.security.cert.CertificateFactory certificateFactory() {
        try {
            return java.security.cert.CertificateFactory.getInstance("X.509", bouncyCastle());
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty PKCS#12 keystore of Bouncy Castle's, which holds SM2 keys and certificates as well as RSA ones. */
    public static java.security.KeyStore pkcs12() {
        try {
            return java.security.KeyStore.getInstance("PKCS12", bouncyCastle());
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isSignatureMethod(String uri) {
        return SIGNATURE_KEYS.containsKey(uri);
    }

    public static boolean isDigestMethod(String uri) {
        return DIGESTS.contains(uri);
    }

    public static boolean isCanonicalization(String uri) {
        return CANONICALIZATIONS.contains(uri);
    }

    /** SHA-1 and RSA-SHA1: still customs' own choice, accepted only where a setting allows it. */
    public static boolean isWeak(String uri) {
        return WEAK.contains(uri);
    }

    public static List<String> signatureMethods() {
        return List.of(RSA_SHA1, RSA_SHA256, RSA_SHA512, SM2_SM3);
    }

    public static List<String> digestMethods() {
        return List.of(SHA1, SHA256, SHA512, SM3);
    }

    /** "RSA" or "SM2", the kind of key a signature method needs. */
    public static String keyKind(String signatureMethod) {
        String kind = SIGNATURE_KEYS.get(signatureMethod);
        if (kind == null) {
            throw new IllegalArgumentException("unknown signature method " + signatureMethod);
        }
        return kind;
    }

    /** "RSA", "SM2" (an EC key on the SM2 curve), or the key's own algorithm name. */
    public static String keyKind(Key key) {
        if (key instanceof ECKey ec) {
            return SM2_ORDER.equals(ec.getParams().getOrder()) ? "SM2" : "EC (not SM2)";
        }
        return "RSA".equals(key.getAlgorithm()) ? "RSA" : key.getAlgorithm();
    }

    /** Whether the key can make or check signatures of the method. */
    public static boolean fits(String signatureMethod, Key key) {
        return isSignatureMethod(signatureMethod) && keyKind(signatureMethod).equals(keyKind(key));
    }
}
