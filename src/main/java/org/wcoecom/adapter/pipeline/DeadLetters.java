package org.wcoecom.adapter.pipeline;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsEndpoint;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.operations.FlowMetrics;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.ReceivedRecords;

/**
 * Dead letters: a message whose processing keeps failing (not a rejected message: those are
 * answered) is moved, on its last attempt, to {@code DLQ.<stage>} with its original bytes and
 * headers that say where it came from and why it failed, so that {@code dlq replay} can send it
 * back once the cause is fixed.
 */
public final class DeadLetters {

    /** ingress, egress, crosscheck or customs */
    public static final String STAGE = "AdapterDlqStage";
    /** the exception, class and message */
    public static final String REASON = "AdapterDlqReason";
    public static final String PARTNER = "AdapterDlqPartner";
    public static final String FAILED_AT = "AdapterDlqFailedAt";
    /** the JMS message id of the message that failed */
    public static final String MESSAGE_ID = "AdapterDlqMessageId";
    /** the queue a replay sends the message back to */
    public static final String SOURCE = "AdapterDlqSource";
    /** the exchange property naming the delivery whose records are released when it is dead-lettered */
    public static final String DELIVERY_PROPERTY = "AdapterDelivery";
    /** the exchange property holding the bytes a step took off its queue, which the dead letter carries */
    public static final String ORIGINAL_PROPERTY = "AdapterOriginal";
    /** the exchange property naming the partner, set as soon as it is known */
    public static final String PARTNER_PROPERTY = "AdapterPartner";

    private static final int MAX_REASON = 2000;

    private final int maxAttempts;
    private final ReceivedRecords received;
    private final AuditTrail audit;
    private final FlowMetrics metrics;

    public DeadLetters(int maxAttempts, ReceivedRecords received, AuditTrail audit, FlowMetrics metrics) {
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.received = received;
        this.audit = audit;
    }

    /**
     * Whether this failure is a JMS message's last chance: the broker's delivery count has reached
     * the limit. Other channels are not dead-lettered: an HTTP caller is told (500) and sends again,
     * a file is parked in its partner's {@code .failed/} folder.
     */
    public boolean isLastAttempt(Exchange exchange) {
        Message original = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getOriginalInMessage();
        Integer count = original == null ? null : original.getHeader("JMSXDeliveryCount", Integer.class);
        return count != null && count >= maxAttempts;
    }

    /** Camel step in the error handler, on the original message: the dead letter's headers. */
    public void prepare(Exchange exchange) {
        Message m = exchange.getMessage();
        // a JMS bytes message's body reads once: the step that read it kept the bytes
        byte[] original = exchange.getProperty(ORIGINAL_PROPERTY, byte[].class);
        if (original != null) {
            m.setBody(original);
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String stage = stage(exchange.getFromRouteId());
        String partner = Optional.ofNullable(exchange.getProperty(PARTNER_PROPERTY, String.class))
                .or(() -> Optional.ofNullable(m.getHeader(Headers.PARTNER, String.class)))
                .or(() -> Optional.ofNullable(m.getHeader(Headers.RECORD_ID, String.class))
                        .filter(id -> id.contains(":")).map(id -> id.substring(0, id.indexOf(':'))))
                .orElse("");
        String messageId = m.getHeader("JMSMessageID", String.class);
        if (messageId != null) {
            m.setHeader(MESSAGE_ID, messageId);
        }
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        m.removeHeaders("JMSX*");
        m.setHeader(STAGE, stage);
        m.setHeader(REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        m.setHeader(PARTNER, partner);
        m.setHeader(FAILED_AT, OffsetDateTime.now().toString());
        m.setHeader(SOURCE, source(exchange.getFromEndpoint(), partner));
        String delivery = exchange.getProperty(DELIVERY_PROPERTY, String.class);
        if (delivery != null) {
            // its records were claimed by this delivery: a replay must be able to bring them again
            received.release(delivery);
        }
        audit.record(List.of(new AuditTrail.Event(java.time.Instant.now(), AuditTrail.DEAD_LETTERED, partner,
                m.getHeader(Headers.CHANNEL, String.class), m.getHeader(Headers.FORMAT, String.class), null,
                m.getHeader(Headers.RECORD_ID, String.class), null, stage, reason, null)));
        metrics.deadLettered(stage, partner);
    }

    static String stage(String routeId) {
        if (routeId == null) {
            return "unknown";
        }
        if (routeId.equals("ingress-customs-receipts")) {
            return "customs";
        }
        if (routeId.startsWith("ingress-")) {
            return "ingress";
        }
        if (routeId.startsWith("egress-")) {
            return "egress";
        }
        if (routeId.startsWith("crosscheck") || routeId.startsWith("declaration")) {
            return "crosscheck";
        }
        return routeId;
    }

    /** The queue the message was consumed from. */
    static String source(Endpoint from, String partner) {
        if (from instanceof JmsEndpoint jms && !jms.isPubSubDomain()) {
            // as the route names it: a queue on a multicast address by its fully qualified name (address::queue)
            return jms.getDestinationName();
        }
        return "partner." + partner + ".in";
    }
}
