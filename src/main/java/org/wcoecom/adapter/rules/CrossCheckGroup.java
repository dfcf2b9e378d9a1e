package org.wcoecom.adapter.rules;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.wcoecom.adapter.canonical.Canonical;

/**
 * The documents of one order waiting for each other: at most one order, one payment and one
 * waybill; a later version of a document (a correction) replaces the earlier one, a cancellation
 * removes it.
 */
public final class CrossCheckGroup implements Serializable {

    // groups wait in the database across restarts and upgrades: the stored form is versioned by hand
    private static final long serialVersionUID = 1L;

    public static final List<String> KINDS = List.of("Order", "Payment", "Shipment");

    private final String key;
    private final LinkedHashMap<String, CrossCheckDocument> documents = new LinkedHashMap<>();
    // the documents read into the canonical model, once per group object: the rules and then the
    // declaration assembly use them on the same exchange; only the XML is stored
    private transient Map<String, Object> read;

    public CrossCheckGroup(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public void put(CrossCheckDocument doc) {
        if ("CANCELLATION".equals(doc.function())) {
            documents.remove(doc.kind());
        } else {
            documents.put(doc.kind(), doc);
        }
        if (read != null) {
            read.remove(doc.kind());
        }
    }

    /** The document of a kind in the canonical model (an OrderType, PaymentType or ShipmentType). */
    public Object canonical(String kind) {
        if (read == null) {
            read = new HashMap<>();
        }
        return read.computeIfAbsent(kind, k -> Canonical.read(
                get(k).orElseThrow(() -> new IllegalStateException("order " + key + " has no " + k)).xml().getBytes(StandardCharsets.UTF_8)));
    }

    public Optional<CrossCheckDocument> get(String kind) {
        return Optional.ofNullable(documents.get(kind));
    }

    public List<CrossCheckDocument> documents() {
        return new ArrayList<>(documents.values());
    }

    public boolean complete() {
        return documents.keySet().containsAll(KINDS);
    }

    /** Complete, and something changed since the rules last ran: time to run them. */
    public boolean ready() {
        return complete() && documents.values().stream().anyMatch(d -> !d.evaluated());
    }

    public List<String> missing() {
        return KINDS.stream().filter(k -> !documents.containsKey(k)).toList();
    }

    public Map<String, CrossCheckDocument> byKind() {
        return Map.copyOf(documents);
    }
}
