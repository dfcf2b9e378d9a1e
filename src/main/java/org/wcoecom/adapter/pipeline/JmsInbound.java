package org.wcoecom.adapter.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.broker.PlainMessages;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.operations.FlowMetrics;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.xml.XmlError;

/**
 * The edge of a partner's queue, where every partner message enters the pipeline: sent by the partner
 * itself over JMS, or put there by the adapter for a message that came over HTTP, as a file or over SOAP
 * (so that one broker transaction covers what every message yields, whatever its channel).
 *
 * <p>A message is taken as text or bytes only, its size checked before its body is read. Anything else
 * (an ObjectMessage above all, whose body would be a Java object deserialized from the partner's bytes) is
 * refused with a receipt, its body untouched: the route consumes the raw JMS message (camel-jms
 * {@code mapJmsMessage=false}) so that nothing converts the body before this step.
 *
 * <p>Who put the message there is the broker's word, not the message's: the broker stamps the
 * authenticated user on each (Artemis {@code populate-validated-user}). Only a message the adapter itself
 * enqueued names its channel and is answered on its reply queue; a message of the operator's (a replay
 * from the dead letters) keeps its channel and is answered on the partner's receipt queue; a partner's
 * own message is a JMS message whatever it says, and its JMSReplyTo is never used.
 */
public final class JmsInbound {

    private final FlowMetrics metrics;

    /** The broker-stamped authenticated user of a message (Artemis). */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";
    /** Where a receipt goes instead of the partner's receipt queue: the requester's reply queue. */
    public static final String REPLY_TO = "AdapterReplyTo";
    public static final String REPLY_CORRELATION = "AdapterReplyCorrelation";
    static final Set<String> CHANNELS = Set.of("http", "file", "soap");

    private final long maxBytes;
    private final String adapterUser;
    private final String operatorUser;

    /**
     * @param adapterUser  the broker user the adapter itself connects as
     * @param operatorUser the operator's broker user (dead-letter replays)
     */
    public JmsInbound(long maxBytes, String adapterUser, String operatorUser, FlowMetrics metrics) {
        this.metrics = metrics;
        this.maxBytes = maxBytes;
        this.adapterUser = adapterUser;
        this.operatorUser = operatorUser;
    }

    /** Camel step: the raw JMS message in the body becomes its text or its bytes, with the channel's headers. */
    public void unpack(Exchange exchange, String partner) throws RejectedMessageException, JMSException {
        Message m = exchange.getMessage();
        if (!(m.getBody() instanceof jakarta.jms.Message raw)) {
            throw new IllegalStateException("the partner queue's route must consume the raw JMS message (mapJmsMessage=false)");
        }
        String user = raw.getStringProperty(VALIDATED_USER);
        boolean byAdapter = adapterUser.equals(user);
        boolean byOperator = operatorUser.equals(user);
        String said = raw.getStringProperty(Headers.CHANNEL);
        String channel = (byAdapter || byOperator) && said != null && CHANNELS.contains(said) ? said : "jms";
        String replayOf = raw.getStringProperty(org.wcoecom.adapter.broker.DeadLetterQueues.REPLAY_OF);
        m.setHeader(Headers.PARTNER, partner);
        m.setHeader(Headers.CHANNEL, channel);
        m.setHeader(Headers.INBOUND_ID, replayOf != null && !replayOf.isEmpty() ? replayOf : raw.getJMSMessageID());
        // a message replayed from a dead-letter queue is answered as the partner's original one
        m.setHeader(Headers.RECEIPT_CORRELATION, replayOf != null && !replayOf.isEmpty() ? replayOf : raw.getJMSMessageID());
        if (replayOf != null && !replayOf.isEmpty()) {
            metrics.replayed("ingress", partner);
        }
        Destination replyTo = raw.getJMSReplyTo();
        if (byAdapter && replyTo != null && (replayOf == null || replayOf.isEmpty())) {
            m.setHeader(REPLY_TO, replyTo);
            m.setHeader(REPLY_CORRELATION, raw.getJMSCorrelationID());
        }
        if (raw.propertyExists(Headers.BATCH_CHUNK) && (byAdapter || byOperator)) {
            m.setHeader(Headers.BATCH_CHUNK, raw.getIntProperty(Headers.BATCH_CHUNK));
        }
        Optional<String> who = Optional.of(partner);
        if (raw instanceof TextMessage text) {
            // as the broker encodes text, two bytes a character: the pipeline checks the characters again
            requireSize(who, bodySize(text) / 2);
            m.setHeader(Headers.INBOUND_TEXT, true);
            m.setBody(text.getText());
            exchange.setProperty(DeadLetters.ORIGINAL_PROPERTY, text.getText() == null ? new byte[0]
                    : text.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (raw instanceof BytesMessage bytes) {
            requireSize(who, bytes.getBodyLength());
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            m.setBody(content);
            exchange.setProperty(DeadLetters.ORIGINAL_PROPERTY, content);
        } else {
            m.setBody(null);
            throw reject(who, new XmlError(XmlError.MALFORMED, 0, 0, "/", "only text and bytes messages are accepted, not "
                    + kind(raw)));
        }
        PlainMessages.replace(exchange);
    }

    private void requireSize(Optional<String> partner, long size) throws RejectedMessageException {
        if (size > maxBytes) {
            throw reject(partner, new XmlError(XmlError.TOO_LARGE, 0, 0, "/",
                    "the message is larger than the limit of " + maxBytes + " bytes"));
        }
    }

    /** A text message's encoded size as the broker delivered it. */
    private static long bodySize(TextMessage text) {
        return text instanceof ActiveMQMessage artemis ? artemis.getCoreMessage().getBodySize() : 0;
    }

    private static String kind(jakarta.jms.Message body) {
        if (body instanceof ObjectMessage) {
            return "an ObjectMessage";
        }
        if (body instanceof MapMessage) {
            return "a MapMessage";
        }
        if (body instanceof StreamMessage) {
            return "a StreamMessage";
        }
        return "a message without a body";
    }

    private static RejectedMessageException reject(Optional<String> partner, XmlError error) {
        return new RejectedMessageException(new Rejection(partner, Optional.empty(), Optional.empty(), List.of(error), 0, "message"));
    }
}
