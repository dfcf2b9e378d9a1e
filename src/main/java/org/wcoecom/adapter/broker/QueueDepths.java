package org.wcoecom.adapter.broker;

import java.util.Map;
import java.util.TreeMap;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * How many messages each of the adapter's queues holds, as the broker's own queue controls tell
 * (management messages on {@code activemq.management}: the embedded broker and an external one alike).
 * The broker's internal and temporary reply queues are left out.
 */
public final class QueueDepths implements AutoCloseable {

    private final Connection connection;

    public QueueDepths(ConnectionFactory factory, String user, String password) throws JMSException {
        connection = user == null ? factory.createConnection() : factory.createConnection(user, password);
        connection.start();
    }

    /** Queue name to message count, by name. */
    public synchronized Map<String, Long> depths() throws Exception {
        Map<String, Long> depths = new TreeMap<>();
        for (Object n : (Object[]) manage("broker", "queueNames")) {
            String name = String.valueOf(n);
            if (name.startsWith("activemq.") || name.startsWith("$") || isTemporary(name)) {
                continue;
            }
            Object count = manage("queue." + name, "messageCount");
            if (count instanceof Number number) {
                depths.put(name, number.longValue());
            }
        }
        return depths;
    }

    /** Temporary reply queues are UUIDs (HTTP, file and SOAP channels wait on them for receipts). */
    private static boolean isTemporary(String name) {
        return name.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private Object manage(String resource, String attribute) throws Exception {
        try (QueueSession session = ((QueueConnection) connection).createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = new QueueRequestor(session, session.createQueue("activemq.management"));
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            Message reply = requestor.request(request);
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                return null;
            }
            return JMSManagementHelper.getResult(reply);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
