package org.wcoecom.adapter.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;

import org.apache.camel.Exchange;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.ReceivedRecords;

/**
 * One partner message on its way through the pipeline's steps (an exchange property): who sent it how,
 * its bytes, what each step learnt of it, and, at the end, how each of its records was answered.
 */
final class Inbound {

    /** The exchange property holding it. */
    static final String PROPERTY = "AdapterInbound";

    final Instant at = Instant.now();
    final String channel;
    final String delivery;
    final String partnerId;
    Partner partner;
    byte[] content = new byte[0];
    String sha256 = AuditTrail.sha256(new byte[0]);
    /** a JMS TextMessage: characters already decoded, so the declared encoding no longer applies */
    boolean text;
    Format format;
    XdmNode document;
    String messageId;
    List<Format.RecordRef> records = List.of();
    List<CanonicalDocument> documents = new ArrayList<>();
    List<Declarations.Received> declarations = new ArrayList<>();
    List<ReceivedRecords.Claim> claims = List.of();
    /** what its accepted return requests and tallies change in the store, written with its claims */
    List<InventoryRequests.Effect> inventoryEffects = new ArrayList<>();
    /** the export parcels its arrival and departure reports mark, written with its claims */
    List<GoodsMovements.Moved> movements = new ArrayList<>();

    Inbound(String channel, String partnerId, String delivery) {
        this.channel = channel;
        this.partnerId = partnerId;
        this.delivery = delivery;
    }

    static Inbound of(Exchange exchange) {
        Inbound in = exchange.getProperty(PROPERTY, Inbound.class);
        if (in == null) {
            throw new IllegalStateException("no partner message in progress: the pipeline's first step did not run");
        }
        return in;
    }

    void content(byte[] bytes) {
        this.content = bytes;
        this.sha256 = AuditTrail.sha256(bytes);
    }

    Optional<String> partnerName() {
        return Optional.of(partnerId).filter(p -> !p.isEmpty());
    }

    boolean duplicate(int i) {
        return i < claims.size() && claims.get(i) == ReceivedRecords.Claim.DUPLICATE;
    }

    /** The audit events of an accepted message: one per record, new or duplicate. */
    List<AuditTrail.Event> acceptedEvents() {
        List<AuditTrail.Event> events = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            boolean dup = duplicate(i);
            events.add(event(documents.get(i).recordId(), dup ? Headers.OUTCOME_DUPLICATE : Headers.OUTCOME_ACCEPTED,
                    dup ? "already received; not forwarded again" : "queued for forwarding", null));
        }
        return events;
    }

    /** The audit events of a rejected message: one per record it could tell, its bytes kept with the first. */
    List<AuditTrail.Event> rejectedEvents(Rejection rejection) {
        List<AuditTrail.Event> events = new ArrayList<>();
        // the code first: the operations page and `status` count rejections by it
        String why = rejection.errors().isEmpty() ? "rejected" : rejection.errors().get(0).code() + " " + rejection.errors().get(0).describe()
                + (rejection.errors().size() > 1 ? " (and " + (rejection.errors().size() - 1) + " more)" : "");
        List<Format.RecordRef> refs = rejection.format().isPresent() && rejection.document().isPresent()
                ? rejection.format().get().records(rejection.document().get()) : List.of();
        if (refs.isEmpty()) {
            events.add(event(null, Headers.OUTCOME_REJECTED, why, content));
        }
        for (Format.RecordRef record : refs) {
            events.add(event(partnerId + ":" + record.key(), Headers.OUTCOME_REJECTED, why, events.isEmpty() ? content : null));
        }
        return events;
    }

    private AuditTrail.Event event(String recordId, String outcome, String detail, byte[] kept) {
        return new AuditTrail.Event(at, AuditTrail.RECEIVED, partnerId, channel, format == null ? null : format.id(), messageId,
                recordId, sha256, outcome, detail + " [delivery " + delivery + "]", kept);
    }
}
