package org.wcoecom.adapter.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
 * as a stream, never whole. The file is cut along the elements at its format's record path (the
 * records themselves, CEB: the orders, children of the root; or the elements that hold them,
 * camt.054: the entries, at Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry). Each chunk is the chain
 * of ancestors of some of those elements, each ancestor with its attributes, namespace
 * declarations and every other child (CEB: BaseTransfer; camt.054: the group header, and the
 * notification's id and account), except an XML signature: it signs the whole file, which no
 * chunk is. A chunk holds elements of one parent only (camt.054: one notification).
 *
 * <p>Two passes, because the other children may follow the path (CEB: BaseTransfer comes last):
 * {@link #plan} checks the whole file is well-formed XML of a known format, measures its elements
 * and keeps what follows them in each ancestor; {@link #chunks} then cuts it. Chunks hold at most
 * {@code recordsPerChunk} of the elements and never more bytes than a message may have.
 */
public final class BatchSplitter {

    private static final QName SIGNATURE = new QName("http://www.w3.org/2000/09/xmldsig#", "Signature");
    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();
    private static final int READ_BUFFER = 1 << 16;
    /** the XML declaration and line break every chunk starts with */
    private static final int DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length();

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

    /** One element on the path, open while the first pass reads it: its other children, measured. */
    private static final class Open {
        final StartElement start;
        /** bytes of the chunk head down to and including this element's other children before the path */
        final long headBefore;
        final ByteSink before = ByteSink.counting();
        final XMLEventWriter beforeWriter;
        final ByteSink after = ByteSink.keeping();
        final XMLEventWriter afterWriter;
        boolean pathSeen;

        Open(StartElement start, long headBefore) throws XMLStreamException {
            this.start = start;
            this.headBefore = headBefore;
            this.beforeWriter = XmlEvents.writer(before);
            this.afterWriter = XmlEvents.writer(after);
        }

        long head() {
            return headBefore + before.size();
        }
    }

    private BatchPlan plan(XMLEventReader reader) throws XMLStreamException, NotSplittableException {
        Format format = null;
        RecordPath path = null;
        List<List<byte[]>> afters = new ArrayList<>();
        // the elements on the path that are open, from the root down
        Deque<Open> open = new ArrayDeque<>();
        // the other children after the path are kept until the end: together they must fit in a message
        long kept = 0;
        ByteSink record = ByteSink.counting();
        XMLEventWriter recordWriter = XmlEvents.writer(record);
        long largest = 0;
        long largestHead = 0;
        long[] largestTail = null;
        int count = 0;
        while (reader.hasNext()) {
            XMLEvent event = reader.nextEvent();
            if (event.getEventType() == XMLStreamConstants.DTD) {
                throw new NotSplittableException("it has a DOCTYPE");
            }
            if (event.isStartElement() && format == null) {
                StartElement root = event.asStartElement();
                format = format(root.getName());
                path = path(format);
                for (int level = 0; level < path.depth(); level++) {
                    afters.add(new ArrayList<>());
                }
                largestTail = new long[path.depth()];
                open.push(new Open(root, DECLARATION + startTagSize(root)));
            } else if (event.isStartElement()) {
                StartElement child = event.asStartElement();
                Open parent = open.peek();
                int level = open.size();
                if (path.matches(level, child.getName())) {
                    parent.pathSeen = true;
                    if (level == path.depth()) {
                        count++;
                        record.clear();
                        XmlEvents.copyElement(reader, child, recordWriter, () -> false);
                        recordWriter.flush();
                        largest = Math.max(largest, record.size());
                        largestHead = Math.max(largestHead, parent.head());
                    } else {
                        open.push(new Open(child, parent.head() + startTagSize(child)));
                    }
                } else if (SIGNATURE.equals(child.getName())) {
                    XmlEvents.copyElement(reader, child, null, () -> false);
                } else {
                    XMLEventWriter writer = parent.pathSeen ? parent.afterWriter : parent.beforeWriter;
                    long keptBefore = kept;
                    boolean fits = XmlEvents.copyElement(reader, child, writer,
                            () -> parent.before.size() + keptBefore + parent.after.size() > maxMessageBytes);
                    if (!fits) {
                        throw new NotSplittableException("its " + child.getName().getLocalPart()
                                + " elements, copied into every chunk, are larger than a message");
                    }
                    writer.add(EVENTS.createCharacters("\n"));
                    writer.flush();
                }
            } else if (event.isEndElement() && !open.isEmpty()) {
                Open closed = open.pop();
                closed.afterWriter.flush();
                int level = open.size();
                afters.get(level).add(closed.after.size() == 0 ? null : closed.after.toByteArray());
                kept += closed.after.size();
                largestTail[level] = Math.max(largestTail[level], closed.after.size() + endTag(closed.start).length);
            } else if (event.isCharacters() && !event.asCharacters().isWhiteSpace() && !open.isEmpty()) {
                throw new NotSplittableException("it has text directly inside its " + open.peek().start.getName().getLocalPart() + " element");
            }
        }
        if (count == 0) {
            throw new NotSplittableException("it holds no " + path + " elements");
        }
        long tail = 0;
        for (long t : largestTail) {
            tail += t;
        }
        if (largestHead + largest + 1 + tail > maxMessageBytes) {
            throw new NotSplittableException("one of its records is too large to be a message, even alone");
        }
        return new BatchPlan(format, path, count, afters);
    }

    private Format format(QName root) throws NotSplittableException {
        return formats.byRoot(root.getNamespaceURI(), root.getLocalPart())
                .orElseThrow(() -> new NotSplittableException("root element " + root + " is not a registered format"));
    }

    private static RecordPath path(Format format) throws NotSplittableException {
        return RecordPath.of(format.definition()).orElseThrow(() -> new NotSplittableException(
                "the records of format " + format.id() + " are not at a plain path of element names"));
    }

    /** The start tag as a chunk's head writes it (attributes and namespace declarations), with its line break. */
    private static long startTagSize(StartElement start) throws XMLStreamException {
        ByteSink sink = ByteSink.counting();
        XMLEventWriter writer = XmlEvents.writer(sink);
        writer.add(start);
        // closes the start tag
        writer.add(EVENTS.createCharacters("\n"));
        writer.flush();
        return sink.size();
    }

    /** The end tag of an element on the path, with its line break. */
    static byte[] endTag(StartElement start) {
        QName name = start.getName();
        String qualified = name.getPrefix().isEmpty() ? name.getLocalPart() : name.getPrefix() + ":" + name.getLocalPart();
        return ("</" + qualified + ">\n").getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), READ_BUFFER);
    }
}
