package org.wcoecom.adapter.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The adapter on an external broker that is stopped in the middle of a flow of 2,000 records and
 * started again a few seconds later: the adapter reconnects by itself, and every record and every
 * receipt arrives exactly once. (-Pfaults)
 */
class BrokerRestartFaultIT {

    static final int MESSAGES = 20;
    static final Duration WAIT = Duration.ofMinutes(4);

    @Test
    void nothing_is_lost_or_doubled_when_the_broker_restarts(@TempDir Path brokerData, @TempDir Path adapterData) throws Exception {
        int port = PackagedAdapter.freePort();
        int operatorPort = PackagedAdapter.freePort();
        String url = "tcp://127.0.0.1:" + port;
        String run = String.valueOf(System.currentTimeMillis() % 1_000_000);
        List<String> records = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
            records.addAll(FlowCounter.recordIds(run, m));
        }
        FlowCounter counter = new FlowCounter();
        EmbeddedBroker broker = broker(brokerData, port, operatorPort);
        broker.start();
        try (TestAdapter adapter = new TestAdapter(adapterData, Map.of(
                "adapter.broker.url", url + "?reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=2000",
                "adapter.broker.user", BrokerUsers.ADAPTER, "adapter.broker.password", "adapter-secret"));
             ActiveMQConnectionFactory clients = new ActiveMQConnectionFactory(url + "?reconnectAttempts=-1&retryInterval=500");
             ActiveMQConnectionFactory operator = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + operatorPort
                     + "?reconnectAttempts=-1&retryInterval=500", BrokerUsers.OPERATOR, "operator-secret")) {
            List<String> messageIds = FlowCounter.send(clients, "logistics-secret", run, MESSAGES);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (counter.forwarded.size() < records.size() / 4 && System.nanoTime() < deadline) {
                counter.collect(operator, records, messageIds, Duration.ofMillis(300), Duration.ZERO);
            }
            int before = counter.forwarded.size();
            broker.close();
            Thread.sleep(3000);
            broker = broker(brokerData, port, operatorPort);
            broker.start();
            counter.collect(operator, records, messageIds, WAIT, Duration.ofSeconds(5));
            System.out.printf("broker restart: %d records in %d messages; %d forwarded before the broker stopped; %d distinct"
                            + " records forwarded (%d deliveries), %d distinct receipts (%d deliveries)%n", records.size(), MESSAGES,
                    before, counter.forwarded.size(), counter.totalForwarded(), counter.receipts.size(), counter.totalReceipts());
            counter.assertExactlyOnce(records, messageIds);
        } finally {
            broker.close();
        }
    }

    private static EmbeddedBroker broker(Path dir, int port, int operatorPort) {
        BrokerUsers users = new BrokerUsers("adapter-secret", "operator-secret")
                .partner("demo-logistics", "logistics-secret")
                .customs("customs-secret", "customs.ceb.out", "customs.ceb.in");
        EmbeddedBroker broker = new EmbeddedBroker(dir, "127.0.0.1", port, users, new EmbeddedBroker.Redelivery(6, 500, 2, 5000),
                new EmbeddedBroker.AddressLimit(-1, "PAGE")).operatorAcceptor("127.0.0.1", operatorPort);
        // an external broker has the canonical addresses of mappings/routing.yaml with their queues (README)
        for (org.wcoecom.adapter.pipeline.Routing.Route r : org.wcoecom.adapter.pipeline.Routing.load(
                org.wcoecom.adapter.support.Project.root()).all()) {
            broker.multicast(r.address(), r.queues());
        }
        return broker;
    }
}
