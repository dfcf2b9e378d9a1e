package org.wcoecom.adapter.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

import org.wcoecom.adapter.xml.ByteSink;
import org.wcoecom.adapter.xml.SecureXml;
import org.wcoecom.adapter.xml.XmlEvents;

/**
 * Cuts a file too large to be one message into messages of its own format, reading it from disk
 * as a stream, never whole. Each chunk is the root element (its attributes and namespace
 * declarations), some of the records (the root's children that {@code records.select} names) and
 * every other child of the root, copied into each chunk, except an XML signature: it signs the
 * whole file, which no chunk is.
 *
 * <p>Two passes, because the other children may follow the records (CEB: BaseTransfer comes last):
 * {@link #plan} finds them, checks the whole file is well-formed XML of a known format and measures
 * its records; {@link #chunks} then cuts it. Chunks hold at most {@code recordsPerChunk} records
 * and never more bytes than a message may have.
 */
public final class BatchSplitter {

    private static final QName SIGNATURE = new QName("http://www.w3.org/2000/09/xmldsig#", "Signature");
    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();
    private static final int READ_BUFFER = 1 << 16;

    private final FormatRegistry formats;
    private final long maxMessageBytes;
    private final int recordsPerChunk;

    public BatchSplitter(FormatRegistry formats, long maxMessageBytes, int recordsPerChunk) {
        if (recordsPerChunk < 1) {
            throw new IllegalArgumentException("adapter.file.batch-records must be at least 1, not " + recordsPerChunk);
        }
        this.formats = formats;
        this.maxMessageBytes = maxMessageBytes;
        this.recordsPerChunk = recordsPerChunk;
    }

    /** Why a file cannot be cut into messages; it is then answered as one message. */
    public static final class NotSplittableException extends Exception {
        NotSplittableException(String reason) {
            super(reason);
        }
    }

    /** The first pass: reads the whole file (in bounded memory) and plans its chunks. */
    public BatchPlan plan(Path file) throws NotSplittableException {
        try (InputStream in = open(file)) {
            XMLEventReader reader = SecureXml.eventReader(in);
            try {
                return plan(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at " + e.getLocation().getLineNumber() + ":"
                    + e.getLocation().getColumnNumber();
            throw new NotSplittableException("it is not well-formed XML" + where + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new NotSplittableException("it cannot be read: " + e.getMessage());
        }
    }

    /** The second pass: the chunks, one at a time, straight from the file. Close it if it is not read to the end. */
    public BatchChunks chunks(Path file, BatchPlan plan) throws IOException {
        InputStream in = open(file);
        try {
            return new BatchChunks(in, plan, recordsPerChunk, maxMessageBytes);
        } catch (XMLStreamException | RuntimeException e) {
            in.close();
            throw new IOException("cannot read " + file.getFileName() + " again: " + e.getMessage(), e);
        }
    }

    private BatchPlan plan(XMLEventReader reader) throws XMLStreamException, NotSplittableException {
        StartElement root = null;
        RecordElement records = null;
        Format format = null;
        // the other children are copied into every chunk, so together they must fit in a message
        ByteSink before = ByteSink.keeping();
        ByteSink after = ByteSink.keeping();
        XMLEventWriter beforeWriter = XmlEvents.writer(before);
        XMLEventWriter afterWriter = XmlEvents.writer(after);
        ByteSink record = ByteSink.counting();
        XMLEventWriter recordWriter = XmlEvents.writer(record);
        long largest = 0;
        int count = 0;
        while (reader.hasNext()) {
            XMLEvent event = reader.nextEvent();
            if (event.getEventType() == XMLStreamConstants.DTD) {
                throw new NotSplittableException("it has a DOCTYPE");
            }
            if (event.isStartElement() && root == null) {
                root = event.asStartElement();
                format = format(root.getName());
                records = records(format);
            } else if (event.isStartElement()) {
                StartElement child = event.asStartElement();
                if (records.matches(child.getName())) {
                    count++;
                    record.clear();
                    XmlEvents.copyElement(reader, child, recordWriter, () -> false);
                    recordWriter.flush();
                    largest = Math.max(largest, record.size());
                } else if (SIGNATURE.equals(child.getName())) {
                    XmlEvents.copyElement(reader, child, null, () -> false);
                } else {
                    XMLEventWriter writer = count == 0 ? beforeWriter : afterWriter;
                    boolean fits = XmlEvents.copyElement(reader, child, writer,
                            () -> before.size() + after.size() > maxMessageBytes);
                    if (!fits) {
                        throw new NotSplittableException("its " + child.getName().getLocalPart()
                                + " elements, copied into every chunk, are larger than a message");
                    }
                    writer.add(EVENTS.createCharacters("\n"));
                }
            } else if (event.isCharacters() && !event.asCharacters().isWhiteSpace()) {
                throw new NotSplittableException("it has text directly inside its root element");
            }
        }
        if (count == 0) {
            throw new NotSplittableException("it holds no " + records + " records");
        }
        beforeWriter.flush();
        afterWriter.flush();
        byte[] head = head(root, before);
        byte[] tail = tail(root, after);
        if (head.length + largest + 1 + tail.length > maxMessageBytes) {
            throw new NotSplittableException("one of its records is too large to be a message, even alone");
        }
        return new BatchPlan(format, records, count, head, tail);
    }

    private Format format(QName root) throws NotSplittableException {
        return formats.byRoot(root.getNamespaceURI(), root.getLocalPart())
                .orElseThrow(() -> new NotSplittableException("root element " + root + " is not a registered format"));
    }

    private static RecordElement records(Format format) throws NotSplittableException {
        return RecordElement.of(format.definition()).orElseThrow(() -> new NotSplittableException(
                "the records of format " + format.id() + " are not children of its root element"));
    }

    private static byte[] head(StartElement root, ByteSink before) throws XMLStreamException {
        ByteSink head = ByteSink.keeping();
        XMLEventWriter writer = XmlEvents.writer(head);
        writer.add(EVENTS.createStartDocument("UTF-8", "1.0"));
        writer.add(EVENTS.createCharacters("\n"));
        writer.add(root);
        // closes the start tag
        writer.add(EVENTS.createCharacters("\n"));
        writer.flush();
        try {
            before.writeTo(head);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return head.toByteArray();
    }

    private static byte[] tail(StartElement root, ByteSink after) {
        QName name = root.getName();
        String qualified = name.getPrefix().isEmpty() ? name.getLocalPart() : name.getPrefix() + ":" + name.getLocalPart();
        byte[] end = ("</" + qualified + ">\n").getBytes(StandardCharsets.UTF_8);
        after.write(end, 0, end.length);
        return after.toByteArray();
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), READ_BUFFER);
    }
}
