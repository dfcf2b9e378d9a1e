package org.wcoecom.adapter.broker;

import java.nio.charset.StandardCharsets;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** The body of a JMS message the adapter or a partner sent, whether as text or as bytes (UTF-8). */
public final class MessageBodies {

    private MessageBodies() {
    }

    /** The body's bytes; empty for a message without a text or bytes body. */
    public static byte[] bytes(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText() == null ? new byte[0] : t.getText().getBytes(StandardCharsets.UTF_8);
        }
        if (m instanceof BytesMessage b) {
            b.reset();
            byte[] bytes = new byte[(int) b.getBodyLength()];
            b.readBytes(bytes);
            return bytes;
        }
        return new byte[0];
    }

    public static String text(Message m) throws JMSException {
        return m instanceof TextMessage t ? t.getText() : new String(bytes(m), StandardCharsets.UTF_8);
    }
}
