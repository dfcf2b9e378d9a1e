package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.ProjectCopy;
import org.wcoecom.adapter.xml.SchemaCatalog;

/**
 * One broken format folder is reported, with the file and the reason, and left out; the other
 * formats work. Formats compile when first used: validating one message compiles one schema.
 */
class FormatRegistryTest {

    @TempDir
    Path home;

    private void broken(String id, String yaml) {
        ProjectCopy.write(home.resolve("mappings").resolve(id).resolve("format.yaml"), yaml);
    }

    private static String problem(FormatRegistry registry, String id) {
        return registry.problems().stream().filter(p -> p.format().equals(id)).map(FormatRegistry.Problem::describe)
                .findFirst().orElse("(no problem reported for " + id + ")");
    }

    @Test
    void broken_folders_are_left_out_with_their_reason_and_the_others_work() throws Exception {
        ProjectCopy.into(home);
        broken("bad-yaml", "id: bad-yaml\nroot: [unclosed\n");
        broken("typo", """
                id: typo
                kind: order
                root: "{urn:test}Typo"
                schema: canonical/canonical.xsd
                reciptFormat: ceb312
                """);
        broken("outside", """
                id: outside
                kind: order
                root: "{urn:test}Outside"
                schema: /etc/partner/schema.xsd
                """);
        broken("uncatalogued", """
                id: uncatalogued
                kind: order
                root: "{urn:test}Uncatalogued"
                schema: urn:partner:acme:schema
                """);
        broken("twin", """
                id: twin
                kind: order
                root: "{http://www.chinaport.gov.cn/ceb}CEB311Message"
                schema: ceb/ceb-import.xsd
                """);
        broken("no-receipts", """
                id: no-receipts
                kind: order
                root: "{urn:test}NoReceipts"
                schema: ceb/ceb-import.xsd
                receiptFormat: ceb999
                """);
        broken("bad-xsl", """
                id: bad-xsl
                kind: order
                root: "{urn:test}BadXsl"
                schema: ceb/ceb-import.xsd
                toCanonical: to-canonical.xsl
                """);
        ProjectCopy.write(home.resolve("mappings/bad-xsl/to-canonical.xsl"), """
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:template match="/">
                    <xsl:value-of select="count(("/>
                  </xsl:template>
                </xsl:stylesheet>
                """);

        FormatRegistry registry = FormatRegistry.load(home, SchemaCatalog.load(List.of(home.resolve("xsd/catalog.xml"))));
        assertTrue(problem(registry, "bad-yaml").contains("format.yaml: is not valid YAML"), problem(registry, "bad-yaml"));
        assertTrue(problem(registry, "typo").contains("unknown key 'reciptFormat'"), problem(registry, "typo"));
        assertTrue(problem(registry, "outside").contains("is outside xsd/: name a schema kept elsewhere through the schema catalog"),
                problem(registry, "outside"));
        assertTrue(problem(registry, "uncatalogued").contains("schema 'urn:partner:acme:schema' is not in the schema catalog"),
                problem(registry, "uncatalogued"));
        assertTrue(problem(registry, "twin").contains("root element {http://www.chinaport.gov.cn/ceb}CEB311Message is already format ceb311's"),
                problem(registry, "twin"));
        assertTrue(problem(registry, "no-receipts").contains("answers in receipt format ceb999, which is not registered"),
                problem(registry, "no-receipts"));
        // a stylesheet is compiled when first needed: at load it is still there
        assertTrue(registry.byId("bad-xsl").isPresent());
        FormatRegistry compiled = registry.compileAll();
        assertTrue(compiled.byId("bad-xsl").isEmpty());
        assertTrue(problem(compiled, "bad-xsl").matches("(?s).*stylesheet .*to-canonical.xsl does not compile: .*line 3.*"), problem(compiled, "bad-xsl"));
        assertTrue(compiled.byId("ceb311").isPresent() && compiled.byId("camt054").isPresent());

        // the command line goes on with the others, and says what it left out
        Cli validate = Cli.run("validate", "mappings/ceb311/examples/order-single.xml", "--home", home.toString());
        assertEquals(0, validate.exit, validate.toString());
        assertTrue(validate.err.contains("warning: format typo left out: "), validate.err);
    }

    @Test
    void every_format_folder_of_the_project_loads_and_compiles() {
        FormatRegistry all = FormatRegistry.load(Project.root()).compileAll();
        assertEquals(List.of(), all.problems().stream().map(FormatRegistry.Problem::describe).toList());
        assertTrue(all.byId("ceb303").isPresent() && all.byId("ceb603").isPresent() && all.byId("ceb816").isPresent());
    }

    @Test
    void validating_one_message_compiles_one_format() {
        FormatRegistry registry = FormatRegistry.load(Project.root());
        ReadResult read = new MessageReader(registry, 10).read(Project.bytes(Project.examples("ceb411").resolve("payment-single.xml")));
        assertTrue(read.valid());
        assertEquals(List.of("schema"), registry.byId("ceb411").orElseThrow().compiledParts());
        for (Format other : registry.all()) {
            if (!other.id().equals("ceb411")) {
                assertTrue(other.compiledParts().isEmpty(), other.id() + " was compiled: " + other.compiledParts());
            }
        }
    }

    @Test
    void a_catalog_names_a_schema_kept_outside_the_project(@TempDir Path elsewhere) throws Exception {
        ProjectCopy.into(home);
        Path schema = ProjectCopy.carrierSchema(elsewhere);
        ProjectCopy.write(home.resolve("xsd/partners.xml"), """
                <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
                  <uri name="urn:acme:status:2" uri="%s"/>
                </catalog>
                """.formatted(schema.toUri()));
        broken("acme", """
                id: acme
                kind: status
                root: "{urn:acme-express:tracking:2}StatusNotice"
                schema: urn:acme:status:2
                """);
        Path notice = elsewhere.resolve("notice.xml");
        ProjectCopy.write(notice, ProjectCopy.carrierNotice("3120968001", "HGKY1", "DLV", "2026-11-23T10:15:00", 1));
        Path config = elsewhere.resolve("adapter.properties");
        ProjectCopy.write(config, "adapter.schemas.catalog = xsd/partners.xml\n");
        Cli ok = Cli.run("validate", notice.toString(), "--home", home.toString(), "--config", config.toString());
        assertEquals(0, ok.exit, ok.toString());
        assertTrue(ok.out.contains("OK " + notice + " acme"), ok.out);

        Files.delete(schema);
        Cli missing = Cli.run("formats", "--home", home.toString(), "--config", config.toString());
        assertEquals(0, missing.exit, missing.toString());
        assertTrue(missing.err.contains("warning: format acme left out: ") && missing.err.contains("schema 'urn:acme:status:2' maps to "
                + schema + " in the schema catalog " + home.resolve("xsd/partners.xml") + ", which does not exist"), missing.err);
        assertFalse(missing.out.contains("acme"), missing.out);
    }
}
