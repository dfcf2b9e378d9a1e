package org.wcoecom.adapter.broker;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.camel.component.jms.JmsConfiguration;
import org.springframework.jms.connection.ConnectionFactoryUtils;
import org.springframework.jms.support.JmsUtils;

/**
 * camel-jms' template, keeping its producers on the consumer's session. Stock, every send of a route
 * creates a producer and closes it again: two more packets for the broker's threads per message sent
 * (CreateProducer, RemoveProducer), as many as the send itself. A route that sends in its consumer's
 * transaction sends on that consumer's long-lived session, so the template keeps the producer it made
 * for a queue there and sends through it again.
 *
 * <p>What stays as it was: sends join the consumer's own session transaction (no pooled or cached
 * sessions, which once kept a refused commit's message out of reach: DestinationRefusingTest); a
 * send outside a consumer's transaction gets a session and a producer of its own, closed after it.
 * A producer whose send failed is closed and not used again.
 */
final class ProducerKeepingTemplate extends JmsConfiguration.CamelJmsTemplate {

    /** Per thread, because a JMS session is used by one thread: its consumer's. */
    private final ThreadLocal<SessionProducers> perThread = new ThreadLocal<>();

    ProducerKeepingTemplate(JmsConfiguration configuration, ConnectionFactory factory) {
        super(configuration, factory);
    }

    @Override
    protected MessageProducer createProducer(Session session, Destination destination) throws JMSException {
        if (!ConnectionFactoryUtils.isSessionTransactional(session, getConnectionFactory())) {
            // a session of this send's own, closed with it: nothing to keep
            return super.createProducer(session, destination);
        }
        SessionProducers producers = perThread.get();
        if (producers == null || producers.session != session) {
            if (producers != null) {
                // the consumer's session was replaced (a reconnection): its producers went with it
                producers.closeAll();
            }
            producers = new SessionProducers(session);
            perThread.set(producers);
        }
        Kept kept = producers.byDestination.get(destination);
        if (kept == null) {
            MessageProducer producer = super.createProducer(session, destination);
            kept = new Kept(producer, keptHandle(producer, producers, destination));
            producers.byDestination.put(destination, kept);
        }
        return kept.handle();
    }

    /** The producer as the template sees it: its close (after every send) keeps it open. */
    private static MessageProducer keptHandle(MessageProducer producer, SessionProducers producers, Destination destination) {
        InvocationHandler handler = (proxy, method, args) -> invoke(producer, method, args, producers, destination);
        return (MessageProducer) Proxy.newProxyInstance(MessageProducer.class.getClassLoader(),
                new Class<?>[] {MessageProducer.class}, handler);
    }

    private static Object invoke(MessageProducer producer, Method method, Object[] args, SessionProducers producers,
            Destination destination) throws Throwable {
        if (method.getName().equals("close")) {
            return null;
        }
        try {
            return method.invoke(producer, args);
        } catch (InvocationTargetException failed) {
            // whatever state the producer is in now, the next send gets a fresh one
            producers.forget(destination);
            throw failed.getCause();
        }
    }

    /** A kept producer, and the handle the template is given for it. */
    private record Kept(MessageProducer producer, MessageProducer handle) {
    }

    /** The producers kept on one session, by destination. */
    private static final class SessionProducers {
        private final Session session;
        private final Map<Destination, Kept> byDestination = new HashMap<>();

        SessionProducers(Session session) {
            this.session = session;
        }

        void forget(Destination destination) {
            Kept kept = byDestination.remove(destination);
            if (kept != null) {
                JmsUtils.closeMessageProducer(kept.producer());
            }
        }

        void closeAll() {
            byDestination.values().forEach(kept -> JmsUtils.closeMessageProducer(kept.producer()));
            byDestination.clear();
        }
    }
}
