package org.wcoecom.adapter.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;

/** The far end of a queue: a consumer handing every message to a listener, until closed. */
final class Outputs implements AutoCloseable {

    private final Connection connection;

    Outputs(ConnectionFactory factory, String queue, MessageListener listener) throws JMSException {
        connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(queue)).setMessageListener(listener);
        connection.start();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
