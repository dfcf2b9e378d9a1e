package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.ProjectCopy;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Mapping errors say where: a stylesheet that fails at run time names itself, its line, Saxon's
 * error code and the input node being processed (element path, line, column), not "0:0 /"; an
 * output that breaks the canonical schema names the element in the output and the stylesheet
 * instruction that wrote it.
 */
class MappingErrorsTest {

    @TempDir
    Path home;

    private static final String STYLESHEET = """
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:c="urn:wco-ecom-adapter:canonical:1"
                xmlns:t="urn:test:calc" exclude-result-prefixes="#all">
              <xsl:template match="/">
                <xsl:apply-templates select="t:Calc/t:Item"/>
              </xsl:template>
              <xsl:template match="t:Item">
                <xsl:variable name="share" select="xs:decimal(t:Amount) div xs:decimal(t:Count)"/>
                <xsl:document>
                  <c:StatusEvent>
                    <c:Header>
                      <c:RecordId>calc:<xsl:value-of select="t:Amount"/></c:RecordId>
                      <c:Function>ORIGINAL</c:Function>
                      <c:Source><c:Partner>calc</c:Partner><c:Format>calc</c:Format></c:Source>
                    </c:Header>
                    <c:TransportDocument type="HOUSE"><xsl:value-of select="$share"/></c:TransportDocument>
                    <c:Status>DELIVERED</c:Status>
                    <c:EventDateTime><xsl:value-of select="t:Status"/></c:EventDateTime>
                  </c:StatusEvent>
                </xsl:document>
              </xsl:template>
            </xsl:stylesheet>
            """;

    // the status goes where an amount belongs
    private static final String BACK = """
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:wco-ecom-adapter:canonical:1" exclude-result-prefixes="#all">
              <xsl:template match="/">
                <Calc xmlns="urn:test:calc">
                  <Item>
                    <Amount><xsl:value-of select="c:StatusEvent/c:Status"/></Amount>
                    <Count>1</Count>
                    <Status><xsl:value-of select="c:StatusEvent/c:EventDateTime"/></Status>
                  </Item>
                </Calc>
              </xsl:template>
            </xsl:stylesheet>
            """;

    private Translator translator;
    private Format calc;
    private MessageReader reader;

    @BeforeEach
    void calcFormat() {
        ProjectCopy.into(home);
        ProjectCopy.write(home.resolve("xsd/test/calc.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:calc" elementFormDefault="qualified">
                  <xs:element name="Calc"><xs:complexType><xs:sequence>
                    <xs:element name="Item" maxOccurs="unbounded"><xs:complexType><xs:sequence>
                      <xs:element name="Amount" type="xs:decimal"/>
                      <xs:element name="Count" type="xs:integer"/>
                      <xs:element name="Status" type="xs:string"/>
                    </xs:sequence></xs:complexType></xs:element>
                  </xs:sequence></xs:complexType></xs:element>
                </xs:schema>
                """);
        ProjectCopy.write(home.resolve("mappings/calc/format.yaml"), """
                id: calc
                kind: status
                root: "{urn:test:calc}Calc"
                schema: test/calc.xsd
                toCanonical: to-canonical.xsl
                fromCanonical: from-canonical.xsl
                """);
        ProjectCopy.write(home.resolve("mappings/calc/to-canonical.xsl"), STYLESHEET);
        ProjectCopy.write(home.resolve("mappings/calc/from-canonical.xsl"), BACK);
        FormatRegistry registry = FormatRegistry.load(home);
        calc = registry.byId("calc").orElseThrow();
        translator = new Translator(registry, 100);
        reader = new MessageReader(registry, 100);
    }

    private List<XmlError> errors(String items) {
        byte[] message = ("<Calc xmlns=\"urn:test:calc\">\n" + items + "</Calc>\n").getBytes(StandardCharsets.UTF_8);
        ReadResult read = reader.read(message);
        assertTrue(read.valid(), read.allErrors().toString());
        TranslationException e = assertThrows(TranslationException.class,
                () -> translator.toCanonical(calc, read.document().orElseThrow(), Map.of()));
        return e.errors();
    }

    private static int lineOf(String text) {
        List<String> lines = Arrays.asList(STYLESHEET.split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void a_run_time_error_names_the_stylesheet_line_code_and_input_node() {
        List<XmlError> errors = errors("""
                  <Item><Amount>5</Amount><Count>1</Count><Status>DELIVERED</Status></Item>
                  <Item><Amount>7</Amount><Count>0</Count><Status>DELIVERED</Status></Item>
                """);
        assertEquals(1, errors.size(), errors.toString());
        XmlError e = errors.get(0);
        assertEquals(Translator.MAPPING_FAILED, e.code());
        assertEquals("/Calc/Item[2]", e.path());
        assertEquals(3, e.line());
        assertTrue(e.column() > 0, e.toString());
        assertTrue(e.message().contains("Decimal divide by zero"), e.message());
        assertTrue(e.message().contains("FOAR0001 in mappings/calc/to-canonical.xsl line " + lineOf("div xs:decimal")), e.message());
    }

    @Test
    void an_invalid_partner_message_written_from_canonical_names_the_element_and_the_instruction_that_wrote_it()
            throws TranslationException {
        byte[] message = """
                <Calc xmlns="urn:test:calc"><Item><Amount>5</Amount><Count>1</Count><Status>2026-12-01T10:00:00Z</Status></Item></Calc>
                """.getBytes(StandardCharsets.UTF_8);
        ReadResult read = reader.read(message);
        assertTrue(read.valid(), read.allErrors().toString());
        CanonicalDocument canonical = translator.toCanonical(calc, read.document().orElseThrow(), Map.of()).get(0);
        TranslationException e = assertThrows(TranslationException.class,
                () -> translator.fromCanonical(calc, canonical.tree(), Map.of()));
        XmlError error = e.errors().stream().filter(x -> x.path().equals("/Calc/Item[1]/Amount[1]")).findFirst()
                .orElseThrow(() -> new AssertionError(e.errors().toString()));
        assertEquals(Translator.OUTPUT_INVALID, error.code());
        assertTrue(error.message().contains("DELIVERED"), error.message());
        assertTrue(error.message().endsWith("(written by mappings/calc/from-canonical.xsl line 6)"), error.message());
    }

    @Test
    void a_canonical_schema_error_names_the_output_element_and_the_instruction_that_wrote_it() {
        // the Status of the message goes where a time belongs
        List<XmlError> errors = errors("""
                  <Item><Amount>5</Amount><Count>1</Count><Status>ARRIVED</Status></Item>
                """);
        XmlError e = errors.stream().filter(x -> x.path().equals("/StatusEvent/EventDateTime[1]")).findFirst()
                .orElseThrow(() -> new AssertionError(errors.toString()));
        assertEquals(Translator.CANONICAL_INVALID, e.code());
        assertTrue(e.message().contains("ARRIVED"), e.message());
        assertTrue(e.message().endsWith("(written by mappings/calc/to-canonical.xsl line " + lineOf("<c:EventDateTime>") + ")"), e.message());
    }
}
