package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.jms.Connection;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.broker.BrokerPairNode;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.pipeline.Routing;
import org.wcoecom.adapter.support.BrokerPair;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;

/**
 * Several nodes (-Pfaults): two packaged adapter nodes on a replicated Artemis pair and PostgreSQL,
 * under complete three-document groups from three partners (orders, payments, waybills, statuses and
 * the declarations they yield: 10,000 records by default, {@code -Dcluster.groups=N} for N×5) and
 * re-sent messages. Node A is killed with SIGKILL and restarted; the live broker is killed (the backup
 * takes over), restarted and given back its place (failback); node B is killed and restarted. After the
 * flow drains: every record forwarded exactly once, one receipt per message, one declaration per group,
 * every re-send answered as a duplicate, nothing dead-lettered; and the proof that the faults happened
 * (redeliveries logged by the nodes, their connections' failover and failback, both nodes processing).
 * Needs ADAPTER_TEST_POSTGRES_URL (.ci/postgres) and the packaged jar.
 */
class ClusterFaultIT {

    static final int GROUPS = Integer.getInteger("cluster.groups", 2000);
    static final int RESENDS = Math.max(10, GROUPS / 20);
    static final Duration START = Duration.ofSeconds(180);
    static final Duration DRAIN = Duration.ofMinutes(Long.getLong("cluster.drain-minutes", 20));
    static final List<String> PARTNERS = List.of(GroupTraffic.PLATFORM, GroupTraffic.PAYMENT, GroupTraffic.LOGISTICS);

    @TempDir
    Path pairDir;
    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private final List<String> log = new ArrayList<>();
    private final Map<String, List<PackagedAdapter>> lives = new HashMap<>();
    private String dbUrl;
    private BrokerPair pair;

