package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;

/**
 * The packaged jar, run the way the README says, from the project root: its commands work (so
 * Camel's service files survived the packaging), {@code run --demo} shows receipts for every
 * channel, and SIGTERM stops it cleanly.
 */
class RunnableJarIT {

    @Test
    void commands_run_from_the_jar() throws Exception {
        Result formats = run(List.of("formats"), 60);
        assertEquals(0, formats.exit, formats.output);
        assertTrue(formats.output.contains("ceb311"), formats.output);
        Result validate = run(List.of("validate", "mappings/ceb311/examples/order-single.xml", "missing.xml"), 60);
        assertEquals(2, validate.exit, validate.output);
        assertTrue(validate.output.contains("OK mappings/ceb311/examples/order-single.xml ceb311"), validate.output);
    }

    @Test
    void run_demo_answers_on_every_channel_and_stops_on_sigterm(@TempDir Path data) throws Exception {
        try (PackagedAdapter adapter = PackagedAdapter.start(List.of("run", "--demo", "--data", data.toString(),
                "--http-port", String.valueOf(PackagedAdapter.freePort()),
                "--broker-port", String.valueOf(PackagedAdapter.freePort())))) {
            adapter.awaitLine("=== demo done", Duration.ofSeconds(120));
            String shown = adapter.output();
            assertTrue(shown.contains("=== demo done"), shown);
            assertTrue(shown.contains("HTTP 200, receipt:"), "HTTP receipt\n" + shown);
            assertTrue(shown.contains("receipt on partner.demo-payment.receipts:"), "JMS receipt\n" + shown);
            assertTrue(shown.contains("declaration demo-platform:YX20261120143005001/declaration on customs.ceb.out:"),
                    "the declaration of the cross-checked order\n" + shown);
            assertTrue(shown.contains("receipt in " + data.resolve("outbox")), "file receipt\n" + shown);
            assertTrue(shown.contains("HTTP 400, receipt:"), "a rejection\n" + shown);
            assertTrue(shown.contains("customs.ceb.out  record demo-platform:"), "forwarded messages\n" + shown);

            assertTrue(adapter.terminate(Duration.ofSeconds(60)), "the adapter did not stop within 60 s of SIGTERM");
            assertTrue(adapter.lines().contains("wco-ecom-adapter stopped."), adapter.output());
        }
    }

    private static Result run(List<String> args, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PackagedAdapter.java(), "-jar", PackagedAdapter.JAR.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(Project.root().toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
