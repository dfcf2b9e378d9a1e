package org.wcoecom.adapter.receipt;

/**
 * A receipt ready to send.
 *
 * @param outcome ACCEPTED or REJECTED
 * @param format  the format it is written in
 * @param records how many records it answers
 * @param xml     the receipt, UTF-8
 */
public record Receipt(String outcome, String format, int records, byte[] xml) {
}
