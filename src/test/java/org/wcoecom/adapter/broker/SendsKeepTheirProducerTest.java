package org.wcoecom.adapter.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.CreateProducerMessage;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route that sends several messages for each one it consumes, on the adapter's camel-jms
 * configuration: its consumers create a producer for the queue once, not once per message sent, and
 * a message whose route fails after sending is still forwarded exactly once (the kept producer's
 * sends were rolled back with the consumer's session, and it serves the redelivery).
 */
class SendsKeepTheirProducerTest {

    private static final int MESSAGES = 30;
    private static final int COPIES = 3;
    private static final int CONSUMERS = 2;

    @TempDir
    Path data;

    private EmbeddedActiveMQ broker;
    private CamelContext camel;
    private final AtomicInteger producersCreated = new AtomicInteger();

    @BeforeEach
    void startBroker() throws Exception {
        Interceptor counting = (packet, connection) -> {
            if (packet instanceof CreateProducerMessage) {
                producersCreated.incrementAndGet();
            }
            return true;
        };
        broker = InVmTestBroker.start(data, 78, counting);
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        broker.stop();
    }

    @Test
    void consumers_send_through_the_producer_they_kept_and_a_failed_route_still_forwards_once() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        camel = new DefaultCamelContext();
        camel.addComponent("jms", new JmsComponent(new AdapterJmsConfiguration(ConnectionFactories.artemis("vm://78"), CONSUMERS)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:in").routeId("copies")
                        .loop(COPIES).to("jms:queue:out").end()
                        .process(exchange -> {
                            // the seventh message's route fails once, after its copies were sent
                            if ("message 7".equals(exchange.getMessage().getBody(String.class)) && failedOnce.compareAndSet(false, true)) {
                                throw new IllegalStateException("failing after the sends");
                            }
                        });
            }
        });
        camel.start();

        try (Connection connection = ConnectionFactories.artemis("vm://78").createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("in"));
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createTextMessage("message " + i));
            }
            producer.close();
            int producersOfTheTest = producersCreated.get();

            Map<String, Integer> copies = new TreeMap<>();
            MessageConsumer consumer = session.createConsumer(session.createQueue("out"));
            for (int received = 0; received < MESSAGES * COPIES; received++) {
                Message copy = consumer.receive(10_000);
                if (copy == null) {
                    break;
                }
                copies.merge(((TextMessage) copy).getText(), 1, Integer::sum);
            }
            assertTrue(consumer.receive(1_000) == null, "more copies than sent: " + copies);

            assertTrue(failedOnce.get(), "the route never failed");
            assertEquals(MESSAGES, copies.size(), "messages forwarded: " + copies.keySet());
            copies.forEach((body, count) -> assertEquals(COPIES, count, body + " forwarded " + count + " times"));
            int producersOfTheRoute = producersCreated.get() - producersOfTheTest;
            assertTrue(producersOfTheRoute <= CONSUMERS,
                    "producers created for " + MESSAGES * COPIES + " sends by " + CONSUMERS + " consumers: " + producersOfTheRoute);
        }
    }
}
