package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Project;

/**
 * Smoke test, not a measurement: a very short `bench` runs every scenario for real (the adapter in
 * a JVM of its own on its persistent broker with the orders and with the realistic traffic, both
 * stock reference routes, the long scenario for a few seconds), prints the table, the ratios and
 * the targets, and writes the JSON with figures for each. No timing is asserted: the default suite
 * must not depend on the machine's speed. What is asserted is what the figures are made of: the
 * adapter's counters come from its broker and database, the realistic traffic completes groups
 * (declarations), the splitting route sends one message per record.
 */
class BenchCommandTest {

    @Test
    void runs_every_scenario_and_reports_them(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Cli bench = Cli.run(BenchMain::execute, "bench", "--home", Project.root().toString(), "--mix", "small", "--seconds", "1.5", "--warmup", "3",
                "--threads", "1", "--senders", "1", "--window", "4", "--long", "--long-seconds", "12", "--json", json.toString(),
                "--work", dir.resolve("work").toString());
        assertEquals(0, bench.exit, bench.toString());
        List<String> scenarios = List.of("translate", "end-to-end", "end-to-end @50%", "end-to-end @80%", "realistic", "realistic @50%",
                "realistic @80%", "reference", "reference @50%", "reference @80%", "splitting", "splitting @50%", "splitting @80%", "long");
        for (String scenario : scenarios) {
            assertTrue(bench.out.lines().anyMatch(l -> l.startsWith(scenario + " ")), scenario + " missing\n" + bench);
        }
        assertTrue(bench.out.contains("adapter/splitting reference (end-to-end records/s):"), bench.toString());
        assertTrue(bench.out.contains("adapter/non-splitting reference (end-to-end records/s):"), bench.toString());
        assertTrue(bench.out.contains("end-to-end: records/s per 10 s from a cold start:"), bench.toString());
        assertTrue(bench.out.contains("long: after "), bench.toString());
        for (String target : List.of("the splitting reference", "p99 <= 50 ms at 50%", "store flat", "translate >= 15 MB/s",
                "peak RSS <= 1 GB under -Xmx512m")) {
            assertTrue(bench.out.lines().anyMatch(l -> l.startsWith("targets") && l.contains(target)), target + " not judged\n" + bench);
        }

        JsonObject doc = (JsonObject) Jsoner.deserialize(Files.readString(json));
        JsonArray results = (JsonArray) doc.get("results");
        assertEquals(scenarios.size(), results.size(), doc.toJson());
        Map<String, JsonObject> byName = new HashMap<>();
        for (Object o : results) {
            JsonObject r = (JsonObject) o;
            byName.put((String) r.get("scenario"), r);
            assertTrue(number(r, "messages") > 0, "no message carried: " + r.toJson());
            assertTrue(number(r, "megabytesPerSecond") > 0, r.toJson());
            assertTrue(number(r, "systemCpuPercent") > 0, r.toJson());
            assertEquals(0, number(r, "declarationsMissing"), "declarations due never came: " + r.toJson());
            if (!r.get("system").equals("translate")) {
                assertTrue(number(r, "peakRssBytes") > 0, r.toJson());
                assertEquals(512L << 20, number(r, "heapLimitBytes"), r.toJson());
            }
        }
        for (String adapter : List.of("end-to-end", "realistic")) {
            JsonObject r = byName.get(adapter);
            // each partner message is stored, and so is what it yields; it is consumed and answered in transactions
            assertTrue(number(r, "storedBrokerMessagesPerMessage") >= 2, r.toJson());
            assertTrue(number(r, "jmsTransactionsPerMessage") >= 1, r.toJson());
            assertTrue(number(r, "databaseCommitsPerMessage") >= 1, r.toJson());
        }
        assertTrue(number(byName.get("realistic"), "declarations") + number(byName.get("realistic @50%"), "declarations")
                + number(byName.get("realistic @80%"), "declarations") > 0, "the realistic traffic completes groups");
        // a small message has one order: the splitting route stores it and one message for it; the stock routes use no database
        assertEquals(2.0, number(byName.get("splitting"), "storedBrokerMessagesPerMessage"), 0.5);
        assertEquals(0, number(byName.get("reference"), "databaseCommitsPerMessage"));
        assertTrue(((JsonArray) byName.get("long").get("sizes")).size() >= 2, "the long run samples the sizes");
        assertTrue(doc.containsKey("adapterOverSplitting") && doc.containsKey("adapterOverReference"), doc.toJson());
        try (var left = Files.list(dir.resolve("work"))) {
            assertEquals(0, left.count(), "the throw-away brokers and databases are removed");
        }
    }

    private static double number(JsonObject o, String key) {
        return ((Number) o.get(key)).doubleValue();
    }
}
