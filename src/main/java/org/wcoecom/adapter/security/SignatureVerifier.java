package org.wcoecom.adapter.security;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import net.sf.saxon.s9api.Axis;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.NodePaths;
import org.wcoecom.adapter.xml.SecureXml;
import org.wcoecom.adapter.xml.SignatureAlgorithms;
import org.wcoecom.adapter.xml.XmlError;
import org.xml.sax.InputSource;

/**
 * Verifies the enveloped XML signature of a message against the certificates configured for its
 * sender, in the China customs profile: one {@code ds:Signature}, a child of the root element, over
 * the whole message ({@code Reference URI=""}, the enveloped-signature transform and at most a
 * canonicalization after it), with the profile's algorithms (SHA-1 only where allowed).
 *
 * <p>Anything else is refused before any cryptography runs: references to parts of the message (the
 * way signature wrapping works), further references or transforms, a second signature. The key
 * comes only from the configured certificates; a certificate carried in the message is used only
 * when it equals one of them. The cryptography is Apache Santuario's, with secure validation on,
 * on a DOM tree parsed from the same bytes as the tree the pipeline translates.
 */
public final class SignatureVerifier {

    /** No signature where one is owed (CEB 1001; CEB622 -621026 "signature empty"). */
    public static final String MISSING = "SIGNATURE_MISSING";
    /** A signature outside the profile, or one the sender's certificates cannot check (CEB 1001). */
    public static final String INVALID = "SIGNATURE_INVALID";
    /** The signature does not match the message (CEB 1004). */
    public static final String MISMATCH = "SIGNATURE_MISMATCH";
    /** Made with a certificate outside its validity period (CEB 1002). */
    public static final String EXPIRED = "SIGNATURE_EXPIRED";

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final QName SIGNATURE = new QName(DS, "Signature");

    private final boolean acceptSha1;

    /** @param acceptSha1 whether RSA-SHA1 signatures and SHA-1 digests are accepted (customs still uses them) */
    public SignatureVerifier(boolean acceptSha1) {
        SignatureAlgorithms.init();
        this.acceptSha1 = acceptSha1;
    }

    /** Whether the message carries a ds:Signature anywhere. */
    public static boolean isSigned(XdmNode document) {
        return document.axisIterator(Axis.DESCENDANT, SIGNATURE).hasNext();
    }

    /**
     * What is wrong with the message's signature; empty when it is a valid signature of the whole
     * message by the holder of one of the certificates, valid at the given time.
     *
     * @param document the message as the pipeline read it (for positions and the profile checks)
     * @param source   the same message, parsed again here for the cryptography
     */
    public List<XmlError> verify(XdmNode document, InputSource source, List<X509Certificate> certificates, Instant at) {
        XdmNode root = Format.rootElement(document);
        List<XdmNode> signatures = new ArrayList<>();
        document.axisIterator(Axis.DESCENDANT, SIGNATURE).forEachRemaining(signatures::add);
        if (signatures.isEmpty()) {
            return List.of(error(MISSING, root, "the message is not signed: a ds:Signature over the whole message, as the root's"
                    + " last child, is required"));
        }
        if (signatures.size() > 1) {
            return List.of(error(INVALID, signatures.get(1), "a second ds:Signature: one signature, over the whole message, is accepted"));
        }
        XdmNode signature = signatures.get(0);
        if (!root.equals(signature.getParent())) {
            return List.of(error(INVALID, signature, "ds:Signature must be a child of the root element: an enveloped signature"
                    + " over the whole message"));
        }
        List<XmlError> profile = profile(signature);
        if (!profile.isEmpty()) {
            return profile;
        }
        String method = child(child(signature, "SignedInfo"), "SignatureMethod").getAttributeValue(new QName("Algorithm"));

        List<X509Certificate> candidates = new ArrayList<>(certificates);
        for (XdmNode carried : descendants(child(signature, "KeyInfo"), "X509Certificate")) {
            Optional<X509Certificate> cert = certificate(carried.getStringValue());
            if (cert.isEmpty()) {
                return List.of(error(INVALID, carried, "ds:X509Certificate is not an X.509 certificate"));
            }
            if (!certificates.contains(cert.get())) {
                return List.of(error(INVALID, carried, "the certificate in the signature (serial " + cert.get().getSerialNumber().toString(16)
                        + ") is not one configured for the sender"));
            }
            candidates = List.of(cert.get());
        }
        candidates = candidates.stream().filter(c -> SignatureAlgorithms.fits(method, c.getPublicKey())).toList();
        if (candidates.isEmpty()) {
            return List.of(error(INVALID, child(child(signature, "SignedInfo"), "SignatureMethod"), "SignatureMethod " + method
                    + " needs an " + SignatureAlgorithms.keyKind(method) + " key: the sender's certificate has none"));
        }
        return cryptography(signature, source, candidates, at);
    }

