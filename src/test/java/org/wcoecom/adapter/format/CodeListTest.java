package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Resources;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Code lists are data (mappings/codelists/*.csv): customs codes become ISO 4217, ISO 3166 and UN/ECE
 * codes and back, and a code missing from its table is refused, naming the code, the table and
 * where it was found.
 */
class CodeListTest {

    private final Translations engine = new Translations();

    @ParameterizedTest(name = "{0}: column 1 and column 2 each unique")
    @CsvSource({"currency.csv", "country.csv"})
    void currency_and_country_tables_map_one_to_one(String table) throws Exception {
        List<String> rows = Files.readAllLines(Project.root().resolve("mappings/codelists").resolve(table));
        Set<String> customs = new HashSet<>();
        Set<String> international = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(4, f.length, table + ": " + row);
            assertTrue(customs.add(f[0]), table + ": customs code twice: " + f[0]);
            assertTrue(international.add(f[1]), table + ": international code twice: " + f[1]);
        }
    }

    @Test
    void unit_table_has_each_customs_code_once_and_well_formed_unece_codes() throws Exception {
        List<String> rows = Files.readAllLines(Project.root().resolve("mappings/codelists/unit.csv"));
        Set<String> customs = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(4, f.length, row);
            assertTrue(f[0].matches("\\d{3}"), row);
            assertTrue(f[1].matches("[A-Z0-9]{2,3}"), row);
            assertTrue(customs.add(f[0]), "customs unit twice: " + f[0]);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // the codes of the specification's examples and the official samples
            "currency, 142, CNY", "country, 116, JP", "unit, 007, H87",
            "country, 142, CN", "country, 502, US", "unit, 035, KGM", "unit, 122, XCX", "unit, 142, XBO"})
    void spec_codes_translate(String list, String customs, String international) throws Exception {
        String message = Project.read(Project.examples("ceb311").resolve("order-minimal.xml"));
        String changed = switch (list) {
            case "currency" -> message; // 142 is the only currency an import message may carry
            case "country" -> message.replace("<ceb:country>305</ceb:country>", "<ceb:country>" + customs + "</ceb:country>");
            default -> message.replace("<ceb:unit>012</ceb:unit>", "<ceb:unit>" + customs + "</ceb:unit>");
        };
        byte[] canonical = engine.toCanonical(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0).xml();
        var doc = Xml.parse(canonical);
        String actual = switch (list) {
            case "currency" -> Xml.value(doc, "/c:Order/c:GoodsValue/@currency");
            case "country" -> Xml.value(doc, "/c:Order/c:Line[1]/c:OriginCountry");
            default -> Xml.value(doc, "/c:Order/c:Line[1]/c:Quantity/@unitCode");
        };
        assertEquals(international, actual);
    }

    @Test
    void an_unknown_customs_code_is_refused_with_its_place() {
        TranslationException e = assertThrows(TranslationException.class,
                () -> engine.toCanonical(Resources.bytes("messages/ceb311-unknown-country.xml")));
        XmlError error = e.errors().get(0);
        assertEquals("CODE_UNKNOWN", error.code());
        assertEquals("ceb311", e.document());
        assertEquals("/CEB311Message/Order[1]/OrderList[2]/country[1]", error.path());
        assertEquals(64, error.line());
        assertTrue(error.column() > 0);
        assertTrue(error.message().contains("\"999\"") && error.message().contains("country.csv"), error.message());
    }

    @Test
    void an_unknown_iso_code_is_refused_on_the_way_back() throws Exception {
        String canonical = Project.read(Project.examples("ceb311").resolve("order-minimal.canonical.xml"))
                .replace("<c:OriginCountry>FR</c:OriginCountry>", "<c:OriginCountry>ZZ</c:OriginCountry>");
        TranslationException e = assertThrows(TranslationException.class,
                () -> engine.fromCanonical("ceb311", canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("CODE_UNKNOWN", e.errors().get(0).code());
        assertEquals("canonical", e.document());
        assertEquals("/Order/Line[1]/OriginCountry[1]", e.errors().get(0).path());
        assertTrue(e.errors().get(0).message().contains("\"ZZ\""));
    }

    @Test
    void every_example_uses_only_known_codes() throws Exception {
        for (Path example : Project.partnerExamples("ceb311")) {
            assertTrue(!engine.toCanonical(Project.bytes(example)).isEmpty(), example.toString());
        }
    }
}
