package org.wcoecom.adapter.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.namespace.QName;
import javax.xml.validation.ValidatorHandler;

import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.SaxonApiException;

import org.wcoecom.adapter.xml.Saxon;
import org.wcoecom.adapter.xml.ElementPathTracker;
import org.wcoecom.adapter.xml.ErrorCollector;
import org.wcoecom.adapter.xml.SecureXml;
import org.wcoecom.adapter.xml.Validators;
import org.wcoecom.adapter.xml.XmlError;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Identifies, validates and parses a partner message in one pass: the hardened parser feeds an
 * element-path tracker, then the schema validator of the format the root element names, then the
 * Saxon tree the stylesheets read. The message is read once; the validator sees every event.
 */
public final class MessageReader {

    private final FormatRegistry registry;
    private final int maxErrors;

    public MessageReader(FormatRegistry registry, int maxErrors) {
        this.registry = registry;
        this.maxErrors = maxErrors;
    }

    public ReadResult read(byte[] message) {
        if (message.length == 0) {
            return fatal(Optional.empty(), new XmlError(XmlError.EMPTY, 0, 0, "/", "the message is empty"));
        }
        InputSource source = new InputSource(new ByteArrayInputStream(message));
        return read(source);
    }

    public ReadResult read(InputSource source) {
        ErrorCollector collector = new ErrorCollector(maxErrors, XmlError.SCHEMA_INVALID);
        BuildingContentHandler builder;
        try {
            builder = Saxon.documentBuilder().newBuildingContentHandler();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot create a Saxon tree builder", e);
        }
        RootDispatcher dispatcher = new RootDispatcher(collector, builder);
        ElementPathTracker tracker = new ElementPathTracker(dispatcher);
        collector.attach(tracker);
        XMLReader reader = SecureXml.reader();
        reader.setContentHandler(tracker);
        reader.setErrorHandler(collector);
        try {
            return parse(reader, source, collector, dispatcher, tracker, builder);
        } finally {
            // the reader lives on with its thread: let go of this message's tree
            reader.setContentHandler(NO_CONTENT);
            reader.setErrorHandler(NO_CONTENT);
            dispatcher.releaseValidator();
        }
    }

    private static final org.xml.sax.helpers.DefaultHandler NO_CONTENT = new org.xml.sax.helpers.DefaultHandler();

    private ReadResult parse(XMLReader reader, InputSource source, ErrorCollector collector, RootDispatcher dispatcher,
                             ElementPathTracker tracker, BuildingContentHandler builder) {
        try {
            reader.parse(source);
        } catch (UnusableFormatException e) {
            return fatal(Optional.empty(), new XmlError(XmlError.FORMAT_UNAVAILABLE, tracker.line(), tracker.column(),
                    tracker.path(), e.getMessage()));
        } catch (UnknownRootException e) {
            return fatal(Optional.empty(), new XmlError(XmlError.UNKNOWN_FORMAT, tracker.line(), tracker.column(),
                    "/" + e.root.getLocalPart(), "root element " + e.root + " is not a registered format; known: "
                    + registry.describeKnownRoots()));
        } catch (SAXParseException e) {
            String code = SecureXml.isForbiddenConstruct(e.getMessage()) ? XmlError.FORBIDDEN : XmlError.MALFORMED;
            XmlError error = new XmlError(code, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()),
                    tracker.path(), e.getMessage());
            return new ReadResult(Optional.ofNullable(dispatcher.format), Optional.empty(), collector.errors(),
                    collector.dropped(), Optional.of(error));
        } catch (SAXException e) {
            return fatal(Optional.ofNullable(dispatcher.format), new XmlError(XmlError.MALFORMED, tracker.line(),
                    tracker.column(), tracker.path(), e.getMessage()));
        } catch (IOException e) {
            return fatal(Optional.ofNullable(dispatcher.format), new XmlError(XmlError.MALFORMED, tracker.line(),
                    tracker.column(), tracker.path(), "cannot read the message: " + e.getMessage()));
        }
        if (dispatcher.format == null) {
            return fatal(Optional.empty(), new XmlError(XmlError.MALFORMED, 0, 0, "/", "no root element"));
        }
        try {
            return new ReadResult(Optional.of(dispatcher.format), Optional.of(builder.getDocumentNode()),
                    collector.errors(), collector.dropped(), Optional.empty());
        } catch (SaxonApiException e) {
            throw new IllegalStateException("the parsed tree is incomplete", e);
        }
    }

    private static ReadResult fatal(Optional<Format> format, XmlError error) {
        return new ReadResult(format, Optional.empty(), List.of(), 0, Optional.of(error));
    }

    /** The root names a format whose schema does not compile. */
    private static final class UnusableFormatException extends SAXException {
        UnusableFormatException(FormatUnavailableException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final class UnknownRootException extends SAXException {
        final QName root;

        UnknownRootException(QName root) {
            super("unknown root element " + root);
            this.root = root;
        }
    }

    /**
     * Holds back the events before the root element; at the root, picks the format's validator,
     * replays what it held, and from then on passes everything through the validator.
     */
    private final class RootDispatcher implements ContentHandler {
        private final ErrorCollector collector;
        private final ContentHandler tree;
        private final List<String[]> prefixes = new ArrayList<>();
        private Locator locator;
        private ContentHandler next;
        private ValidatorHandler validator;
        Format format;

        RootDispatcher(ErrorCollector collector, ContentHandler tree) {
            this.collector = collector;
            this.tree = tree;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        void releaseValidator() {
            if (validator != null) {
                Validators.release(format.schema(), validator);
                validator = null;
            }
        }

        @Override
        public void startDocument() {
            // replayed once the root element has chosen the validator
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            if (next == null) {
                prefixes.add(new String[] {prefix, uri});
            } else {
                next.startPrefixMapping(prefix, uri);
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (next == null) {
                Format named = registry.byRoot(uri, localName).orElseThrow(() -> new UnknownRootException(new QName(uri, localName)));
                try {
                    validator = Validators.take(named.schema());
                } catch (FormatUnavailableException e) {
                    throw new UnusableFormatException(e);
                }
                format = named;
                validator.setErrorHandler(collector);
                validator.setContentHandler(tree);
                next = validator;
                if (locator != null) {
                    next.setDocumentLocator(locator);
                }
                next.startDocument();
                for (String[] p : prefixes) {
                    next.startPrefixMapping(p[0], p[1]);
                }
            }
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            next.endElement(uri, localName, qName);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            if (next != null) {
                next.endPrefixMapping(prefix);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (next != null) {
                next.characters(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (next != null) {
                next.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (next != null) {
                next.processingInstruction(target, data);
            }
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            if (next != null) {
                next.skippedEntity(name);
            }
        }

        @Override
        public void endDocument() throws SAXException {
            if (next != null) {
                next.endDocument();
            }
        }
    }
}
