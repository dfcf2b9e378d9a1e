package org.wcoecom.adapter.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

import org.wcoecom.adapter.xml.ByteSink;
import org.wcoecom.adapter.xml.SecureXml;
import org.wcoecom.adapter.xml.XmlEvents;

/**
 * The second pass over a batch file ({@link BatchSplitter}): its chunks, each a complete message,
 * cut as they are asked for. Only the chunk being made, the element after it and the other
 * children of the open ancestors are in memory. Closes the file once the last chunk is made;
 * {@link #close()} does it sooner.
 */
public final class BatchChunks implements Iterator<byte[]>, Closeable {

    private static final QName SIGNATURE = new QName("http://www.w3.org/2000/09/xmldsig#", "Signature");
    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

    private final InputStream in;
    private final XMLEventReader reader;
    private final BatchPlan plan;
    private final int recordsPerChunk;
    private final long maxBytes;
    private final int depth;
    /** the elements on the path that are open, from the root (level 0) down to {@link #level} */
    private final StartElement[] starts;
    /** how many elements of each level have been opened so far, minus one: the open one's number */
    private final int[] ordinals;
    /** each open element's other children before the path, serialised as the chunks repeat them */
    private final ByteSink[] befores;
    private final XMLEventWriter[] beforeWriters;
    private final boolean[] pathSeen;
    private int level;
    /** what the chunks of the records under the open elements start and end with; null once those change */
    private Envelope envelope;
    /** the next record, serialised, waiting for a chunk, and the envelope it goes in */
    private final ByteSink record = ByteSink.keeping();
    private final XMLEventWriter recordWriter;
    private Envelope recordEnvelope;
    private boolean recordWaiting;
    private int chunks;

    /** What every chunk of the records of one parent starts and ends with. */
    private record Envelope(byte[] head, byte[] tail) {
    }

    BatchChunks(InputStream in, BatchPlan plan, int recordsPerChunk, long maxBytes) throws XMLStreamException {
        this.in = in;
        this.reader = SecureXml.eventReader(in);
        this.plan = plan;
        this.recordsPerChunk = recordsPerChunk;
        this.maxBytes = maxBytes;
        this.depth = plan.path().depth();
        this.starts = new StartElement[depth];
        this.ordinals = new int[depth];
        this.befores = new ByteSink[depth];
        this.beforeWriters = new XMLEventWriter[depth];
        this.pathSeen = new boolean[depth];
        for (int l = 0; l < depth; l++) {
            ordinals[l] = -1;
            befores[l] = ByteSink.keeping();
            beforeWriters[l] = XmlEvents.writer(befores[l]);
        }
        this.recordWriter = XmlEvents.writer(record);
        enterRoot();
        recordWaiting = nextRecord();
    }

    @Override
    public boolean hasNext() {
        return recordWaiting;
    }

    @Override
    public byte[] next() {
        if (!recordWaiting) {
            throw new NoSuchElementException("no records left");
        }
        try {
            Envelope chunkEnvelope = recordEnvelope;
            List<byte[]> records = new ArrayList<>();
            long size = chunkEnvelope.head().length + chunkEnvelope.tail().length;
            while (recordWaiting && recordEnvelope == chunkEnvelope && records.size() < recordsPerChunk
                    && (records.isEmpty() || size + record.size() + 1 <= maxBytes)) {
                records.add(record.toByteArray());
                size += record.size() + 1;
                recordWaiting = nextRecord();
            }
            chunks++;
            if (!recordWaiting) {
                close();
            }
            return assemble(chunkEnvelope, records, (int) size);
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("chunk " + (chunks + 1) + " of the batch file cannot be read: " + e.getMessage(), e);
        }
    }

    /** One array of the chunk's exact size: no buffer growing past it (large arrays are costly to a small heap). */
    private static byte[] assemble(Envelope envelope, List<byte[]> records, int size) {
        ByteBuffer chunk = ByteBuffer.allocate(size);
        chunk.put(envelope.head());
        for (byte[] r : records) {
            chunk.put(r).put((byte) '\n');
        }
        chunk.put(envelope.tail());
        return chunk.array();
    }

    private void enterRoot() throws XMLStreamException {
        while (reader.hasNext()) {
            XMLEvent event = reader.nextEvent();
            if (event.isStartElement()) {
                QName root = event.asStartElement().getName();
                if (!plan.format().definition().roots().contains(root)) {
                    throw new XMLStreamException("the file changed since it was planned: its root is now " + root);
                }
                open(0, event.asStartElement());
                return;
            }
        }
        throw new XMLStreamException("the file changed since it was planned: no root element");
    }

    private void open(int at, StartElement start) {
        level = at;
        starts[at] = start;
        ordinals[at]++;
        befores[at].clear();
        pathSeen[at] = false;
        envelope = null;
    }

    /** Reads up to the next record and serialises it; false at the end of the root element. */
    private boolean nextRecord() throws XMLStreamException {
        while (reader.hasNext()) {
            XMLEvent event = reader.nextEvent();
            if (event.isEndElement()) {
                if (--level < 0) {
                    return false;
                }
            } else if (event.isStartElement()) {
                StartElement child = event.asStartElement();
                if (plan.path().matches(level + 1, child.getName())) {
                    pathSeen[level] = true;
                    if (level + 1 < depth) {
                        open(level + 1, child);
                        continue;
                    }
                    if (envelope == null) {
                        envelope = envelope();
                    }
                    record.clear();
                    XmlEvents.copyElement(reader, child, recordWriter, () -> false);
                    recordWriter.flush();
                    recordEnvelope = envelope;
                    return true;
                }
                if (pathSeen[level] || SIGNATURE.equals(child.getName())) {
                    // after the path: every chunk ends with it, from the plan; a signature is dropped
                    XmlEvents.copyElement(reader, child, null, () -> false);
                } else {
                    XmlEvents.copyElement(reader, child, beforeWriters[level], () -> false);
                    beforeWriters[level].add(EVENTS.createCharacters("\n"));
                    beforeWriters[level].flush();
                }
            }
        }
        return false;
    }

    /** The open elements' start tags and other children, and what follows them in the file. */
    private Envelope envelope() throws XMLStreamException {
        ByteSink head = ByteSink.keeping();
        XMLEventWriter writer = XmlEvents.writer(head);
        writer.add(EVENTS.createStartDocument("UTF-8", "1.0"));
        writer.add(EVENTS.createCharacters("\n"));
        ByteSink tail = ByteSink.keeping();
        for (int l = 0; l < depth; l++) {
            writer.add(starts[l]);
            // closes the start tag
            writer.add(EVENTS.createCharacters("\n"));
            writer.flush();
            try {
                befores[l].writeTo(head);
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory", e);
            }
        }
        for (int l = depth - 1; l >= 0; l--) {
            byte[] after = plan.after(l, ordinals[l]);
            tail.write(after, 0, after.length);
            byte[] end = BatchSplitter.endTag(starts[l]);
            tail.write(end, 0, end.length);
        }
        return new Envelope(head.toByteArray(), tail.toByteArray());
    }

    @Override
    public void close() throws IOException {
        recordWaiting = false;
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // the stream below is closed anyway
        } finally {
            in.close();
        }
    }
}
