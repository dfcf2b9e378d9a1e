package org.wcoecom.adapter.pipeline;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.format.BatchChunks;
import org.wcoecom.adapter.format.BatchPlan;
import org.wcoecom.adapter.format.BatchSplitter;
import org.wcoecom.adapter.message.Headers;

/**
 * The file channel's batch files: a file larger than a message (adapter.limits.max-message-bytes)
 * but within adapter.file.max-batch-bytes is cut along its records into chunks, each a message of
 * its own through the pipeline, read from disk one at a time (routes/ingress.yaml, ingress-file-batch).
 * The body stays the file consumer's handle on the file throughout: nothing reads the file whole.
 */
public final class BatchFiles {

    /** Exchange property: the {@link BatchPlan} of a file that is to be cut into chunks. */
    public static final String PLAN = "AdapterBatchPlan";
    /** Exchange property: the file's own id; each chunk's is this plus "#" and its number. */
    static final String FILE_ID = "AdapterBatchFile";

    private static final Logger LOG = LoggerFactory.getLogger(BatchFiles.class);

    private final BatchSplitter splitter;
    private final long maxMessageBytes;
    private final long maxBatchBytes;

    public BatchFiles(BatchSplitter splitter, long maxMessageBytes, long maxBatchBytes) {
        this.splitter = splitter;
        this.maxMessageBytes = maxMessageBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    /**
     * Camel step: plans the chunks of a file too large for a message, if it can be cut. Any other
     * file (small, beyond the batch limit, or not cut along records) goes the way of every message,
     * and a large one is refused there as too large.
     */
    public void plan(Exchange exchange) {
        Message m = exchange.getMessage();
        long length = m.getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        if (length <= maxMessageBytes || length > maxBatchBytes) {
            return;
        }
        String name = m.getHeader(Exchange.FILE_NAME, String.class);
        try {
            BatchPlan plan = splitter.plan(file(m));
            exchange.setProperty(PLAN, plan);
            LOG.info("batch file {} ({} bytes): {} {} records, cut into messages", name, length, plan.count(), plan.format().id());
        } catch (BatchSplitter.NotSplittableException e) {
            LOG.info("file {} ({} bytes) is larger than a message and cannot be cut into messages: {}", name, length, e.getMessage());
        }
    }

    /** Camel step: the body becomes the file's chunks, for a streaming split to take one at a time. */
    public BatchChunks chunks(Exchange exchange) throws IOException {
        exchange.setProperty(FILE_ID, UUID.randomUUID().toString());
        return splitter.chunks(file(exchange.getMessage()), exchange.getProperty(PLAN, BatchPlan.class));
    }

    /** Camel step inside the split: the chunk is a message of its own, with an id and a receipt of its own. */
    public void chunk(Exchange exchange) {
        int number = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1;
        Message m = exchange.getMessage();
        m.setHeader(Headers.BATCH_CHUNK, number);
        m.setHeader(Headers.INBOUND_ID, exchange.getProperty(FILE_ID, String.class) + "#" + FileChannel.chunkNumber(number));
    }

    private static Path file(Message m) {
        return ((File) m.getBody(GenericFile.class).getFile()).toPath();
    }
}
