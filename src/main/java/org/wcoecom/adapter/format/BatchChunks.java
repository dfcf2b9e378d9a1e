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
 * cut as they are asked for. Only the chunk being made and the record after it are in memory.
 * Closes the file once the last chunk is made; {@link #close()} does it sooner.
 */
public final class BatchChunks implements Iterator<byte[]>, Closeable {

    private final InputStream in;
    private final XMLEventReader reader;
    private final BatchPlan plan;
    private final int recordsPerChunk;
    private final long maxBytes;
    /** the next record, serialised, waiting for a chunk */
    private final ByteSink record = ByteSink.keeping();
    private final XMLEventWriter recordWriter;
    private boolean recordWaiting;
    private int chunks;

    BatchChunks(InputStream in, BatchPlan plan, int recordsPerChunk, long maxBytes) throws XMLStreamException {
        this.in = in;
        this.reader = SecureXml.eventReader(in);
        this.plan = plan;
        this.recordsPerChunk = recordsPerChunk;
        this.maxBytes = maxBytes;
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
            List<byte[]> records = new ArrayList<>();
            long size = plan.head().length + plan.tail().length;
            while (recordWaiting && records.size() < recordsPerChunk && (records.isEmpty() || size + record.size() + 1 <= maxBytes)) {
                records.add(record.toByteArray());
                size += record.size() + 1;
                recordWaiting = nextRecord();
            }
            chunks++;
            if (!recordWaiting) {
                close();
            }
            return assemble(records, (int) size);
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("chunk " + (chunks + 1) + " of the batch file cannot be read: " + e.getMessage(), e);
        }
    }

    /** One array of the chunk's exact size: no buffer growing past it (large arrays are costly to a small heap). */
    private byte[] assemble(List<byte[]> records, int size) {
        ByteBuffer chunk = ByteBuffer.allocate(size);
        chunk.put(plan.head());
        for (byte[] r : records) {
            chunk.put(r).put((byte) '\n');
        }
        chunk.put(plan.tail());
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
                return;
            }
        }
        throw new XMLStreamException("the file changed since it was planned: no root element");
    }

    /** Reads up to the next record and serialises it; false at the end of the root element. */
    private boolean nextRecord() throws XMLStreamException {
        while (reader.hasNext()) {
            XMLEvent event = reader.nextEvent();
            if (event.isEndElement()) {
                return false;
            }
            if (event.isStartElement()) {
                StartElement child = event.asStartElement();
                if (plan.records().matches(child.getName())) {
                    record.clear();
                    XmlEvents.copyElement(reader, child, recordWriter, () -> false);
                    recordWriter.flush();
                    return true;
                }
                // copied into every chunk from the plan, or (a signature) dropped
                XmlEvents.copyElement(reader, child, null, () -> false);
            }
        }
        return false;
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
