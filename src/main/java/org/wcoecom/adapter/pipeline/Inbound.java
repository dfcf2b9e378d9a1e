package org.wcoecom.adapter.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.store.AuditTrail;

/**
 * What the audit trail keeps of one partner message as the pipeline learns it: channel, partner,
 * delivery, format, message id, the bytes' hash, and how each record was answered. A rejected
 * message's bytes are kept with it.
 */
final class Inbound {

    private final Instant at = Instant.now();
    private final String channel;
    private final String partner;
    private final String delivery;
    String format;
    String messageId;
    private byte[] content;
    private String sha256;

    Inbound(String channel, String partner, String delivery) {
        this.channel = channel;
        this.partner = partner;
        this.delivery = delivery;
    }

    void content(byte[] bytes) {
        this.content = bytes;
        this.sha256 = AuditTrail.sha256(bytes);
    }

    byte[] content() {
        return content;
    }

    List<AuditTrail.Event> events(IngressResult result) {
        List<AuditTrail.Event> events = new ArrayList<>();
        for (int i = 0; i < result.getDocuments().size(); i++) {
            boolean duplicate = result.isDuplicate(i);
            events.add(event(result.getDocuments().get(i).recordId(),
                    duplicate ? Headers.OUTCOME_DUPLICATE : Headers.OUTCOME_ACCEPTED,
                    duplicate ? "already received; not forwarded again" : "queued for forwarding", null));
        }
        return events;
    }

    List<AuditTrail.Event> events(Rejection rejection) {
        List<AuditTrail.Event> events = new ArrayList<>();
        rejection.format().ifPresent(f -> format = f.id());
        String why = rejection.errors().isEmpty() ? "rejected" : rejection.errors().get(0).describe()
                + (rejection.errors().size() > 1 ? " (and " + (rejection.errors().size() - 1) + " more)" : "");
        List<Format.RecordRef> records = rejection.format().isPresent() && rejection.document().isPresent()
                ? rejection.format().get().records(rejection.document().get()) : List.of();
        if (records.isEmpty()) {
            events.add(event(null, Headers.OUTCOME_REJECTED, why, content));
        }
        for (Format.RecordRef record : records) {
            // the bytes are kept once, with the first record
            events.add(event(partner + ":" + record.key(), Headers.OUTCOME_REJECTED, why, events.isEmpty() ? content : null));
        }
        return events;
    }

    private AuditTrail.Event event(String recordId, String outcome, String detail, byte[] kept) {
        return new AuditTrail.Event(at, AuditTrail.RECEIVED, partner, channel, format, messageId, recordId, sha256, outcome,
                detail + " [delivery " + delivery + "]", kept);
    }
}
