package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Resources;

/**
 * {@code validate FILE...}: one line per file with the path exactly as given, every error as
 * {@code line:col <element path> <message>}, exit 0 / 1 / 2.
 */
class ValidateCommandTest {

    @Test
    void valid_files_print_ok_with_their_format_and_exit_0() {
        Cli r = Cli.run("validate", "mappings/ceb311/examples/order-single.xml", "./mappings/ceb312/examples/written/receipt-accepted.xml",
                "mappings/ceb311/examples/order-multi.canonical.xml");
        assertEquals(0, r.exit, r.toString());
        assertEquals("OK mappings/ceb311/examples/order-single.xml ceb311", r.lines()[0]);
        assertEquals("OK ./mappings/ceb312/examples/written/receipt-accepted.xml ceb312", r.lines()[1]);
        assertEquals("OK mappings/ceb311/examples/order-multi.canonical.xml canonical", r.lines()[2]);
    }

    @Test
    void an_invalid_file_prints_every_error_and_exits_1(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.xml");
        Files.write(file, Resources.bytes("messages/ceb311-schema-violations.xml"));
        Cli r = Cli.run("validate", file.toString(), "mappings/ceb311/examples/order-single.xml");
        assertEquals(1, r.exit, r.toString());
        String[] lines = r.lines();
        assertEquals("INVALID " + file, lines[0]);
        int errors = 0;
        for (int i = 1; i < lines.length && !lines[i].startsWith("OK "); i++) {
            assertTrue(lines[i].matches("\\d+:\\d+ /CEB311Message/\\S+ .+"), lines[i]);
            errors++;
        }
        assertEquals(7, errors, r.toString());
        assertTrue(r.out.contains("11:"), "the orderNo line is named");
        assertEquals("OK mappings/ceb311/examples/order-single.xml ceb311", lines[lines.length - 1]);
    }

    @Test
    void an_unreadable_file_or_unknown_format_exits_2_and_says_why(@TempDir Path dir) throws Exception {
        Path unknown = dir.resolve("unknown.xml");
        Files.writeString(unknown, "<invoice xmlns=\"urn:example\"/>");
        Cli r = Cli.run("validate", "no/such/file.xml", unknown.toString(), "mappings/ceb311/examples/order-single.xml");
        assertEquals(2, r.exit, r.toString());
        assertEquals("ERROR no/such/file.xml cannot be read: no such file", r.lines()[0]);
        assertTrue(r.lines()[1].startsWith("ERROR " + unknown + " "), r.lines()[1]);
        assertTrue(r.lines()[1].contains("{urn:example}invoice"), "names the root element seen");
        assertTrue(r.lines()[1].contains("{http://www.chinaport.gov.cn/ceb} CEB")
                && r.lines()[1].contains("CEB303Message (ceb303)") && r.lines()[1].contains("CEB311Message (ceb311)"), "names the formats known: " + r.lines()[1]);
        assertEquals("OK mappings/ceb311/examples/order-single.xml ceb311", r.lines()[2]);
    }

    @Test
    void invalid_and_unknown_together_exit_2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.write(bad, Resources.bytes("messages/ceb311-schema-violations.xml"));
        assertEquals(2, Cli.run("validate", bad.toString(), "missing.xml").exit);
    }
}
