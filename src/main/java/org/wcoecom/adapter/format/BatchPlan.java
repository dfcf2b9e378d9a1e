package org.wcoecom.adapter.format;

/**
 * What the first pass over a batch file found, for the second pass to cut it by.
 *
 * @param format  the file's format, from its root element
 * @param records which children of the root are its records
 * @param count   how many records the file holds
 * @param head    what every chunk starts with: the XML declaration, the root's start tag (its
 *                attributes and namespace declarations) and the root's other children that come
 *                before the records
 * @param tail    what every chunk ends with: the root's other children that come after the
 *                records (CEB: BaseTransfer, BaseSubscribe, ExtendMessage) and the root's end tag
 */
public record BatchPlan(Format format, RecordElement records, int count, byte[] head, byte[] tail) {
}
