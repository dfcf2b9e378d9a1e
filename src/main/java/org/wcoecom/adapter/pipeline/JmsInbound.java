package org.wcoecom.adapter.pipeline;

import java.util.List;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.xml.XmlError;

/**
 * The JMS channel's edge: a partner's message is taken only as text or bytes, and its size is
 * checked before its body is read. Anything else (an ObjectMessage above all, whose body would be a
 * Java object deserialized from the partner's bytes) is refused with a receipt, its body untouched.
 * The route consumes the raw JMS message (camel-jms {@code mapJmsMessage=false}) so that nothing
 * converts the body before this step.
 */
public final class JmsInbound {

    private final long maxBytes;

    public JmsInbound(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Camel step: the raw JMS message in the body becomes its text or its bytes. */
    public void unpack(Exchange exchange) throws RejectedMessageException, JMSException {
        Message m = exchange.getMessage();
        Optional<String> partner = Optional.ofNullable(m.getHeader(Headers.PARTNER, String.class));
        Object body = m.getBody();
        if (body instanceof TextMessage text) {
            // as the broker encodes text, two bytes a character: the pipeline checks the characters again
            requireSize(partner, bodySize(text) / 2);
            m.setBody(text.getText());
        } else if (body instanceof BytesMessage bytes) {
            requireSize(partner, bytes.getBodyLength());
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            m.setBody(content);
        } else {
            throw reject(partner, new XmlError(XmlError.MALFORMED, 0, 0, "/", "only text and bytes messages are accepted, not "
                    + kind(body)));
        }
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

    private static String kind(Object body) {
        if (body instanceof ObjectMessage) {
            return "an ObjectMessage";
        }
        if (body instanceof MapMessage) {
            return "a MapMessage";
        }
        if (body instanceof StreamMessage) {
            return "a StreamMessage";
        }
        return body instanceof jakarta.jms.Message ? "a message without a body" : "this message";
    }

    private static RejectedMessageException reject(Optional<String> partner, XmlError error) {
        return new RejectedMessageException(new Rejection(partner, Optional.empty(), Optional.empty(), List.of(error), 0, "message"));
    }
}
