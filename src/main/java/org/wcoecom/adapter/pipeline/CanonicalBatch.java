package org.wcoecom.adapter.pipeline;

import java.util.List;
import java.util.UUID;

import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.xml.WrapperDocument;

/**
 * The new records of one kind from one partner message, as one canonical c:Batch, on its way to the
 * kind's address: one durable broker message however many records, which egress and the cross-check
 * each read from their own queue on the address.
 *
 * @param id        names the batch wherever it goes, across redeliveries and replays
 * @param address   the kind's multicast address (mappings/routing.yaml)
 * @param kind      Order, Payment, ...
 * @param recordIds the records in it, in order
 * @param xml       the c:Batch
 * @param format     the partner message's format
 * @param receivedAt when the partner message arrived (the forwarding latency is measured from it)
 */
public record CanonicalBatch(String id, String address, String kind, List<String> recordIds, String partner, String channel,
                             String delivery, byte[] xml, String format, java.time.Instant receivedAt) {

    static CanonicalBatch of(Routing.Route route, List<CanonicalDocument> documents, String partner, String channel,
                             String delivery, String format, java.time.Instant receivedAt) {
        byte[] xml = WrapperDocument.of("c", "Batch", Canonical.NAMESPACE, documents.stream().map(CanonicalDocument::xml).toList());
        // the same delivery (a redelivery after a rollback or a broker failover) yields the same batch id: the broker's
        // duplicate detection drops a second copy of a batch whose first one was committed after all
        String id = UUID.nameUUIDFromBytes((delivery + "|" + route.address()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return new CanonicalBatch(id, route.address(), route.kind(),
                documents.stream().map(CanonicalDocument::recordId).toList(), partner, channel, delivery, xml, format,
                receivedAt);
    }
}
