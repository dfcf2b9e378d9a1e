package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.ProjectCopy;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * A broken format folder does not stop the adapter: it is left out and the other formats are
 * received as before; only adapter.formats.require-all=true makes the adapter refuse to start.
 */
class BrokenFormatStartTest {

    @TempDir
    Path home;

    @TempDir
    Path data;

    private void brokenFolder() {
        ProjectCopy.into(home);
        ProjectCopy.write(home.resolve("mappings/half-done/format.yaml"), """
                id: half-done
                kind: order
                root: "{urn:test}HalfDone"
                schema: partners/half-done.xsd
                toCanonical: to-canonical.xsl
                """);
    }

    @Test
    void the_adapter_starts_without_the_broken_format_and_receives_the_others() throws Exception {
        brokenFolder();
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.home", home.toString()))) {
            assertTrue(adapter.runtime().formats().byId("half-done").isEmpty());
            assertTrue(adapter.runtime().formats().problems().stream().anyMatch(p -> p.format().equals("half-done")
                    && p.reason().contains("half-done.xsd does not exist")), adapter.runtime().formats().problems().toString());
            var r = adapter.post(Messages.utf8(Messages.single(Messages.orderNo("BROKEN"))), "demo-platform");
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    @Test
    void require_all_refuses_to_start() {
        brokenFolder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TestAdapter(data,
                Map.of("adapter.home", home.toString(), "adapter.formats.require-all", "true")));
        assertTrue(e.getMessage().contains("adapter.formats.require-all is true") && e.getMessage().contains("format half-done left out"),
                e.getMessage());
    }
}
