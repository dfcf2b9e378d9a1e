package org.wcoecom.adapter.broker;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * The adapter's JMS connections: one pool over an Artemis connection factory, shared by every
 * route (camel-jms alone would open a connection per message sent).
 */
public final class JmsConnections implements AutoCloseable {

    private final ActiveMQConnectionFactory artemis;
    private final JmsPoolConnectionFactory pool;

    public JmsConnections(String url, String user, String password, int maxConnections) {
        artemis = new ActiveMQConnectionFactory(url);
        if (user != null && !user.isBlank()) {
            artemis.setUser(user);
            artemis.setPassword(password);
        }
        pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(artemis);
        pool.setMaxConnections(maxConnections);
        pool.setMaxSessionsPerConnection(500);
    }

    public ConnectionFactory factory() {
        return pool;
    }

    @Override
    public void close() {
        pool.stop();
        artemis.close();
    }
}
