package org.wcoecom.adapter.tooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.ProjectCopy;

/**
 * {@code format new} and {@code format check} on a copy of the project, for one new format (a
 * carrier's own status notice): the skeleton passes its check at once, and the check names what a
 * change broke: a golden file's differences, a record id that is not records.key, what the kind
 * needs downstream, a negative example answered otherwise. Nothing else is compiled.
 */
class FormatToolingTest {

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    private Cli formatNew(String... extra) {
        String[] args = Stream.concat(Stream.of("format", "new", "acme-status", "--kind", "status", "--root", ProjectCopy.CARRIER_ROOT,
                "--home", home.toString()), Stream.of(extra)).toArray(String[]::new);
        return Cli.run(args);
    }

    private Cli check(String... extra) {
        return Cli.run(Stream.concat(Stream.of("format", "check", "acme-status", "--home", home.toString()), Stream.of(extra))
                .toArray(String[]::new));
    }

    @Test
    void a_new_format_passes_its_check_at_once_and_its_schema_stays_outside_the_project() throws Exception {
        ProjectCopy.into(home);
        Path schema = ProjectCopy.carrierSchema(elsewhere);
        Cli created = formatNew("--schema", schema.toString());
        assertEquals(0, created.exit, created.toString());
        Path folder = home.resolve("mappings/acme-status");
        for (String f : new String[] {"format.yaml", "to-canonical.xsl", "from-canonical.xsl", "examples/acme-status-example.xml",
                "examples/acme-status-example.canonical.xml", "examples/invalid/missing-Carrier.xml", "examples/invalid/missing-Carrier.expected"}) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f + "\n" + created);
        }
        assertTrue(created.out.contains("formats: [acme-status]"), "the partners-file line to add\n" + created);
        // named through the catalog, not copied
        String yaml = ProjectCopy.read(folder.resolve("format.yaml"));
        assertTrue(yaml.contains("schema: urn:wco-ecom-adapter:schema:acme-status:acme-status.xsd"), yaml);
        // the entry is relative to the catalog file, and leads to the schema
        assertTrue(ProjectCopy.read(home.resolve("xsd/catalog.xml")).contains("uri=\"../"), ProjectCopy.read(home.resolve("xsd/catalog.xml")));
        assertEquals(schema.toUri(), org.wcoecom.adapter.xml.SchemaCatalog.load(java.util.List.of(home.resolve("xsd/catalog.xml")))
                .lookup("urn:wco-ecom-adapter:schema:acme-status:acme-status.xsd").orElseThrow());
        try (Stream<Path> files = Files.walk(home)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().equals("acme-status.xsd")), "the schema was copied into the project");
        }
        assertTrue(ProjectCopy.read(folder.resolve("to-canonical.xsl")).contains("adapter:record-key(.)"));

        Cli checked = check();
        assertEquals(0, checked.exit, checked.toString());
        assertTrue(checked.out.contains("ok      examples/acme-status-example.xml -> canonical"), checked.out);
        assertTrue(checked.out.contains("ok      examples/acme-status-example.xml can be forwarded as ceb513"), checked.out);
        assertTrue(checked.out.contains("ok      examples/invalid/missing-Carrier.xml is refused with SCHEMA_INVALID"), checked.out);
        assertTrue(checked.out.contains("warning placeholders left"), checked.out);
        assertTrue(checked.out.contains("acme-status: 7 passed, 0 failed"), checked.out);
    }

    @Test
    void check_names_what_a_change_broke_and_update_takes_a_reviewed_change() {
        ProjectCopy.into(home);
        assertEquals(0, formatNew("--schema", ProjectCopy.carrierSchema(elsewhere).toString()).exit);
        Path xsl = home.resolve("mappings/acme-status/to-canonical.xsl");

        // a mapping: the golden file differs, and says where
        ProjectCopy.edit(xsl, "TODO-waybill-number", "<xsl:value-of select=\"*:TrackingNo\"/>");
        Cli changed = check();
        assertEquals(1, changed.exit, changed.toString());
        assertTrue(changed.out.contains("FAILED  examples/acme-status-example.xml -> canonical"), changed.out);
        assertTrue(changed.out.contains("/StatusEvent[1]/TransportDocument[1]/text()[1]: expected 'TODO-waybill-number', got 'TrackingNo'"),
                changed.out);
        Cli updated = check("--update");
        assertEquals(0, updated.exit, updated.toString());
        assertTrue(updated.out.contains("updated examples/acme-status-example.xml -> canonical"), updated.out);
        assertEquals(0, check().exit);

        // a record id made otherwise than records.key says
        ProjectCopy.edit(xsl, "adapter:record-key(.)", "*:TrackingNo");
        Cli keys = check("--update");
        assertEquals(1, keys.exit, keys.toString());
        assertTrue(keys.out.contains("FAILED  examples/acme-status-example.xml record ids = <partner>:records.key"), keys.out);
        assertTrue(keys.out.contains("/StatusNotice: records.key gives '0000000000', the stylesheet wrote record id 'format-check:TrackingNo'"),
                keys.out);
        ProjectCopy.edit(xsl, "*:TrackingNo\"/></c:RecordId>", "adapter:record-key(.)\"/></c:RecordId>");

        // what the kind needs downstream: a status without its carrier cannot be written as CEB513
        String text = ProjectCopy.read(xsl);
        int from = text.indexOf("<c:Party role=\"LOGISTICS_OPERATOR\">");
        int to = text.indexOf("</c:Party>", from) + "</c:Party>".length();
        text = text.substring(0, from) + text.substring(to);
        // and without the sender that transmits it (none configured either)
        ProjectCopy.write(xsl, text.substring(0, text.indexOf("<c:Transmission>"))
                + text.substring(text.indexOf("</c:Transmission>") + "</c:Transmission>".length()));
        Cli needs = check("--update");
        assertEquals(1, needs.exit, needs.toString());
        assertTrue(needs.out.contains("needs a LOGISTICS_OPERATOR with a CN-CUSTOMS identifier: CEB513 logisticsCode"), needs.out);
        assertTrue(needs.out.contains("FAILED  examples/acme-status-example.xml can be forwarded as ceb513"), needs.out);
        assertTrue(needs.out.contains("needs CEB513 BaseTransfer/copCode: the sender that transmits the status to customs"
                + " [c:Header/c:Source/c:Transmission/c:Sender/c:Code] (or set adapter.egress.ceb.cop-code)"), needs.out);

        // a negative example answered otherwise than expected
        ProjectCopy.edit(home.resolve("mappings/acme-status/examples/invalid/missing-Carrier.expected"), "cvc-complex-type", "cvc-type");
        Cli negative = check();
        assertTrue(negative.out.contains("FAILED  examples/invalid/missing-Carrier.xml is refused"), negative.out);
        assertTrue(negative.out.contains("SCHEMA_INVALID 0:0 ") || negative.out.matches("(?s).*SCHEMA_INVALID \\d+:\\d+ /StatusNotice.*"),
                negative.out);
    }

    @Test
    void a_schema_under_xsd_is_named_by_its_path_and_bad_requests_write_nothing() throws Exception {
        ProjectCopy.into(home);
        Path schema = home.resolve("xsd/partners/acme-status.xsd");
        Files.createDirectories(schema.getParent());
        Files.copy(ProjectCopy.carrierSchema(elsewhere), schema);
        String catalogBefore = Files.exists(home.resolve("xsd/catalog.xml")) ? ProjectCopy.read(home.resolve("xsd/catalog.xml")) : "";

        Cli unknownRoot = Cli.run("format", "new", "acme-status", "--kind", "status", "--root", "{urn:acme-express:tracking:2}Nothing",
                "--schema", schema.toString(), "--home", home.toString());
        assertEquals(2, unknownRoot.exit, unknownRoot.toString());
        assertTrue(unknownRoot.err.contains("declares no global element {urn:acme-express:tracking:2}Nothing"), unknownRoot.err);
        Cli badKind = Cli.run("format", "new", "acme-status", "--kind", "parcel", "--root", ProjectCopy.CARRIER_ROOT,
                "--schema", schema.toString(), "--home", home.toString());
        assertEquals(2, badKind.exit, badKind.toString());
        assertTrue(badKind.err.contains("--kind parcel: a skeleton exists for ") && badKind.err.contains(" order, payment, status, waybill"),
                badKind.err);
        assertFalse(Files.exists(home.resolve("mappings/acme-status")));

        Path example = elsewhere.resolve("notice.xml");
        ProjectCopy.write(example, ProjectCopy.carrierNotice("3120968001", "HGKY2026112300000777", "DLV", "2026-11-23T10:15:00+08:00", 2));
        Cli created = formatNew("--schema", schema.toString(), "--example", example.toString());
        assertEquals(0, created.exit, created.toString());
        assertTrue(ProjectCopy.read(home.resolve("mappings/acme-status/format.yaml")).contains("schema: partners/acme-status.xsd"));
        assertEquals(catalogBefore, Files.exists(home.resolve("xsd/catalog.xml")) ? ProjectCopy.read(home.resolve("xsd/catalog.xml")) : "");
        assertTrue(ProjectCopy.read(home.resolve("mappings/acme-status/examples/acme-status-example.xml")).contains("HGKY2026112300000777"));
        Cli again = formatNew("--schema", schema.toString());
        assertEquals(2, again.exit, again.toString());
        assertTrue(again.err.contains("exists already"), again.err);
    }
}
