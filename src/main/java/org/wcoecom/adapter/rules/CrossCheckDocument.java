package org.wcoecom.adapter.rules;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * One of the three documents of a cross-check, as it waits in the aggregation repository: the
 * canonical XML, and who sent it how (to answer them).
 *
 * @param kind       Order, Payment or Shipment
 * @param xml        the canonical document
 * @param recordId   its record id
 * @param partner    its sender
 * @param channel    the channel it came on (http, jms, file)
 * @param format     the format it came in (ceb311, ...)
 * @param function   ORIGINAL, AMENDMENT or CANCELLATION
 * @param references the business keys a receipt needs (ORDER_NUMBER, ...)
 * @param evaluated  true once the rules have been run with this version of the document
 */
public record CrossCheckDocument(String kind, String xml, String recordId, String partner, String channel, String format,
                                 String function, LinkedHashMap<String, String> references, boolean evaluated)
        implements Serializable {

    public CrossCheckDocument evaluatedCopy() {
        return new CrossCheckDocument(kind, xml, recordId, partner, channel, format, function, references, true);
    }
}
