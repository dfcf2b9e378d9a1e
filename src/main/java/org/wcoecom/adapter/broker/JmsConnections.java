package org.wcoecom.adapter.broker;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The adapter's JMS connection factory. Consumers keep their own connection and session (camel-jms
 * CACHE_CONSUMER), and the producers of a transacted route send on the consumer's session, so that
 * what a message yields is sent in the transaction that consumes it.
 *
 * <p>Neither pooled nor cached: with pooled-jms, and with Spring's CachingConnectionFactory too, a
 * session whose commit failed (a destination refusing) kept its consumed message unacknowledged and
 * out of reach, neither delivered nor redelivered (DestinationRefusingTest found this).
 */
public final class JmsConnections implements AutoCloseable {

    private final ActiveMQConnectionFactory artemis;

    public JmsConnections(String url, String user, String password) {
        artemis = ConnectionFactories.artemis(url);
        if (user != null && !user.isBlank()) {
            artemis.setUser(user);
            artemis.setPassword(password);
        }
    }

    public ConnectionFactory factory() {
        return artemis;
    }

    @Override
    public void close() {
        artemis.close();
    }
}
