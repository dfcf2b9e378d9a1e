package org.wcoecom.adapter.message;

/** Message headers the adapter sets; names are Java identifiers so they survive JMS. */
public final class Headers {

    /** http, jms or file */
    public static final String CHANNEL = "AdapterChannel";
    /** the partner id the message is from (or, on receipts, is for) */
    public static final String PARTNER = "AdapterPartner";
    /** the format id of the message in the body */
    public static final String FORMAT = "AdapterFormat";
    /** the record id of the canonical record in the body */
    public static final String RECORD_ID = "AdapterRecordId";
    /** Order, Payment, ... : the canonical document kind in the body */
    public static final String KIND = "AdapterKind";
    /** the queue (or address) the message in the body goes to */
    public static final String QUEUE = "AdapterQueue";
    /** true when the document in the body also goes to the three-document check */
    public static final String CROSS_CHECK = "AdapterCrossCheck";
    /** ACCEPTED or REJECTED, after the pipeline */
    public static final String OUTCOME = "AdapterOutcome";
    /** the format the receipt in the body is written in */
    public static final String RECEIPT_FORMAT = "AdapterReceiptFormat";
    /** how many records the message held */
    public static final String RECORDS = "AdapterRecords";
    /** the id of the message the adapter sent (CEB: the root guid) */
    public static final String MESSAGE_GUID = "AdapterMessageGuid";
    /** true when the partner sent text (a JMS TextMessage), so that its receipt is text too */
    public static final String INBOUND_TEXT = "AdapterInboundText";

    /** the number of a batch file's chunk (from 1), on the chunk's way through the pipeline */
    public static final String BATCH_CHUNK = "AdapterBatchChunk";

    /** the HTTP status a rejection is answered with (400 unless authentication failed) */
    public static final String HTTP_STATUS = "AdapterHttpStatus";

    /** the correlation id a partner's receipt carries: its message's JMS message id (the original one, for a replay) */
    public static final String RECEIPT_CORRELATION = "AdapterReceiptCorrelation";

    /** the id of the delivery that brought a partner's message (a JMS message id, else generated) */
    public static final String INBOUND_ID = "AdapterInboundMessageId";

    public static final String OUTCOME_ACCEPTED = "ACCEPTED";
    public static final String OUTCOME_REJECTED = "REJECTED";
    public static final String OUTCOME_DUPLICATE = "DUPLICATE";

    /** Whether a message so answered counts as taken: accepted, or a duplicate of one that was. */
    public static boolean accepted(String outcome) {
        return OUTCOME_ACCEPTED.equals(outcome) || OUTCOME_DUPLICATE.equals(outcome);
    }

    private Headers() {
    }
}
