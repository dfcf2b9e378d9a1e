package org.wcoecom.adapter.xml;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * The only way the adapter parses XML that comes from outside.
 *
 * <p>No DOCTYPE at all (which rules out external entities, parameter entities and entity expansion
 * bombs in one go), no external DTD or schema access, secure processing on (the JDK's entity, name
 * and attribute limits) and a bound on element depth. Sizes are bounded before parsing, by the
 * channel guard.
 *
 * <p>Files too large to hold in memory are read as a stream of events ({@link #eventReader}) with
 * the same rules: the reader resolves no entity and loads no DTD, and its caller refuses any DOCTYPE.
 */
public final class SecureXml {

    /** Deeper nesting than this is rejected: no customs message needs more than about ten levels. */
    public static final int MAX_ELEMENT_DEPTH = 256;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String MAX_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static final SAXParserFactory FACTORY = newFactory();
    private static final DocumentBuilderFactory DOM_FACTORY = newDomFactory();
    private static final XMLInputFactory STREAM_FACTORY = newStreamFactory();
    // a parser is costly to create and safe to reuse for the next document on the same thread
    private static final ThreadLocal<XMLReader> READERS = ThreadLocal.withInitial(SecureXml::newReader);

    private SecureXml() {
    }

    private static SAXParserFactory newFactory() {
        // the JDK's own parser: its security features and limits are the ones documented above
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
            f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        return f;
    }

    private static DocumentBuilderFactory newDomFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
            f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        return f;
    }

    private static XMLInputFactory newStreamFactory() {
        // the JDK's own StAX parser, for the same reason as above
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty(MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
        return f;
    }

    /**
     * A hardened, namespace-aware event reader over a stream; the encoding comes from the byte order
     * mark or the XML declaration. Without DTD support a DOCTYPE still arrives as a
     * {@link javax.xml.stream.XMLStreamConstants#DTD} event (never loaded, its entities never
     * declared): callers must refuse it, as {@link #reader()} refuses it itself.
     */
    public static XMLEventReader eventReader(InputStream in) throws XMLStreamException {
        // the JDK does not promise that a factory creates readers safely from several threads at once
        synchronized (STREAM_FACTORY) {
            return STREAM_FACTORY.createXMLEventReader(in);
        }
    }

    /**
     * This thread's hardened, namespace-aware reader. Callers set its handlers before each parse;
     * it must not be used for two documents at once (no parse from inside a parse).
     */
    public static XMLReader reader() {
        return READERS.get();
    }

    /** A new hardened, namespace-aware reader. Not thread-safe; use one per parse. */
    public static XMLReader newReader() {
        try {
            XMLReader reader = FACTORY.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setProperty(MAX_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a hardened XML reader", e);
        }
    }

    /**
     * A DOM tree, for the few steps that need one (XML signatures), parsed with the same rules as
     * {@link #reader()}. Callers give it a document the guard has already read.
     */
    public static Document document(InputSource source) throws SAXException, java.io.IOException {
        DocumentBuilder builder;
        // the JDK does not promise that a factory creates parsers safely from several threads at once
        synchronized (DOM_FACTORY) {
            try {
                builder = DOM_FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("cannot create a hardened XML parser", e);
            }
        }
        // errors end the parse instead of going to standard error
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder.parse(source);
    }

    /** True when a fatal parse error was caused by the hardening rather than by broken XML. */
    public static boolean isForbiddenConstruct(String parserMessage) {
        if (parserMessage == null) {
            return false;
        }
        // the JDK's processing limits (depth, attributes, names, entities) report as JAXP000nnnnn
        return parserMessage.contains("DOCTYPE") || parserMessage.contains("JAXP0");
    }
}
