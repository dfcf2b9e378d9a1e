package org.wcoecom.adapter.xml;

import java.io.OutputStream;
import java.util.function.BooleanSupplier;

import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/** Copying XML element by element, from a {@link SecureXml#eventReader} to UTF-8 bytes. */
public final class XmlEvents {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private XmlEvents() {
    }

    /**
     * A writer of UTF-8 that writes namespace declarations only where the events carry them: an
     * element copied out of a document relies on its ancestors' declarations being written too.
     */
    public static XMLEventWriter writer(OutputStream out) throws XMLStreamException {
        synchronized (OUTPUT) {
            return OUTPUT.createXMLEventWriter(out, "UTF-8");
        }
    }

    /**
     * Reads the rest of the element that {@code start} (already read) began, writing all of it,
     * start included, to {@code out}, or skipping it when out is null. Stops early and returns false
     * as soon as {@code full} says the output has grown too large (the reader is then left inside
     * the element).
     */
    public static boolean copyElement(XMLEventReader in, StartElement start, XMLEventWriter out, BooleanSupplier full)
            throws XMLStreamException {
        int depth = 0;
        XMLEvent event = start;
        while (true) {
            if (out != null) {
                out.add(event);
                if (full.getAsBoolean()) {
                    return false;
                }
            }
            if (event.isStartElement()) {
                depth++;
            } else if (event.isEndElement() && --depth == 0) {
                return true;
            }
            event = in.nextEvent();
        }
    }
}
