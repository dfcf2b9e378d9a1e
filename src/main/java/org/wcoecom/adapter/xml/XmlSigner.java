package org.wcoecom.adapter.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;

/**
 * Signs a message the way China customs CBEC messages are signed: an enveloped XML-DSig signature
 * as the root's last child, C14N (20010315), Reference URI "" with the enveloped-signature
 * transform, and a KeyInfo with a KeyName (the certificate number) and the X.509 certificate.
 * The signature and digest algorithms are settings: RSA (SHA-1 as customs uses it, or SHA-256/512)
 * or the national SM2-SM3 with SM3, through Apache Santuario ({@link SignatureAlgorithms}).
 */
public final class XmlSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String keyName;
    private final String signatureMethod;
    private final String digestMethod;

    /**
     * @throws IllegalArgumentException when an algorithm is unknown or the key cannot make signatures of that method
     */
    public XmlSigner(PrivateKey key, X509Certificate certificate, String keyName, String signatureMethod, String digestMethod) {
        SignatureAlgorithms.init();
        if (!SignatureAlgorithms.isSignatureMethod(signatureMethod)) {
            throw new IllegalArgumentException("unknown signature method '" + signatureMethod + "' (known: "
                    + String.join(", ", SignatureAlgorithms.signatureMethods()) + ")");
        }
        if (!SignatureAlgorithms.isDigestMethod(digestMethod)) {
            throw new IllegalArgumentException("unknown digest method '" + digestMethod + "' (known: "
                    + String.join(", ", SignatureAlgorithms.digestMethods()) + ")");
        }
        if (!SignatureAlgorithms.fits(signatureMethod, key) || !SignatureAlgorithms.fits(signatureMethod, certificate.getPublicKey())) {
            throw new IllegalArgumentException("the key is " + SignatureAlgorithms.keyKind(key) + ": signature method "
                    + signatureMethod + " needs an " + SignatureAlgorithms.keyKind(signatureMethod) + " key");
        }
        this.key = key;
        this.certificate = certificate;
        this.keyName = keyName;
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The message, signed. It is our own output, so it is parsed without the guard (but still without DTDs). */
    public byte[] sign(byte[] message) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(message));

        XMLSignature signature = new XMLSignature(doc, "", signatureMethod, SignatureAlgorithms.C14N);
        doc.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        signature.addDocument("", transforms, digestMethod);
        signature.getKeyInfo().addKeyName(keyName);
        X509Data x509 = new X509Data(doc);
        x509.addCertificate(certificate);
        signature.getKeyInfo().add(x509);
        signature.sign(key);
        // Santuario breaks long base64 values with CRLF, which a serializer must write as "&#13;": one
        // line each instead (neither value is covered by the signature; the DigestValue is too short to break)
        for (String name : new String[] {"SignatureValue", "X509Certificate"}) {
            org.w3c.dom.NodeList values = signature.getElement().getElementsByTagNameNS(org.apache.xml.security.utils.Constants.SignatureSpecNS, name);
            for (int i = 0; i < values.getLength(); i++) {
                values.item(i).setTextContent(values.item(i).getTextContent().replaceAll("\\s", ""));
            }
        }

        // written as it was signed: no re-indenting, or the digest would no longer match
        Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 4096);
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
