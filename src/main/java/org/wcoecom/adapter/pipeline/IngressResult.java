package org.wcoecom.adapter.pipeline;

import java.util.List;
import java.util.Optional;

import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;

/**
 * An accepted partner message: its format, its records and their canonical documents, in the
 * same order.
 */
public final class IngressResult {

    private final String partner;
    private final String channel;
    private final Format format;
    private final Optional<String> messageId;
    private final List<Format.RecordRef> records;
    private final List<CanonicalDocument> documents;

    public IngressResult(String partner, String channel, Format format, Optional<String> messageId,
                         List<Format.RecordRef> records, List<CanonicalDocument> documents) {
        this.partner = partner;
        this.channel = channel;
        this.format = format;
        this.messageId = messageId;
        this.records = List.copyOf(records);
        this.documents = List.copyOf(documents);
    }

    public String getPartner() {
        return partner;
    }

    public String getChannel() {
        return channel;
    }

    public Format getFormat() {
        return format;
    }

    public Optional<String> getMessageId() {
        return messageId;
    }

    public List<Format.RecordRef> getRecords() {
        return records;
    }

    /** Split over in routes: one canonical document per business record. */
    public List<CanonicalDocument> getDocuments() {
        return documents;
    }
}
