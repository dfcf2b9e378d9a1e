package org.wcoecom.adapter.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionBindingQueryMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionQueueQueryMessage;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route sends on its consumer's session the way Spring's JmsTemplate does: the queue resolved by
 * name, a producer created, the message sent, the producer closed, for every message. Through the
 * adapter's connection factory the session asks the broker about a queue once, not three times per
 * message (each question a round trip to the broker's threads). A destination that refuses a message
 * still fails the commit: DestinationRefusingTest.
 */
class SendsLookUpTheirQueueOnceTest {

    private static final int MESSAGES = 20;

    @TempDir
    Path data;

    private EmbeddedActiveMQ broker;
    private final AtomicInteger questions = new AtomicInteger();

    @BeforeEach
    void startBroker() throws Exception {
        Interceptor counting = (packet, connection) -> {
            if (packet instanceof SessionQueueQueryMessage || packet instanceof SessionBindingQueryMessage) {
                questions.incrementAndGet();
            }
            return true;
        };
        broker = InVmTestBroker.start(data, 77, counting);
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.stop();
    }

    @Test
    void a_session_asks_about_a_queue_once_however_many_messages_it_sends() throws Exception {
        try (Connection connection = ConnectionFactories.artemis("vm://77").createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            for (int i = 0; i < MESSAGES; i++) {
                Queue queue = session.createQueue("forwarded.records");
                MessageProducer producer = session.createProducer(queue);
                producer.send(session.createTextMessage("record " + i));
                producer.close();
            }
            session.commit();
            assertTrue(questions.get() <= 3, "questions to the broker for " + MESSAGES + " messages: " + questions.get());

            MessageConsumer consumer = session.createConsumer(session.createQueue("forwarded.records"));
            int received = 0;
            while (consumer.receive(2_000) != null) {
                received++;
            }
            session.commit();
            assertEquals(MESSAGES, received, "every message sent arrived");
        }
    }
}