    /** The profile, checked on the tree the pipeline works on, so that errors carry line, column and path. */
    private List<XmlError> profile(XdmNode signature) {
        XdmNode signedInfo = child(signature, "SignedInfo");
        if (signedInfo == null) {
            return List.of(error(INVALID, signature, "ds:Signature has no ds:SignedInfo"));
        }
        List<XmlError> errors = new ArrayList<>();
        algorithm(errors, signedInfo, "CanonicalizationMethod", SignatureAlgorithms::isCanonicalization);
        algorithm(errors, signedInfo, "SignatureMethod", SignatureAlgorithms::isSignatureMethod);
        List<XdmNode> references = children(signedInfo, "Reference");
        if (references.size() != 1) {
            errors.add(error(INVALID, references.isEmpty() ? signedInfo : references.get(1), "ds:SignedInfo holds " + references.size()
                    + " references: one, to the whole message (URI \"\"), is accepted"));
            return errors;
        }
        XdmNode reference = references.get(0);
        String uri = reference.getAttributeValue(new QName("URI"));
        if (!"".equals(uri)) {
            errors.add(error(INVALID, reference, "Reference URI " + (uri == null ? "missing" : "\"" + uri + "\"")
                    + ": only URI=\"\", the whole message, is accepted"));
        }
        List<XdmNode> transforms = descendants(child(reference, "Transforms"), "Transform");
        for (int i = 0; i < transforms.size(); i++) {
            XdmNode transform = transforms.get(i);
            String algorithm = transform.getAttributeValue(new QName("Algorithm"));
            boolean allowed = i == 0 ? SignatureAlgorithms.ENVELOPED.equals(algorithm)
                    : i == 1 && SignatureAlgorithms.isCanonicalization(algorithm);
            if (!allowed || hasElementChildren(transform)) {
                errors.add(error(INVALID, transform, "Transform " + algorithm + ": only the enveloped-signature transform,"
                        + " then at most a canonicalization, is accepted"));
            }
        }
        if (transforms.isEmpty()) {
            errors.add(error(INVALID, reference, "the enveloped-signature transform is missing"));
        }
        algorithm(errors, reference, "DigestMethod", SignatureAlgorithms::isDigestMethod);
        return errors;
    }

    private void algorithm(List<XmlError> errors, XdmNode parent, String name, java.util.function.Predicate<String> known) {
        XdmNode element = child(parent, name);
        if (element == null) {
            errors.add(error(INVALID, parent, "ds:" + name + " is missing"));
            return;
        }
        String algorithm = element.getAttributeValue(new QName("Algorithm"));
        if (algorithm == null || !known.test(algorithm) || hasElementChildren(element)) {
            errors.add(error(INVALID, element, name + " " + algorithm + " is not one of the profile's algorithms"));
        } else if (!acceptSha1 && SignatureAlgorithms.isWeak(algorithm)) {
            errors.add(error(INVALID, element, name + " " + algorithm + " (SHA-1) is not accepted here"
                    + " (adapter.signature.accept-sha1)"));
        }
    }

    private static List<XmlError> cryptography(XdmNode signature, InputSource source, List<X509Certificate> candidates, Instant at) {
        XMLSignature xml;
        try {
            Document dom = SecureXml.document(source);
            xml = new XMLSignature(signatureElement(dom), "", true);
        } catch (Exception e) {
            return List.of(error(INVALID, signature, "the signature cannot be read: " + e.getMessage()));
        }
        for (X509Certificate candidate : candidates) {
            boolean valid;
            try {
                valid = xml.checkSignatureValue(candidate.getPublicKey());
            } catch (Exception e) {
                valid = false;
            }
            if (valid) {
                Date when = Date.from(at);
                if (when.before(candidate.getNotBefore()) || when.after(candidate.getNotAfter())) {
                    return List.of(error(EXPIRED, signature, "the signing certificate (serial " + candidate.getSerialNumber().toString(16)
                            + ") is valid from " + candidate.getNotBefore().toInstant() + " to " + candidate.getNotAfter().toInstant()));
                }
                return List.of();
            }
        }
        XdmNode signedInfo = child(signature, "SignedInfo");
        XdmNode reference = children(signedInfo, "Reference").get(0);
        boolean digestMatches;
        try {
            digestMatches = xml.getSignedInfo().item(0).verify();
        } catch (Exception e) {
            digestMatches = false;
        }
        if (!digestMatches) {
            return List.of(error(MISMATCH, Optional.ofNullable(child(reference, "DigestValue")).orElse(reference),
                    "the message does not match its DigestValue: it was changed after it was signed"));
        }
        return List.of(error(MISMATCH, Optional.ofNullable(child(signature, "SignatureValue")).orElse(signature),
                "SignatureValue does not verify with the sender's certificate" + (candidates.size() > 1 ? "s" : "")));
    }

    /** The root's ds:Signature child in the DOM tree (the profile checks found exactly one, there). */
    private static Element signatureElement(Document dom) {
        for (Node n = dom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("no ds:Signature under the root element");
    }

    private static Optional<X509Certificate> certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.trim());
            return Optional.of((X509Certificate) SignatureAlgorithms.certificateFactory()
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static XdmNode child(XdmNode parent, String name) {
        List<XdmNode> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<XdmNode> children(XdmNode parent, String name) {
        List<XdmNode> result = new ArrayList<>();
        if (parent != null) {
            parent.axisIterator(Axis.CHILD, new QName(DS, name)).forEachRemaining(result::add);
        }
        return result;
    }

    private static List<XdmNode> descendants(XdmNode parent, String name) {
        List<XdmNode> result = new ArrayList<>();
        if (parent != null) {
            parent.axisIterator(Axis.DESCENDANT, new QName(DS, name)).forEachRemaining(result::add);
        }
        return result;
    }

    private static boolean hasElementChildren(XdmNode element) {
        for (XdmNode c : element.children()) {
            if (c.getNodeKind() == XdmNodeKind.ELEMENT) {
                return true;
            }
        }
        return false;
    }

    private static XmlError error(String code, XdmNode node, String message) {
        return new XmlError(code, Math.max(0, node.getLineNumber()), Math.max(0, node.getColumnNumber()), NodePaths.of(node), message);
    }
}
