package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.store.Catalogue;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;

/**
 * The commands that need the database work while the packaged adapter runs in another process: the
 * embedded database (SQLite, write-ahead log) has no network server, and both processes open its file.
 */
class OperatorCommandsIT {

    @Test
    void audit_and_catalogue_import_reach_the_running_adapter(@TempDir Path data) throws Exception {
        int http = PackagedAdapter.freePort();
        int broker = PackagedAdapter.freePort();
        try (PackagedAdapter adapter = PackagedAdapter.start(List.of("run", "--data", data.toString(), "--http-port",
                String.valueOf(http), "--broker-port", String.valueOf(broker)))) {
            assertTrue(adapter.awaitLine("wco-ecom-adapter is running", Duration.ofSeconds(120)), adapter.output());
            String orderNo = Messages.orderNo("OPS-AUDIT");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                            + "/api/v1/messages")).header("X-Api-Key", PackagedAdapter.secret(data, "demo-platform.api-key"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Messages.utf8(Messages.single(orderNo)))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), r.body());

            List<String> where = List.of("--data", data.toString(), "--broker-port", String.valueOf(broker));
            Result audit = run(List.of("audit", "demo-platform:" + orderNo), where);
            assertEquals(0, audit.exit, audit.output);
            assertTrue(audit.output.contains("RECEIVED") && audit.output.contains("ACCEPTED"), audit.output);

            Path csv = data.resolve("items.csv");
            Files.writeString(csv, Catalogue.HEADER + "\nSKU-OPS-1,0409000000,天然蜂蜜,035,0.25,,,,0.25\n");
            Result imported = run(List.of("catalogue", "import", csv.toString()), where);
            assertEquals(0, imported.exit, imported.output);
            assertTrue(imported.output.contains("imported 1 items"), imported.output);
            adapter.terminate(Duration.ofSeconds(60));
        }
    }

    private static Result run(List<String> args, List<String> where) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PackagedAdapter.java(), "-jar", PackagedAdapter.JAR.toString()));
        command.addAll(args);
        command.addAll(where);
        Process p = new ProcessBuilder(command).directory(Project.root().toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
