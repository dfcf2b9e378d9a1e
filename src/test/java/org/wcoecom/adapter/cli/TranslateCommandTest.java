package org.wcoecom.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Resources;
import org.wcoecom.adapter.support.Xml;

/** {@code translate --to FORMAT [-o DIR] FILE...}: validated in, translated, validated out. */
class TranslateCommandTest {

    @Test
    void to_canonical_on_stdout_gives_the_golden_file() {
        Cli r = Cli.run("translate", "--to", "canonical", "mappings/ceb311/examples/order-multi.xml");
        assertEquals(0, r.exit, r.toString());
        Xml.assertSimilar(Project.bytes(Project.examples("ceb311").resolve("order-multi.canonical.xml")),
                r.out.getBytes(StandardCharsets.UTF_8), "translate --to canonical");
    }

    @Test
    void with_an_output_folder_each_record_gets_its_own_file(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("translate", "--to", "canonical", "-o", dir.toString(), "--partner", "acme",
                "mappings/ceb311/examples/order-multi.xml");
        assertEquals(0, r.exit, r.toString());
        List<String> names = Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(List.of("order-multi-1.canonical.xml", "order-multi-2.canonical.xml", "order-multi-3.canonical.xml"), names);
        var second = Xml.parse(Files.readAllBytes(dir.resolve("order-multi-2.canonical.xml")));
        assertEquals("acme:YX20261121091502018", Xml.value(second, "/c:Order/c:Header/c:RecordId"));
    }

    @Test
    void canonical_back_to_ceb311_gives_the_original_message() {
        Cli r = Cli.run("translate", "--to", "ceb311", "mappings/ceb311/examples/order-single.canonical.xml");
        assertEquals(0, r.exit, r.toString());
        Xml.assertSimilar(Project.bytes(Project.examples("ceb311").resolve("order-single.xml")),
                r.out.getBytes(StandardCharsets.UTF_8), "translate --to ceb311");
    }

    @Test
    void invalid_input_exits_1_with_every_error(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.write(bad, Resources.bytes("messages/ceb311-schema-violations.xml"));
        Cli r = Cli.run("translate", "--to", "canonical", bad.toString());
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.err.startsWith("INVALID " + bad), r.err);
        assertTrue(r.err.contains("/CEB311Message/Order[2]/OrderHead[1]/goodsValue[1]"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void a_refused_translation_exits_1_with_the_reason(@TempDir Path dir) throws Exception {
        Path unknown = dir.resolve("unknown-country.xml");
        Files.write(unknown, Resources.bytes("messages/ceb311-unknown-country.xml"));
        Cli r = Cli.run("translate", "--to", "canonical", unknown.toString());
        assertEquals(1, r.exit, r.toString());
        assertTrue(r.err.contains("/CEB311Message/Order[1]/OrderList[2]/country[1]"), r.err);
        assertTrue(r.err.contains("\"999\""), r.err);
    }

    @Test
    void an_unknown_target_or_unreadable_input_exits_2() {
        Cli unknownTarget = Cli.run("translate", "--to", "edifact", "mappings/ceb311/examples/order-single.xml");
        assertEquals(2, unknownTarget.exit);
        assertTrue(unknownTarget.err.contains("unknown target format 'edifact'"), unknownTarget.err);
        assertEquals(2, Cli.run("translate", "--to", "canonical", "missing.xml").exit);
    }

    @Test
    void a_signed_format_needs_the_declarants_key_or_leave_to_sign_with_a_self_signed_one() {
        Cli refused = Cli.run("translate", "--to", "ceb621", "mappings/ceb621/examples/inventory-single.canonical.xml");
        assertEquals(2, refused.exit, refused.toString());
        assertTrue(refused.err.contains("adapter.signing.keystore") && refused.err.contains("adapter.signing.allow-self-signed=true"),
                refused.toString());
        System.setProperty("adapter.signing.allow-self-signed", "true");
        try {
            Cli signed = Cli.run("translate", "--to", "ceb621", "mappings/ceb621/examples/inventory-single.canonical.xml");
            assertEquals(0, signed.exit, signed.toString());
            assertTrue(signed.out.contains("<ds:SignatureValue>"), signed.toString());
        } finally {
            System.clearProperty("adapter.signing.allow-self-signed");
        }
    }
}
