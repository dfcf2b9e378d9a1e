package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.jms.BytesMessage;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * Two adapter nodes on one broker and one PostgreSQL database, as competing consumers: the orders,
 * payments and waybills of the same groups (and re-sends of the orders) sent at the same moment, so
 * that both nodes claim records and change the same groups at once, and groups left incomplete, whose
 * time-out both nodes' sweeps look for. One declaration per group, every record forwarded once, one
 * receipt per message, re-sends answered as duplicates, one time-out receipt per incomplete group,
 * nothing dead-lettered. Runs where ADAPTER_TEST_POSTGRES_URL names a server (.ci/postgres).
 */
class TwoNodesTest {

    static final int GROUPS = 40;
    static final int INCOMPLETE = 6;
    static final Duration WAIT = Duration.ofSeconds(150);

    record Send(String partner, byte[] body) {
    }

    @Test
    void two_nodes_decide_each_group_once(@TempDir Path brokerDir, @TempDir Path one, @TempDir Path two) throws Exception {
        String server = System.getenv("ADAPTER_TEST_POSTGRES_URL");
        assumeTrue(server != null && !server.isBlank(), "no PostgreSQL server (ADAPTER_TEST_POSTGRES_URL)");
        String dbUrl = freshDatabase(server);
        int port = SharedBroker.freePort();
        int operatorPort = SharedBroker.freePort();
        String url = "tcp://127.0.0.1:" + port;
        String run = Long.toString(System.currentTimeMillis() % 10_000_000, 36).toUpperCase();
        Map<String, String> node = Map.of("adapter.broker.url", url + "?reconnectAttempts=-1&retryInterval=200",
                "adapter.broker.user", BrokerUsers.ADAPTER, "adapter.broker.password", SharedBroker.ADAPTER_PASSWORD,
                "adapter.db.url", dbUrl, "adapter.crosscheck.sweep-interval", "300",
                // long enough for a group's documents to come through the burst on two shared cores
                "adapter.crosscheck.timeout", "30000");

        List<Send> sends = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int g = 0; g < GROUPS + INCOMPLETE; g++) {
            String orderNo = "TWO" + run + "-" + g;
            String tx = "TX" + orderNo;
            String waybill = "WB" + orderNo;
            byte[] order = Messages.utf8(Messages.order(orderNo, tx));
            sends.add(new Send(SharedBroker.PLATFORM, order));
            sends.add(new Send(SharedBroker.PLATFORM, order)); // the same message again: a duplicate
            expected.add(SharedBroker.PLATFORM + ":" + orderNo + "#1");
            if (g < GROUPS) {
                sends.add(new Send(SharedBroker.PAYMENT, Messages.utf8(Messages.payment(orderNo, tx))));
                sends.add(new Send(SharedBroker.LOGISTICS, Messages.utf8(Messages.waybill(orderNo, waybill))));
                expected.add(SharedBroker.PAYMENT + ":" + tx + "#1");
                expected.add(SharedBroker.LOGISTICS + ":" + waybill + "#1");
                expected.add(SharedBroker.PLATFORM + ":" + orderNo + "/declaration#1");
            }
        }
        Collections.shuffle(sends, new Random(16));

