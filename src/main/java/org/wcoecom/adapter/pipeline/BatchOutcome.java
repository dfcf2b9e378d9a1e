package org.wcoecom.adapter.pipeline;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.wcoecom.adapter.message.Headers;

/**
 * Sums up the chunks of a batch file on the file's own exchange (the split's input), which keeps
 * its body and headers: how many chunks were answered and how many of them were rejected. A chunk
 * the adapter could not process at all ends the split there, and the file is parked in .failed/
 * like any file the adapter could not process.
 */
public final class BatchOutcome implements AggregationStrategy {

    /** Exchange property: chunks answered so far. */
    public static final String CHUNKS = "AdapterBatchChunks";
    /** Exchange property: chunks rejected so far. */
    public static final String REJECTED = "AdapterBatchRejected";

    @Override
    public Exchange aggregate(Exchange previous, Exchange chunk) {
        throw new UnsupportedOperationException("a batch file's outcome is kept on the file's exchange");
    }

    @Override
    public Exchange aggregate(Exchange previous, Exchange chunk, Exchange file) {
        if (chunk.getException() != null) {
            throw new RuntimeCamelException("chunk " + chunk.getMessage().getHeader(Headers.BATCH_CHUNK)
                    + " of the batch file could not be processed", chunk.getException());
        }
        boolean accepted = Headers.accepted(chunk.getMessage().getHeader(Headers.OUTCOME, String.class));
        file.setProperty(CHUNKS, file.getProperty(CHUNKS, 0, Integer.class) + 1);
        file.setProperty(REJECTED, file.getProperty(REJECTED, 0, Integer.class) + (accepted ? 0 : 1));
        return file;
    }

    /** Whether every chunk of the file was accepted (or held only duplicates). */
    public static boolean allAccepted(Exchange file) {
        return file.getProperty(CHUNKS, 0, Integer.class) > 0 && file.getProperty(REJECTED, 0, Integer.class) == 0;
    }
}
