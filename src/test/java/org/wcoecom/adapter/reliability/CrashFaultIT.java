package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.PackagedAdapter;

/**
 * The packaged adapter is killed with SIGKILL while 10,000 records flow from partner.demo-logistics.in
 * to customs.ceb.out; started again on the same data folder, it delivers every record exactly once
 * and answers every message exactly once. (-Pfaults)
 */
class CrashFaultIT {

    static final int MESSAGES = 100;
    static final Duration WAIT = Duration.ofMinutes(4);

    @Test
    void ten_thousand_records_arrive_exactly_once_across_a_sigkill(@TempDir Path data) throws Exception {
        String run = String.valueOf(System.currentTimeMillis() % 1_000_000);
        int http = PackagedAdapter.freePort();
        int broker = PackagedAdapter.freePort();
        int operatorPort = PackagedAdapter.freePort();
        List<String> args = List.of("run", "--data", data.toString(), "--http-port", String.valueOf(http),
                "--broker-port", String.valueOf(broker), "--operator-port", String.valueOf(operatorPort));
        List<String> records = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
            records.addAll(FlowCounter.recordIds(run, m));
        }
        FlowCounter counter = new FlowCounter();
        List<String> messageIds;
        int beforeKill;
        try (PackagedAdapter first = started(args)) {
            try (ActiveMQConnectionFactory partner = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker)) {
                messageIds = FlowCounter.send(partner, PackagedAdapter.secret(data, "demo-logistics.broker-password"), run, MESSAGES);
            }
            // let part of the flow through, then kill the adapter in the middle of it
            try (ActiveMQConnectionFactory operator = PackagedAdapter.operator(data, operatorPort)) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (counter.forwarded.size() < records.size() / 3 && System.nanoTime() < deadline) {
                    counter.collect(operator, records, messageIds, Duration.ofMillis(500), Duration.ZERO);
                }
            }
            beforeKill = counter.forwarded.size();
            first.kill();
        }
        try (PackagedAdapter second = started(args);
             ActiveMQConnectionFactory operator = PackagedAdapter.operator(data, operatorPort)) {
            counter.collect(operator, records, messageIds, WAIT, Duration.ofSeconds(5));
            System.out.printf("crash: %d records in %d messages; %d forwarded before SIGKILL; after restart %d distinct records"
                            + " forwarded (%d deliveries), %d distinct receipts (%d deliveries)%n", records.size(), MESSAGES,
                    beforeKill, counter.forwarded.size(), counter.totalForwarded(), counter.receipts.size(), counter.totalReceipts());
            try {
                counter.assertExactlyOnce(records, messageIds);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + diagnosis(data, broker, operatorPort, records, counter)
                        + where(operator, records, counter) + threads(second), e);
            }
            assertTrue(second.terminate(Duration.ofSeconds(60)));
        }
    }

    /** What the dead-letter queues and the audit trail say about the records that did not arrive. */
    private static String diagnosis(Path data, int broker, int operatorPort, List<String> records, FlowCounter counter) {
        StringBuilder d = new StringBuilder();
        d.append(Cli.run("dlq", "list", "--data", data.toString(), "--broker-port", String.valueOf(broker),
                "--operator-port", String.valueOf(operatorPort)).out);
        records.stream().filter(r -> !counter.forwarded.containsKey(r)).limit(5).forEach(r ->
                d.append(Cli.run("audit", r, "--data", data.toString()).out));
        return d.toString();
    }

    /** Which queues still hold the missing records' messages. */
    private static String where(ActiveMQConnectionFactory operator, List<String> records, FlowCounter counter) throws Exception {
        StringBuilder d = new StringBuilder();
        try (var c = operator.createConnection()) {
            c.start();
            var s = c.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            for (String missing : records.stream().filter(r -> !counter.forwarded.containsKey(r)).limit(3).toList()) {
                for (String q : List.of("canonical.status", "customs.ceb.out", "partner.demo-logistics.in", "crosscheck.in")) {
                    try (var b = s.createBrowser(s.createQueue(q))) {
                        int all = 0;
                        int match = 0;
                        for (Object o : java.util.Collections.list(b.getEnumeration())) {
                            all++;
                            if (missing.equals(((jakarta.jms.Message) o).getStringProperty("AdapterRecordId"))) {
                                match++;
                            }
                        }
                        d.append(q).append(": ").append(all).append(" messages, ").append(match).append(" of ").append(missing).append("\n");
                    }
                }
            }
        }
        return d.toString();
    }

    private static String threads(PackagedAdapter adapter) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(), String.valueOf(adapter.pid()))
                    .redirectErrorStream(true).start();
            String dump = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return java.util.Arrays.stream(dump.split("\n\n")).filter(t -> t.contains("JmsConsumer[canonical.status]")
                    || t.contains("JmsConsumer[partner.")).reduce("", (a, b) -> a + b + "\n\n");
        } catch (Exception e) {
            return "no thread dump: " + e;
        }
    }

    private static PackagedAdapter started(List<String> args) throws Exception {
        PackagedAdapter adapter = PackagedAdapter.start(args);
        if (!adapter.awaitLine("wco-ecom-adapter is running", Duration.ofSeconds(90))) {
            adapter.close();
            throw new AssertionError("the adapter did not start\n" + adapter.output());
        }
        return adapter;
    }
}
