package org.wcoecom.adapter.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's connection factory, logging each connection's failovers: when the live broker of an
 * HA pair fails (or hands back to a restarted primary), the Artemis client moves its connections to
 * the other broker by itself; a transaction that was open then is rolled back and its message
 * delivered again. These lines are how an operator (and the fault test) sees that it happened.
 */
final class FailoverLog implements ConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverLog.class);

    private final ConnectionFactory factory;

    FailoverLog(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return watched(factory.createConnection());
    }

    @Override
    public Connection createConnection(String user, String password) throws JMSException {
        return watched(factory.createConnection(user, password));
    }

    @Override
    public JMSContext createContext() {
        return factory.createContext();
    }

    @Override
    public JMSContext createContext(String user, String password) {
        return factory.createContext(user, password);
    }

    @Override
    public JMSContext createContext(String user, String password, int sessionMode) {
        return factory.createContext(user, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return factory.createContext(sessionMode);
    }

    private static Connection watched(Connection c) throws JMSException {
        if (c instanceof ActiveMQConnection artemis) {
            artemis.setFailoverListener(event -> {
                String server = String.valueOf(artemis.getSessionFactory().getConnectorConfiguration());
                if (event == FailoverEventType.FAILOVER_COMPLETED) {
                    LOG.warn("broker failover: connection moved to {}; open transactions were rolled back and their messages"
                            + " are delivered again", server);
                } else if (event == FailoverEventType.FAILOVER_FAILED) {
                    LOG.error("broker failover failed: no broker of {} reachable; the listeners reconnect by themselves", server);
                } else {
                    LOG.warn("broker failover: the connection to {} failed ({})", server, event);
                }
            });
        }
        return c;
    }
}
