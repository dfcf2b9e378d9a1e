package org.wcoecom.adapter.broker;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/**
 * A message taken from the broker, once its route has read what it needs of the JMS message, as a
 * plain Camel message with the same headers and body. Camel copies a route's message at every step
 * that may be retried (the error handler's defensive copies, the splits); a camel-jms message throws
 * and catches an exception in each copy (camel-jms 4.17, {@code JmsMessageHelper.getJMSRedelivered}),
 * about 2% of the saturated adapter's CPU samples. Nothing after the first step needs the JMS message:
 * the consumer's session and transaction are the listener's, not the message's, and no route replies
 * to a JMSReplyTo ({@link AdapterJmsConfiguration}).
 */
public final class PlainMessages {

    private PlainMessages() {
    }

    public static void replace(Exchange exchange) {
        Message current = exchange.getMessage();
        if (current.getClass() == DefaultMessage.class) {
            return;
        }
        DefaultMessage plain = new DefaultMessage(exchange);
        plain.copyFrom(current);
        exchange.setMessage(plain);
    }
}
