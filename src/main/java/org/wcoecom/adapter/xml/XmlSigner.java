package org.wcoecom.adapter.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs a message the way China customs CBEC messages are signed: an enveloped XML-DSig signature
 * as the root's last child (or before a given child: the export messages end with ExtendMessage),
 * C14N (20010315), Reference URI "" with the enveloped-signature transform, and a KeyInfo with a
 * KeyName (the certificate number) and the X.509 certificate.
 * The signature and digest algorithms are settings: partners and national crypto differ.
 */
public final class XmlSigner {

    static {
        // Base64 values (SignatureValue, X509Certificate) on one line: the JDK breaks them with CRLF,
        // which a serializer must write as "&#13;" in every line, and Java 17 has no LF-only option.
        // Read once, when the JDK's XML security classes load; a value given on the command line wins.
        if (System.getProperty("com.sun.org.apache.xml.internal.security.ignoreLineBreaks") == null) {
            System.setProperty("com.sun.org.apache.xml.internal.security.ignoreLineBreaks", "true");
        }
    }

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String keyName;
    private final String signatureMethod;
    private final String digestMethod;

    public XmlSigner(PrivateKey key, X509Certificate certificate, String keyName, String signatureMethod, String digestMethod) {
        this.key = key;
        this.certificate = certificate;
        this.keyName = keyName;
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
    }

    /** A signer with the key and certificate under an alias of a PKCS#12 keystore. */
    public static XmlSigner fromKeyStore(KeyStore store, String alias, char[] password, String keyName,
                                         String signatureMethod, String digestMethod) throws Exception {
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        X509Certificate cert = (X509Certificate) store.getCertificate(alias);
        if (key == null || cert == null) {
            throw new IllegalArgumentException("keystore has no private key and certificate under alias '" + alias + "'");
        }
        return new XmlSigner(key, cert, keyName == null || keyName.isBlank() ? cert.getSerialNumber().toString(16) : keyName,
                signatureMethod, digestMethod);
    }

    /** The message, signed, with the signature as the root's last child. */
    public byte[] sign(byte[] message) throws Exception {
        return sign(message, Optional.empty());
    }

    /**
     * The message, signed, with the signature before the root's child element {@code before} when
     * it has one (else as its last child). It is our own output, so it is parsed without the guard
     * (but still without DTDs).
     */
    public byte[] sign(byte[] message, Optional<QName> before) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(message));

        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        Reference ref = f.newReference("",
                f.newDigestMethod(digestMethod, null),
                List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)),
                null, null);
        SignedInfo signedInfo = f.newSignedInfo(
                f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(signatureMethod, null),
                List.of(ref));
        KeyInfoFactory kif = f.getKeyInfoFactory();
        KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newKeyName(keyName), kif.newX509Data(List.of(certificate))));
        Element root = doc.getDocumentElement();
        Node next = before.map(name -> firstChild(root, name)).orElse(null);
        DOMSignContext context = next == null ? new DOMSignContext(key, root) : new DOMSignContext(key, root, next);
        context.setDefaultNamespacePrefix("ds");
        XMLSignature signature = f.newXMLSignature(signedInfo, keyInfo);
        signature.sign(context);

        // written as it was signed: no re-indenting, or the digest would no longer match
        Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 4096);
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    private static Node firstChild(Element parent, QName name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name.getLocalPart().equals(e.getLocalName())
                    && name.getNamespaceURI().equals(e.getNamespaceURI() == null ? "" : e.getNamespaceURI())) {
                return c;
            }
        }
        return null;
    }
}
