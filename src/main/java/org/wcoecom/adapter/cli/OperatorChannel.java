package org.wcoecom.adapter.cli;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.wcoecom.adapter.operations.OperatorRequests;
import org.wcoecom.adapter.runtime.OperatorBroker;
import org.wcoecom.adapter.runtime.Settings;

/**
 * A command that needs the database, sent to the running adapter: its embedded database has no
 * network server, and while the adapter runs only the adapter opens its files. The command goes over
 * the broker as the operator and the adapter answers with the command's output.
 */
final class OperatorChannel {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** H2: the database files are open in another process */
    private static final int IN_USE = 90020;

    /** The output and exit status of a command the adapter ran. */
    record Reply(int exit, String output) {
    }

    private OperatorChannel() {
    }

    /** Whether opening the database failed because the running adapter holds it. */
    static boolean heldByTheAdapter(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == IN_USE || String.valueOf(sql.getMessage()).contains("already in use"))) {
                return true;
            }
        }
        return false;
    }

    static Reply request(Settings settings, String command, String body) throws Exception {
        try (OperatorBroker broker = OperatorBroker.open(settings);
             Connection c = broker.factory().createConnection(broker.user(), broker.password())) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = s.createTemporaryQueue();
            TextMessage request = s.createTextMessage(body);
            request.setStringProperty(OperatorRequests.COMMAND, command);
            request.setJMSReplyTo(replies);
            s.createProducer(s.createQueue(OperatorRequests.QUEUE)).send(request);
            try (MessageConsumer consumer = s.createConsumer(replies)) {
                Message reply = consumer.receive(WAIT.toMillis());
                if (reply == null) {
                    throw new IllegalStateException("the adapter (" + broker.description() + ") did not answer within "
                            + WAIT.toSeconds() + " s");
                }
                return new Reply(reply.getIntProperty(OperatorRequests.EXIT), ((TextMessage) reply).getText());
            }
        }
    }
}
