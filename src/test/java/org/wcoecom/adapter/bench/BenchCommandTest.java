package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Project;

/**
 * Smoke test, not a measurement: a very short `bench` runs every scenario for real (the adapter
 * on its persistent broker, the stock-Camel reference), prints the table and writes the JSON with
 * figures for each. No timing is asserted: the default suite must not depend on the machine's speed.
 */
class BenchCommandTest {

    @Test
    void runs_every_scenario_and_reports_them(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Cli bench = Cli.run("bench", "--home", Project.root().toString(), "--mix", "small", "--seconds", "1.5", "--warmup", "0.5",
                "--threads", "1", "--senders", "2", "--json", json.toString(), "--work", dir.resolve("work").toString());
        assertEquals(0, bench.exit, bench.toString());
        for (String scenario : List.of("translate", "end-to-end", "end-to-end @50%", "reference", "reference @50%")) {
            assertTrue(bench.out.lines().anyMatch(l -> l.startsWith(scenario + " ")), scenario + " missing\n" + bench);
        }
        assertTrue(bench.out.contains("adapter/reference (end-to-end MB/s):"), bench.toString());

        JsonObject doc = (JsonObject) Jsoner.deserialize(Files.readString(json));
        JsonArray results = (JsonArray) doc.get("results");
        assertEquals(5, results.size(), doc.toJson());
        for (Object o : results) {
            JsonObject r = (JsonObject) o;
            assertTrue(((Number) r.get("messages")).longValue() > 0, "no message carried: " + r.toJson());
            assertTrue(((Number) r.get("megabytesPerSecond")).doubleValue() > 0, r.toJson());
            assertTrue(((Number) r.get("peakHeapBytes")).longValue() > 0, r.toJson());
        }
        assertTrue(doc.containsKey("adapterOverReference"), doc.toJson());
        try (var left = Files.list(dir.resolve("work"))) {
            assertEquals(0, left.count(), "the throw-away brokers and databases are removed");
        }
    }
}