        EmbeddedBroker broker = SharedBroker.start(brokerDir, port, operatorPort);
        try (TestAdapter a = new TestAdapter(one, node);
             TestAdapter b = new TestAdapter(two, node);
             ActiveMQConnectionFactory partners = new ActiveMQConnectionFactory(url);
             ActiveMQConnectionFactory operator = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + operatorPort,
                     BrokerUsers.OPERATOR, SharedBroker.OPERATOR_PASSWORD);
             Observer observer = new Observer()) {
            PipelineCount countA = PipelineCount.on(a);
            PipelineCount countB = PipelineCount.on(b);
            observer.startReading(operator, List.of(SharedBroker.PLATFORM, SharedBroker.PAYMENT, SharedBroker.LOGISTICS));
            List<String> messageIds = sendAtOnce(partners, sends);

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline && (observer.forwarded.size() < expected.size()
                    || observer.receipts.size() < sends.size() || observer.laterReceipts.size() < INCOMPLETE)) {
                Thread.sleep(200);
            }
            Thread.sleep(3000); // anything doubled would come now
            observer.stopReading();

            System.out.printf("two nodes: %d messages sent, %d records forwarded (%d deliveries), %d receipts (%d deliveries),"
                            + " %d later receipts; exchanges from the partner queues: node A %d, node B %d%n", sends.size(),
                    observer.forwarded.size(), observer.total(observer.forwarded), observer.receipts.size(),
                    observer.total(observer.receipts), observer.laterReceipts.size(), countA.done.get(), countB.done.get());
            Map<String, Integer> wrong = new TreeMap<>();
            observer.forwarded.forEach((k, n) -> {
                if (n != 1 || !expected.contains(k)) {
                    wrong.put(k, n);
                }
            });
            expected.forEach(k -> observer.forwarded.putIfAbsent(k, 0));
            observer.forwarded.forEach((k, n) -> {
                if (n != 1) {
                    wrong.put(k, n);
                }
            });
            assertEquals(Map.of(), wrong, "records forwarded other than exactly once");
            for (String id : messageIds) {
                assertEquals(1, observer.receipts.getOrDefault(id, 0), "receipts of message " + id);
            }
            long duplicates = observer.receiptBodies.values().stream().filter(r -> r.contains("-301010")).count();
            assertEquals(GROUPS + INCOMPLETE, duplicates, "each re-sent order answered as a duplicate");
            assertEquals(INCOMPLETE, observer.laterReceipts.size(), "one time-out receipt per incomplete group: " + observer.laterBodies.keySet());
            assertTrue(observer.laterReceipts.values().stream().allMatch(n -> n == 1), "time-out receipts sent once: " + observer.laterReceipts);
            assertTrue(countA.done.get() > 0 && countB.done.get() > 0, "both nodes took messages");
            assertEquals(0, deadLetters(operator), "nothing dead-lettered");

            // each node serves HTTP of its own: the message goes on the shared partner queue and its receipt,
            // made by whichever node took it, comes back to the node that waits for it
            for (TestAdapter httpNode : List.of(a, b, a, b)) {
                String orderNo = "TWO" + run + "-HTTP-" + System.nanoTime();
                var answer = httpNode.post(Messages.utf8(Messages.order(orderNo, "TX" + orderNo)), SharedBroker.PLATFORM);
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains(orderNo), answer.body());
            }
        } finally {
            broker.close();
        }
    }

    /** A database of the test's own on the server (other tests and helpers share it). */
    static String freshDatabase(String server) throws Exception {
        String database = "adapter_nodes_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        return server.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    /** The partners' messages sent from one thread per partner, all released at the same moment; their JMS ids in order. */
    private static List<String> sendAtOnce(ActiveMQConnectionFactory factory, List<Send> sends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (String partner : List.of(SharedBroker.PLATFORM, SharedBroker.PAYMENT, SharedBroker.LOGISTICS)) {
            List<Send> mine = sends.stream().filter(s -> s.partner().equals(partner)).toList();
            futures.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                try (jakarta.jms.Connection c = factory.createConnection(partner, SharedBroker.password(partner))) {
                    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer p = s.createProducer(s.createQueue("partner." + partner + ".in"));
                    go.await();
                    for (Send send : mine) {
                        BytesMessage m = s.createBytesMessage();
                        m.writeBytes(send.body());
                        p.send(m);
                        ids.add(m.getJMSMessageID());
                    }
                }
                return ids;
            }));
        }
        go.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<List<String>> f : futures) {
            ids.addAll(f.get());
        }
        pool.shutdown();
        return ids;
    }

    /** Counts the partner messages a node has taken from the partners' queues (routes ingress-jms-*). */
    static final class PipelineCount extends org.apache.camel.support.EventNotifierSupport {
        final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

        static PipelineCount on(TestAdapter node) throws Exception {
            PipelineCount count = new PipelineCount();
            node.runtime().camel().getManagementStrategy().addEventNotifier(count);
            // Camel emits exchange events only when it knew of a notifier at start, unless told
            node.runtime().camel().getCamelContextExtension().setEventNotificationApplicable(true);
            count.start();
            return count;
        }

        @Override
        public void notify(org.apache.camel.spi.CamelEvent event) {
            if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent e
                    && String.valueOf(e.getExchange().getFromRouteId()).startsWith("ingress-jms-")) {
                done.incrementAndGet();
            }
        }
    }

    private static int deadLetters(ActiveMQConnectionFactory operator) throws Exception {
        int n = 0;
        try (jakarta.jms.Connection c = operator.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String q : List.of("DLQ.pipeline", "DLQ.egress", "DLQ.crosscheck", "DLQ.partner." + SharedBroker.PLATFORM + ".in")) {
                var e = s.createBrowser(s.createQueue(q)).getEnumeration();
                while (e.hasMoreElements()) {
                    e.nextElement();
                    n++;
                }
            }
        }
        return n;
    }
}
