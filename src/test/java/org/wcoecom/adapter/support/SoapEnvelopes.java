package org.wcoecom.adapter.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 requests as an overseas customs sends them to the adapter, secured with WSS4J
 * (UsernameToken with password digest, timestamp, optionally the Body and the timestamp signed),
 * posted as they are: a test can change the signed bytes before they go, as an attacker would.
 */
public final class SoapEnvelopes {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapEnvelopes() {
    }

    /** A SOAP envelope around the body element (an XML document without declaration), secured, with a timestamp made now. */
    public static String secured(String bodyXml, String user, String password, ExchangeKeys signWith) throws Exception {
        return secured(bodyXml, user, password, signWith, Optional.of(Instant.now()));
    }

    /**
     * The same with the timestamp's creation time chosen (it expires an hour later), or none at all.
     * With keys, the Body and the timestamp (when there is one) are signed.
     */
    public static String secured(String bodyXml, String user, String password, ExchangeKeys signWith,
                                 Optional<Instant> timestampCreated) throws Exception {
        return secured(bodyXml, user, password, signWith, timestampCreated, true, true);
    }

    /** The same, leaving the Body or the timestamp out of the signature when told to. */
    public static String secured(String bodyXml, String user, String password, ExchangeKeys signWith,
                                 Optional<Instant> timestampCreated, boolean signBody, boolean signTimestamp) throws Exception {
        Document doc = parse(envelope(bodyXml));
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();
        if (user != null) {
            WSSecUsernameToken ut = new WSSecUsernameToken(header);
            ut.setUserInfo(user, password);
            ut.setPasswordType(WSConstants.PASSWORD_DIGEST);
            ut.addNonce();
            ut.addCreated();
            ut.build();
        }
        if (timestampCreated.isPresent()) {
            WSSecTimestamp ts = new WSSecTimestamp(header);
            Instant created = timestampCreated.get();
            ts.setWsTimeSource(() -> created);
            ts.setTimeToLive(3600);
            ts.build();
        }
        if (signWith != null) {
            WSSecSignature sig = new WSSecSignature(header);
            sig.setUserInfo(signWith.alias(), signWith.password());
            sig.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            sig.setSignatureAlgorithm("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
            sig.setDigestAlgo("http://www.w3.org/2001/04/xmlenc#sha256");
            if (timestampCreated.isPresent() && signTimestamp) {
                sig.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, "Element"));
            }
            if (signBody) {
                sig.getParts().add(new WSEncryptionPart("Body", SOAP_NS, "Element"));
            }
            sig.build(signWith.crypto());
        }
        return serialize(doc);
    }

    /**
     * Signature wrapping, as an attacker who caught a signed request would try it: the signed Body
     * (with its id, so the signature still finds it) moves into an element of no meaning, in the
     * Header or after the Body, and a Body of the attacker's takes its place.
     */
    public static String wrapped(String signedEnvelope, String attackerBodyXml, boolean intoHeader) throws Exception {
        Document doc = parse(signedEnvelope);
        Element envelope = doc.getDocumentElement();
        Element signedBody = child(envelope, "Body");
        Element wrapper = doc.createElementNS("urn:attacker", "att:Wrapper");
        Element forged = doc.createElementNS(SOAP_NS, signedBody.getPrefix() + ":Body");
        forged.appendChild(doc.importNode(parse(strip(attackerBodyXml)).getDocumentElement(), true));
        envelope.replaceChild(forged, signedBody);
        wrapper.appendChild(signedBody);
        if (intoHeader) {
            child(envelope, "Header").appendChild(wrapper);
        } else {
            envelope.appendChild(wrapper);
        }
        return serialize(doc);
    }

    /** Posts a SOAP request; the response's status and body. */
    public static HttpResponse<String> post(String address, String operation, String envelope) throws Exception {
        return post(HttpClient.newHttpClient(), address, operation, envelope);
    }

    /** Posts a SOAP request with the given client (e.g. one that speaks TLS). */
    public static HttpResponse<String> post(HttpClient client, String address, String operation, String envelope) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(TestAdapter.WAIT)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:wco-ecom-adapter:exchange:1:" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String envelope(String bodyXml) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Header/><soap:Body>" + strip(bodyXml)
                + "</soap:Body></soap:Envelope>";
    }

    private static String strip(String xml) {
        return xml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
    }

    private static Element child(Element parent, String localName) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SOAP_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no soap:" + localName + " in the envelope");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialize(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString(StandardCharsets.UTF_8);
    }
}
