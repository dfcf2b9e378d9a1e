package org.wcoecom.adapter.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;

/**
 * An accepted partner message: its format, its records and their canonical documents, in the
 * same order, and which of them the adapter had already received (duplicates, not forwarded again).
 */
public final class IngressResult {

    private final String partner;
    private final String channel;
    private final Format format;
    private final Optional<String> messageId;
    private final List<Format.RecordRef> records;
    private final List<CanonicalDocument> documents;
    private final List<Boolean> duplicate;

    public IngressResult(String partner, String channel, Format format, Optional<String> messageId,
                         List<Format.RecordRef> records, List<CanonicalDocument> documents, List<Boolean> duplicate) {
        this.partner = partner;
        this.channel = channel;
        this.format = format;
        this.messageId = messageId;
        this.records = List.copyOf(records);
        this.documents = List.copyOf(documents);
        this.duplicate = List.copyOf(duplicate);
    }

    /** A message none of whose records the adapter had seen before (or that is not checked for duplicates). */
    public static IngressResult allNew(String partner, String channel, Format format, Optional<String> messageId,
                                       List<Format.RecordRef> records, List<CanonicalDocument> documents) {
        return new IngressResult(partner, channel, format, messageId, records, documents,
                java.util.Collections.nCopies(documents.size(), false));
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

    /** One canonical document per business record, duplicates included. */
    public List<CanonicalDocument> getDocuments() {
        return documents;
    }

    public boolean isDuplicate(int index) {
        return duplicate.get(index);
    }

    /** True when every record had been received before. */
    public boolean isAllDuplicates() {
        return !duplicate.isEmpty() && !duplicate.contains(false);
    }

    /** Split over in routes: the records received for the first time, to be forwarded. */
    public List<CanonicalDocument> getNewRecords() {
        List<CanonicalDocument> result = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!duplicate.get(i)) {
                result.add(documents.get(i));
            }
        }
        return result;
    }
}
