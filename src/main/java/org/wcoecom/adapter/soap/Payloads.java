package org.wcoecom.adapter.soap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;

import org.apache.camel.component.cxf.common.CxfPayload;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP body (a CXF payload) to bytes and back. Bytes are what the adapter's pipeline reads:
 * an incoming body goes through the same hardened reader (no DTD, bounded size) as every channel.
 */
final class Payloads {

    private static final TransformerFactory TRANSFORMERS = transformers();
    private static final DocumentBuilderFactory BUILDERS = builders();

    private Payloads() {
    }

    /** The first element of the SOAP body, serialized as UTF-8. */
    static byte[] bytes(CxfPayload<?> payload) {
        if (payload == null || payload.getBodySources().isEmpty()) {
            throw new IllegalArgumentException("the SOAP body is empty");
        }
        Source body = payload.getBodySources().get(0);
        try {
            Transformer t = TRANSFORMERS.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            t.transform(body, new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read the SOAP body: " + e.getMessage(), e);
        }
    }

    /** An XML document the adapter wrote, as the body of a SOAP message. */
    static CxfPayload<?> payload(byte[] xml) {
        try {
            DocumentBuilder builder = BUILDERS.newDocumentBuilder();
            Document doc = builder.parse(new ByteArrayInputStream(xml));
            List<Element> body = new ArrayList<>();
            body.add(doc.getDocumentElement());
            return new CxfPayload<>(new ArrayList<>(), body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot put the message in a SOAP body: " + e.getMessage(), e);
        }
    }

    private static TransformerFactory transformers() {
        // the JDK's own transformer: Saxon would be picked by JAXP lookup, and an identity copy needs no XSLT 3
        TransformerFactory f = TransformerFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot secure the transformer factory", e);
        }
        return f;
    }

    private static DocumentBuilderFactory builders() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot secure the document builder", e);
        }
        return f;
    }
}
