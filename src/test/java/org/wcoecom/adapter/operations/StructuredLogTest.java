package org.wcoecom.adapter.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.runtime.LogSetup;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * adapter.log.format=json with adapter.log.file: the log is a file of JSON objects, one a line, rolled
 * over by size; a line about a message carries its partner, channel, record id and Camel route; text a
 * partner sent with a line break stays inside its line.
 */
class StructuredLogTest {

    private static final String FORGED = "09:00:00.000 ERROR Forged                       the adapter was compromised";

    @Test
    void json_lines_in_a_rolled_file_with_the_message_context(@TempDir Path data) throws Exception {
        Path log = data.resolve("logs/adapter.log");
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.log.format", "json", "adapter.log.file", log.toString(),
                "adapter.log.file-max-size", "4KB", "adapter.log.file-count", "3"))) {
            String orderNo = Messages.orderNo("LOG");
            assertEquals(200, adapter.post(Messages.utf8(Messages.single(orderNo)), "demo-platform").statusCode());
            adapter.forwarded("demo-platform:" + orderNo);
            String forged = Messages.single(Messages.orderNo("LOGF")).replace("<ceb:orderType>I</ceb:orderType>",
                    "<ceb:orderType>I\n" + FORGED + "</ceb:orderType>");
            assertEquals(400, adapter.post(Messages.utf8(forged), "demo-platform").statusCode());

            JsonObject forwarded = awaitLine(data, o -> o.getString("message", "").startsWith("forwarded the ceb311 records"));
            assertEquals("demo-platform", forwarded.getString("adapter.partner"), forwarded.encode());
            assertEquals("http", forwarded.getString("adapter.channel"), forwarded.encode());
            assertEquals("demo-platform:" + orderNo, forwarded.getString("adapter.recordId"), forwarded.encode());
            assertEquals("egress-ceb-order", forwarded.getString("camel.routeId"), forwarded.encode());

            JsonObject rejected = awaitLine(data, o -> o.getString("message", "").startsWith("rejected message from demo-platform"));
            assertEquals("demo-platform", rejected.getString("adapter.partner"), rejected.encode());
            assertEquals("http", rejected.getString("adapter.channel"), rejected.encode());
            assertEquals("ceb311", rejected.getString("adapter.format"), rejected.encode());
            assertEquals("pipeline", rejected.getString("camel.routeId"), rejected.encode());
            assertTrue(rejected.getString("message").contains("\n" + FORGED), "the partner's text is kept whole inside the line");
        } finally {
            LogSetup.reset();
        }
        // every line of every file is one JSON object; none is the partner's forgery; the log was rolled over
        List<Path> files = logFiles(data);
        assertTrue(files.size() >= 2 && files.size() <= 4, "rolled over and kept at most 3 old files: " + files);
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                assertTrue(!line.startsWith("09:00:00.000"), "a forged line in " + f);
                new JsonObject(line);
            }
        }
    }

    private static JsonObject awaitLine(Path data, Predicate<JsonObject> wanted) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            for (Path f : logFiles(data)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.startsWith("{")) {
                        JsonObject o = new JsonObject(line);
                        if (wanted.test(o)) {
                            return o;
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such line in " + logFiles(data));
    }

    private static List<Path> logFiles(Path data) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(data.resolve("logs"))) {
            s.filter(p -> p.getFileName().toString().startsWith("adapter.log")).sorted().forEach(files::add);
        }
        return files;
    }
}
