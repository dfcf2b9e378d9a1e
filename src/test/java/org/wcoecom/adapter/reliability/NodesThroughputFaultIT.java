package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.broker.BrokerPairNode;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.support.BrokerPair;
import org.wcoecom.adapter.support.PackagedAdapter;

/**
 * Throughput of two adapter nodes against one on the same machine (-Pfaults, heavy): the same traffic
 * as ClusterFaultIT without faults (complete three-document groups and their statuses,
 * {@code -Dthroughput.groups=N}, 5 records a group with the declaration), sent as fast as the partners'
 * connections take it, once to one packaged node and once to two, each on a fresh replicated broker
 * pair and a fresh PostgreSQL database. Measured from the first send to the last record and receipt;
 * the nodes are started and warmed up by unmeasured groups first ({@code -Dthroughput.warmup-groups}). Prints records/s; on a
 * machine whose cores the nodes, brokers and database share, two nodes cannot double it, and the test
 * only checks that it does not collapse (at least half of one node's).
 */
class NodesThroughputFaultIT {

    static final int GROUPS = Integer.getInteger("throughput.groups", 1500);
    /** groups sent through first, unmeasured: on 2 cores each JVM's JIT compilers take minutes to settle */
    static final int WARMUP_GROUPS = Integer.getInteger("throughput.warmup-groups", 400);
    static final Duration START = Duration.ofSeconds(180);
    static final Duration DRAIN = Duration.ofMinutes(15);
    static final List<String> PARTNERS = List.of(GroupTraffic.PLATFORM, GroupTraffic.PAYMENT, GroupTraffic.LOGISTICS);

    @TempDir
    Path work;

    @Test
    void two_nodes_do_not_collapse_against_one() throws Exception {
        String server = System.getenv("ADAPTER_TEST_POSTGRES_URL");
        assumeTrue(server != null && !server.isBlank(), "no PostgreSQL server (ADAPTER_TEST_POSTGRES_URL)");
        assertTrue(Files.exists(PackagedAdapter.JAR), "package the adapter first (mvn -B package -DskipTests)");
        double one = run(server, 1);
        double two = run(server, 2);
        System.out.printf("throughput: %d groups (%d records): one node %.1f records/s, two nodes %.1f records/s (%.2f×),"
                        + " on %d cores shared by the nodes, the broker pair and PostgreSQL%n", GROUPS, GROUPS * 5 + 1, one, two,
                two / one, Runtime.getRuntime().availableProcessors());
        assertTrue(two >= one / 2, "two nodes collapsed: " + two + " records/s against " + one);
    }

    /** Records/s of the flow through the given number of nodes. */
    private double run(String server, int nodes) throws Exception {
        Path dir = Files.createDirectories(work.resolve(nodes + "-nodes"));
        String dbUrl = TwoNodesTest.freshDatabase(server);
        List<PackagedAdapter> adapters = new ArrayList<>();
        Observer observer = new Observer();
        try (BrokerPair pair = new BrokerPair(dir.resolve("pair"));
             ActiveMQConnectionFactory operator = new ActiveMQConnectionFactory(pair.url(), BrokerUsers.OPERATOR,
                     BrokerPairNode.OPERATOR_PASSWORD);
             Sender sender = new Sender(p -> new ActiveMQConnectionFactory(pair.url()), BrokerPairNode::partnerPassword, 100_000)) {
            pair.start(START);
            for (int n = 0; n < nodes; n++) {
                PackagedAdapter adapter = PackagedAdapter.start(List.of("-Xmx384m", "-Dadapter.broker.url=" + pair.url(),
                                "-Dadapter.broker.user=" + BrokerUsers.ADAPTER, "-Dadapter.broker.password=" + BrokerPairNode.ADAPTER_PASSWORD,
                                "-Dadapter.db.url=" + dbUrl, "-Dadapter.crosscheck.timeout=3600000"),
                        List.of("run", "--data", dir.resolve("node" + n).toString(), "--http-port", String.valueOf(PackagedAdapter.freePort())));
                adapters.add(adapter);
                assertTrue(adapter.awaitLine("wco-ecom-adapter is running", START), adapter.output());
            }
            observer.startReading(operator, PARTNERS);
            // warm-up: groups through every step before the clock starts
            GroupTraffic warmup = new GroupTraffic(System.nanoTime(), WARMUP_GROUPS, 0.0);
            List<GroupTraffic.Send> warmSends = warmup.firstWave();
            sender.send(warmSends);
            List<String> warm = warmup.expectedForwards(true);
            await(() -> observer.forwarded.keySet().containsAll(warm), "the warm-up");

            GroupTraffic traffic = new GroupTraffic(System.nanoTime(), GROUPS, 0.0);
            List<String> expected = traffic.expectedForwards(true);
            long started = System.nanoTime();
            List<GroupTraffic.Send> sends = traffic.firstWave();
            sender.send(sends);
            await(() -> sender.idle() && observer.forwarded.keySet().containsAll(expected)
                    && observer.receipts.size() >= sends.size() + warmSends.size(), "the flow");
            double seconds = (System.nanoTime() - started) / 1e9;
            observer.stopReading();
            assertEquals(List.of(), observer.forwarded.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey()).limit(10)
                    .toList(), "forwarded more than once");
            System.out.printf("throughput: %d node(s): %d records in %.1f s%n", nodes, expected.size(), seconds);
            return expected.size() / seconds;
        } finally {
            observer.stopReading();
            adapters.forEach(PackagedAdapter::close);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + DRAIN + " for " + what);
            }
            Thread.sleep(100);
        }
    }
}
