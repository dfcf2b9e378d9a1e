package org.wcoecom.adapter.broker;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The adapter's JMS connection factory. Consumers keep their own connection and session (camel-jms
 * CACHE_CONSUMER), and the producers of a transacted route send on the consumer's session, so that
 * what a message yields is sent in the transaction that consumes it.
 *
 * <p>Not pooled: with pooled-jms, and with Spring's CachingConnectionFactory too, a session whose
 * commit failed (a destination refusing) kept its consumed message unacknowledged and out of reach,
 * neither delivered nor redelivered (DestinationRefusingTest found this). What is kept instead lives
 * with the consumer's own session: its looked-up queues (Artemis' cacheDestinations) and its producers
 * ({@link ProducerKeepingTemplate}), both gone with the session.
 */
public final class JmsConnections implements AutoCloseable {

    private final ActiveMQConnectionFactory artemis;
    private final ConnectionFactory logged;

    public JmsConnections(String url, String user, String password) {
        artemis = ConnectionFactories.artemis(url);
        if (user != null && !user.isBlank()) {
            artemis.setUser(user);
            artemis.setPassword(password);
        }
        logged = new FailoverLog(artemis);
    }

    /**
     * The factory the adapter's routes use. With an HA pair ({@code (tcp://a:61616,tcp://b:61616)?ha=true&reconnectAttempts=-1})
     * its connections fail over to the backup and back by themselves, each failover logged.
     */
    public ConnectionFactory factory() {
        return logged;
    }

    @Override
    public void close() {
        artemis.close();
    }
}
