package org.wcoecom.adapter.format;

import net.sf.saxon.s9api.XdmNode;

/**
 * One canonical document, valid against the canonical schema.
 *
 * @param recordId the record id from its Header (empty for documents without one)
 * @param kind     its root element's local name: Order, Payment, Shipment, Response, ...
 * @param tree     the document, for further stylesheets
 * @param xml      the document serialized as UTF-8 and not indented, for queues and files (a canonical
 *                 batch is joined from these bytes as they are)
 */
public record CanonicalDocument(String recordId, String kind, XdmNode tree, byte[] xml) {
}