    @Test
    void every_record_once_across_node_and_broker_kills() throws Exception {
        String server = System.getenv("ADAPTER_TEST_POSTGRES_URL");
        assumeTrue(server != null && !server.isBlank(), "no PostgreSQL server (ADAPTER_TEST_POSTGRES_URL)");
        assertTrue(java.nio.file.Files.exists(PackagedAdapter.JAR), "package the adapter first (mvn -B package -DskipTests)");
        dbUrl = TwoNodesTest.freshDatabase(server);
        long seed = Long.getLong("cluster.seed", System.currentTimeMillis());
        GroupTraffic traffic = new GroupTraffic(seed, GROUPS, 0.0);
        List<GroupTraffic.Send> firstWave = traffic.firstWave();
        List<GroupTraffic.Send> resends = traffic.resends(firstWave, RESENDS);
        List<String> expected = traffic.expectedForwards(true); // the "poison" order is an ordinary one here: no size limit
        long started = System.nanoTime();

        pair = new BrokerPair(pairDir);
        Observer observer = new Observer();
        try (ActiveMQConnectionFactory operator = new ActiveMQConnectionFactory(pair.url(), BrokerUsers.OPERATOR,
                BrokerPairNode.OPERATOR_PASSWORD);
             Sender sender = new Sender(p -> new ActiveMQConnectionFactory(pair.url()), BrokerPairNode::partnerPassword, 400)) {
            pair.start(START);
            say("broker pair up: primary active, backup in sync");
            PackagedAdapter a = start("A", dataA);
            PackagedAdapter b = start("B", dataB);
            observer.startReading(operator, PARTNERS);
            sender.send(firstWave);

            awaitForwarded(observer, operator, expected.size() / 10);
            a.kill();
            say("SIGKILL node A after " + observer.forwarded.size() + " records forwarded");
            Thread.sleep(2000);
            a = start("A", dataA);

            awaitForwarded(observer, operator, expected.size() * 35 / 100);
            pair.kill(BrokerPair.PRIMARY);
            say("SIGKILL the live broker (primary) after " + observer.forwarded.size() + " records forwarded");
            pair.awaitState(BrokerPair.BACKUP, "ACTIVE", START);
            say("the backup is active");
            Thread.sleep(5000);
            pair.start(BrokerPair.PRIMARY);
            pair.awaitState(BrokerPair.PRIMARY, "ACTIVE", START);
            pair.awaitState(BrokerPair.BACKUP, "BACKUP-IN-SYNC", START);
            say("failback: the primary is active again, the backup in sync, after " + observer.forwarded.size() + " records forwarded");

            awaitForwarded(observer, operator, expected.size() * 60 / 100);
            b.kill();
            say("SIGKILL node B after " + observer.forwarded.size() + " records forwarded");
            Thread.sleep(2000);
            b = start("B", dataB);

            // re-sends once their originals are answered (a re-send taken before its original would be the new one)
            await(() -> sender.idle() && everyMessageAnswered(sender, observer), observer, operator, "the first wave answered");
            sender.send(resends);
            await(() -> sender.idle() && observer.forwarded.keySet().containsAll(expected) && everyMessageAnswered(sender, observer),
                    observer, operator, "every record and every receipt");
            Thread.sleep(5000);
            observer.stopReading();
            double seconds = (System.nanoTime() - started) / 1e9;
            int deadLetters = deadLetters(operator);

            Map<String, Integer> perKey = new HashMap<>();
            observer.receipts.forEach((id, n) -> perKey.merge(String.valueOf(sender.keyOf.get(id)), n, Integer::sum));
            long declarations = observer.forwarded.keySet().stream().filter(k -> k.contains("/declaration")).count();
            long redeliveries = linesOf("redelivered message");
            long failovers = linesOf("broker failover: connection moved to");
            // the connector named in the line is the broker the connection moved to
            long toBackup = linesOf("connection moved to", "port=" + pair.port(BrokerPair.BACKUP));
            long toPrimary = linesOf("connection moved to", "port=" + pair.port(BrokerPair.PRIMARY));
            long processedA = linesIn("A", "forwarded the");
            long processedB = linesIn("B", "forwarded the");
            System.out.printf("cluster fault test (seed %d): %d groups, %d messages sent (%d first wave, %d re-sends), %d send attempts"
                            + " failed and retried; %d distinct records forwarded in %d deliveries (%d expected), %d declarations;"
                            + " %d receipts for %d messages; %d dead letters; %d redeliveries and %d connection failovers logged by"
                            + " the nodes (%d to the backup, %d back to the primary); batches forwarded by node A %d, node B %d; %.0f s in all"
                            + " (%.0f records/s with the faults and the nodes' starts)%n",
                    seed, GROUPS, sender.done.size(), firstWave.size(), resends.size(), sender.failedAttempts,
                    observer.forwarded.size(), observer.total(observer.forwarded), expected.size(), declarations,
                    observer.total(observer.receipts), perKey.size(), deadLetters, redeliveries, failovers, toBackup, toPrimary, processedA, processedB,
                    seconds, expected.size() / seconds);
            System.out.println("broker pair: " + pair.states());
            log.forEach(System.out::println);

            assertEquals(List.of(), expected.stream().filter(k -> !observer.forwarded.containsKey(k)).limit(20).toList(), "never forwarded");
            assertEquals(List.of(), observer.forwarded.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(20)
                    .toList(), "forwarded more than once");
            assertEquals(List.of(), observer.forwarded.keySet().stream().filter(k -> !expected.contains(k)).limit(20).toList(),
                    "forwarded but not expected");
            assertEquals(GROUPS, declarations, "one declaration per completed group");
            assertEquals(List.of(), sender.done.stream().filter(k -> perKey.getOrDefault(k, 0) == 0).limit(20).toList(),
                    "messages never answered");
            assertEquals(List.of(), perKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(20).toList(),
                    "messages answered more than once");
            for (GroupTraffic.Send resend : resends) {
                String body = sender.attempts.getOrDefault(resend.key(), java.util.Set.of()).stream().map(observer.receiptBodies::get)
                        .filter(java.util.Objects::nonNull).findFirst().orElse("(no receipt)");
                assertTrue(body.contains("-301010") || body.contains("-401007") || body.contains("-504012") || body.contains("-505012"),
                        "a re-sent message not answered as a duplicate: " + body);
            }
            assertEquals(0, deadLetters, "nothing dead-lettered");
            assertTrue(redeliveries > 0, "no redelivery seen: the kills hit nothing in flight");
            assertTrue(toBackup >= 2 && toPrimary >= 2, "the nodes' connections moved to the backup and back (failback): "
                    + failovers + " failovers logged, " + toBackup + " to the backup, " + toPrimary + " to the primary");
            assertTrue(processedA > 0 && processedB > 0, "both nodes processed records");
        } finally {
            observer.stopReading();
            lives.values().forEach(l -> l.forEach(PackagedAdapter::close));
            pair.close();
        }
    }

