package org.wcoecom.adapter.receipt;

/**
 * A receipt the adapter sends later, not as the answer to a message it is receiving: after a
 * cross-check, or relayed from customs. It goes to the partner's receipt queue, or to its outbox if
 * the record came as a file.
 *
 * @param partner  who gets it
 * @param channel  how the answered record came (http, jms, file)
 * @param recordId the record it answers
 * @param receipt  the receipt itself
 */
public record PendingReceipt(String partner, String channel, String recordId, Receipt receipt) {
}
