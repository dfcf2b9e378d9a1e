package org.wcoecom.adapter.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The children of a wrapper element, each built as a document of its own in one parse: no tree of the
 * whole and no copy of each child out of it (egress took a tenth of its time building the batch's tree
 * and copying every record out of it). Each child keeps the namespaces declared on the wrapper. A
 * document whose root is not the wrapper comes back whole, as the only document.
 */
public final class ChildDocuments {

    private ChildDocuments() {
    }

    /**
     * @param xml            a document the adapter wrote (read with the hardened reader all the same)
     * @param wrapperLocal   the local name of the wrapper element (e.g. {@code Batch})
     * @param namespace      the namespace the root must be in, wrapper or not
     */
    public static List<XdmNode> of(byte[] xml, String wrapperLocal, String namespace) {
        Splitter splitter = new Splitter(wrapperLocal, namespace);
        XMLReader reader = SecureXml.reader();
        reader.setContentHandler(splitter);
        reader.setErrorHandler(null);
        try {
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("not a document of " + namespace + ": " + e.getMessage(), e);
        } finally {
            reader.setContentHandler(null);
        }
        return splitter.documents;
    }

    private static final class Splitter extends DefaultHandler {
        private final String wrapperLocal;
        private final String namespace;
        private final List<XdmNode> documents = new ArrayList<>();
        private final List<String[]> rootMappings = new ArrayList<>();
        private final List<String[]> pendingMappings = new ArrayList<>();
        private Locator locator;
        private BuildingContentHandler current;
        /** Elements open: 1 inside the root. */
        private int depth;
        /** The root is the wrapper: its children are the documents (else the root is). */
        private boolean wrapped;

        Splitter(String wrapperLocal, String namespace) {
            this.wrapperLocal = wrapperLocal;
            this.namespace = namespace;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            if (current != null) {
                current.startPrefixMapping(prefix, uri);
            } else {
                (depth == 0 ? rootMappings : pendingMappings).add(new String[] {prefix, uri});
            }
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            if (current != null) {
                current.endPrefixMapping(prefix);
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (depth == 0) {
                if (!namespace.equals(uri)) {
                    throw new SAXException("the root element {" + uri + "}" + localName + " is not in " + namespace);
                }
                wrapped = wrapperLocal.equals(localName);
                if (!wrapped) {
                    begin();
                }
            } else if (depth == 1 && wrapped) {
                begin();
            }
            depth++;
            if (current != null) {
                current.startElement(uri, localName, qName, attributes);
            }
        }

        /** A new document: the wrapper's namespaces, then the child's own, then its events. */
        private void begin() throws SAXException {
            try {
                current = Saxon.documentBuilder().newBuildingContentHandler();
            } catch (SaxonApiException e) {
                throw new SAXException(e.getMessage(), e);
            }
            if (locator != null) {
                current.setDocumentLocator(locator);
            }
            current.startDocument();
            for (String[] m : rootMappings) {
                current.startPrefixMapping(m[0], m[1]);
            }
            for (String[] m : pendingMappings) {
                current.startPrefixMapping(m[0], m[1]);
            }
            pendingMappings.clear();
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            if (current == null) {
                return;
            }
            current.endElement(uri, localName, qName);
            if (depth == (wrapped ? 1 : 0)) {
                current.endDocument();
                try {
                    documents.add(current.getDocumentNode());
                } catch (SaxonApiException e) {
                    throw new SAXException(e.getMessage(), e);
                }
                current = null;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (current != null) {
                current.characters(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (current != null) {
                current.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (current != null) {
                current.processingInstruction(target, data);
            }
        }
    }
}
