package org.wcoecom.adapter.tooling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.namespace.QName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.SchemaCatalog;

/**
 * The first example of a new format is made from its schema: on published schemas of the kind
 * partners hand over (China customs CEB, ISO 20022, WCO DM, read from ../shared/reference and
 * skipped without it), the sample is valid against the schema itself.
 */
class SampleInstanceTest {

    static Stream<Arguments> publishedSchemas() {
        Path ref = Project.reference();
        String ceb = "http://www.chinaport.gov.cn/ceb";
        Path cebImport = ref.resolve("ceb/xsd-202205/ceb-import-202205.xsd");
        return Stream.of(
                Arguments.of(cebImport, new QName(ceb, "CEB311Message")),
                Arguments.of(cebImport, new QName(ceb, "CEB411Message")),
                Arguments.of(cebImport, new QName(ceb, "CEB511Message")),
                Arguments.of(cebImport, new QName(ceb, "CEB513Message")),
                Arguments.of(ref.resolve("iso20022/xsd/camt.054.001.08.xsd"), new QName("urn:iso:std:iso:20022:tech:xsd:camt.054.001.08", "Document")),
                Arguments.of(ref.resolve("iso20022/xsd/pacs.008.001.09.xsd"), new QName("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09", "Document")),
                Arguments.of(ref.resolve("wco-dm/xsd/declaration/WCO_DEC_2_DMS.xsd"), new QName("urn:wco:datamodel:WCO:DEC-DMS:2", "Declaration")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("publishedSchemas")
    void a_sample_of_a_published_schema_is_valid_against_it(Path schema, QName root) {
        String sample = SampleInstance.of(schema, root, SchemaCatalog.empty());
        List<String> errors = Xml.errors(Xml.schema(schema.toFile()), sample.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), errors, sample);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"[A-Z]{6,6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3,3}){0,1}", "\\d+-[0-9]{1,3}",
            "[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}", "\\+[0-9]{1,3}-[0-9()+\\-]{1,30}", "[^0-9]{2}",
            "(CRDT|DBIT)", "[A-Z]{3,3}", "\\p{Lu}\\w*"})
    void a_pattern_sample_matches_the_pattern(String pattern) {
        String sample = RegexSample.of(pattern);
        assertTrue(sample.matches(pattern), sample + " does not match " + pattern);
    }
}
