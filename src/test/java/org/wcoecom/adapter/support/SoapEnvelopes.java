package org.wcoecom.adapter.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

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

/**
 * SOAP 1.1 requests as an overseas customs sends them to the adapter, secured with WSS4J
 * (UsernameToken with password digest, timestamp, optionally the Body signed), posted as they are:
 * a test can change the signed bytes before they go, as an attacker would.
 */
public final class SoapEnvelopes {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapEnvelopes() {
    }

    /** A SOAP envelope around the body element (an XML document without declaration), secured. */
    public static String secured(String bodyXml, String user, String password, ExchangeKeys signWith) throws Exception {
        String body = bodyXml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        String envelope = "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Header/><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
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
        WSSecTimestamp ts = new WSSecTimestamp(header);
        ts.build();
        if (signWith != null) {
            WSSecSignature sig = new WSSecSignature(header);
            sig.setUserInfo(signWith.alias(), signWith.password());
            sig.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            sig.setSignatureAlgorithm("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
            sig.setDigestAlgo("http://www.w3.org/2001/04/xmlenc#sha256");
            sig.getParts().add(new WSEncryptionPart("Body", SOAP_NS, "Element"));
            sig.build(signWith.crypto());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Posts a SOAP request; the response's status and body. */
    public static HttpResponse<String> post(String address, String operation, String envelope) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(TestAdapter.WAIT)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:wco-ecom-adapter:exchange:1:" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