    private PackagedAdapter start(String name, Path data) throws Exception {
        PackagedAdapter adapter = PackagedAdapter.start(List.of("-Xmx384m",
                        "-Dadapter.broker.url=" + pair.url(),
                        "-Dadapter.broker.user=" + BrokerUsers.ADAPTER,
                        "-Dadapter.broker.password=" + BrokerPairNode.ADAPTER_PASSWORD,
                        "-Dadapter.db.url=" + dbUrl,
                        // every group completes: no time-out may close one while the faults slow the flow
                        "-Dadapter.crosscheck.timeout=3600000"),
                List.of("run", "--data", data.toString(), "--http-port", String.valueOf(PackagedAdapter.freePort())));
        lives.computeIfAbsent(name, n -> new ArrayList<>()).add(adapter);
        if (!adapter.awaitLine("wco-ecom-adapter is running", START)) {
            adapter.close();
            throw new AssertionError("node " + name + " did not start\n" + adapter.output());
        }
        say("node " + name + " started");
        return adapter;
    }

    private long linesOf(String text) {
        return lives.keySet().stream().mapToLong(n -> linesIn(n, text)).sum();
    }

    private long linesOf(String text, String andText) {
        return lives.values().stream().flatMap(List::stream).flatMap(a -> a.lines().stream())
                .filter(l -> l.contains(text) && l.contains(andText)).count();
    }

    private long linesIn(String node, String text) {
        return lives.getOrDefault(node, List.of()).stream().flatMap(a -> a.lines().stream()).filter(l -> l.contains(text)).count();
    }

    /** Each message sent has a receipt (for one of its attempts: the one the broker kept). */
    private static boolean everyMessageAnswered(Sender sender, Observer observer) {
        return sender.done.stream().allMatch(k -> sender.attempts.getOrDefault(k, java.util.Set.of()).stream()
                .anyMatch(observer.receipts::containsKey));
    }

    private void awaitForwarded(Observer observer, ActiveMQConnectionFactory operator, int count) throws InterruptedException {
        await(() -> observer.forwarded.size() >= count, observer, operator, count + " records forwarded");
    }

    /** Waits, reading again whenever a failover ended the observer's session (what it had not committed comes again). */
    private void await(BooleanSupplier condition, Observer observer, ActiveMQConnectionFactory operator, String what, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (!observer.reading()) {
                observer.startReading(operator, PARTNERS);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + wait + " for " + what + " (" + observer.forwarded.size() + " records forwarded)");
            }
            Thread.sleep(250);
        }
    }

    private void await(BooleanSupplier condition, Observer observer, ActiveMQConnectionFactory operator, String what)
            throws InterruptedException {
        await(condition, observer, operator, what, DRAIN);
    }

    /** Messages on any dead-letter queue the flow could have used. */
    private static int deadLetters(ActiveMQConnectionFactory operator) throws Exception {
        List<String> queues = new ArrayList<>(List.of("DLQ.pipeline", "DLQ.egress", "DLQ.crosscheck", "DLQ.customs.ceb.out"));
        PARTNERS.forEach(p -> queues.add("DLQ.partner." + p + ".in"));
        Routing.load(Project.root()).all().forEach(r -> r.queues().forEach(q -> queues.add("DLQ." + q)));
        int n = 0;
        try (Connection c = operator.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String q : queues) {
                try (QueueBrowser browser = s.createBrowser(s.createQueue(q))) {
                    var e = browser.getEnumeration();
                    while (e.hasMoreElements()) {
                        e.nextElement();
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private void say(String line) {
        log.add(line);
        System.out.println("cluster fault test: " + line);
    }
}
