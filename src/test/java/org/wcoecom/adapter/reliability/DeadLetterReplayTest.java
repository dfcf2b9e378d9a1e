package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * Forwarding that keeps failing (the customs queue full and refusing, longer than the attempts
 * last) ends in DLQ.egress with the stage, the reason and the partner; `dlq list` and `dlq show`
 * say so, and once the cause is gone `dlq replay --all` delivers each record exactly once.
 */
class DeadLetterReplayTest {

    static final int ORDERS = 30;

    @Test
    void dead_letters_are_listed_shown_and_replayed_once(@TempDir Path data) throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Refusing.settings(2))) {
            List<String> records = Refusing.sendOrders(adapter, "DLQ", ORDERS);
            List<String> letters = awaitLetters(adapter, Duration.ofSeconds(60));
            if (letters.isEmpty()) {
                throw new AssertionError("nothing was dead-lettered: " + Cli.run(args(adapter, "dlq", "list")));
            }

            Cli list = Cli.run(args(adapter, "dlq", "list"));
            assertEquals(0, list.exit, list.toString());
            assertTrue(list.out.contains("stage=egress") && list.out.contains("partner=demo-platform"), list.out);
            String id = list.out.lines().filter(l -> l.startsWith("ID:")).findFirst().orElseThrow().split("\\s+")[0];
            Cli show = Cli.run(args(adapter, "dlq", "show", id));
            assertEquals(0, show.exit, show.toString());
            assertTrue(show.out.contains("replay to: canonical.order") && show.out.contains("<c:Order"), show.out);
            assertTrue(show.out.contains("reason:") && !show.out.contains("reason:    -"), show.out);

            // the cause goes away: the customs gateway takes what waited, and keeps consuming; then the operator replays
            try (Refusing.Gateway gateway = new Refusing.Gateway(adapter)) {
                Cli replay = Cli.run(args(adapter, "dlq", "replay", "--all"));
                assertEquals(0, replay.exit, replay.toString());
                assertTrue(replay.out.contains(letters.size() + " dead letter(s) replayed"), replay.out + "\nletters: " + letters);

                gateway.awaitAll(records, Duration.ofSeconds(60));
                Map<String, Integer> seen = new HashMap<>(gateway.seen);
                System.out.printf("dead-letter replay: %d orders, %d dead-lettered and replayed, %d distinct records forwarded%n",
                        ORDERS, letters.size(), seen.size());
                for (String twice : seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList()) {
                    // what the adapter knows of a record forwarded twice: received, dead-lettered, replayed, forwarded
                    System.out.println(Cli.run(args(adapter, "audit", twice)).out);
                }
                Refusing.assertExactlyOnce(records, seen);
            }
            Cli after = Cli.run(args(adapter, "dlq", "list"));
            assertTrue(after.out.startsWith("0 dead letter(s)"), after.out);
        }
    }

    private static List<String> awaitLetters(TestAdapter adapter, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> ids = new ArrayList<>();
        int stable = 0;
        while (System.nanoTime() < deadline && stable < 6) {
            Cli list = Cli.run(args(adapter, "dlq", "list"));
            List<String> now = list.out.lines().filter(l -> l.startsWith("ID:")).toList();
            stable = !now.isEmpty() && now.size() == ids.size() ? stable + 1 : 0;
            ids = now;
            Thread.sleep(500);
        }
        return ids;
    }

    private static String[] args(TestAdapter adapter, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(adapter.commandOptions());
        return all.toArray(String[]::new);
    }
}
