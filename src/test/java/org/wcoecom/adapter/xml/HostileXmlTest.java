package org.wcoecom.adapter.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.support.Project;

/**
 * XML from outside cannot read files, fetch URLs or exhaust memory: no DOCTYPE is accepted at all,
 * nesting is bounded, and broken encodings are refused cleanly.
 */
class HostileXmlTest {

    private final MessageReader reader = new MessageReader(Project.formats(), 100);

    @Test
    void an_external_entity_reading_a_local_file_is_refused_and_the_file_never_read(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7c1f");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ceb:CEB311Message [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\">&xxe;</ceb:CEB311Message>";
        ReadResult r = reader.read(xml.getBytes(StandardCharsets.UTF_8));
        XmlError fatal = r.fatal().orElseThrow();
        assertEquals(XmlError.FORBIDDEN, fatal.code());
        assertFalse(fatal.message().contains("TOP-SECRET"));
        assertTrue(r.document().isEmpty());
    }

    @Test
    void an_external_parameter_entity_is_refused() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %p;]>\n<r/>";
        assertEquals(XmlError.FORBIDDEN, reader.read(xml.getBytes(StandardCharsets.UTF_8)).fatal().orElseThrow().code());
    }

    @Test
    void entity_expansion_is_refused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd + "<lolz>&lol9;</lolz>";
        assertEquals(XmlError.FORBIDDEN, reader.read(xml.getBytes(StandardCharsets.UTF_8)).fatal().orElseThrow().code());
    }

    @Test
    void deep_nesting_is_refused() {
        String xml = "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\">"
                + "<a>".repeat(5000) + "</a>".repeat(5000) + "</ceb:CEB311Message>";
        ReadResult r = reader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(XmlError.FORBIDDEN, r.fatal().orElseThrow().code(), r.fatal().toString());
    }

    @Test
    void invalid_utf8_is_refused_as_malformed() {
        byte[] start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\"><ceb:Order>".getBytes(StandardCharsets.UTF_8);
        byte[] xml = new byte[start.length + 2];
        System.arraycopy(start, 0, xml, 0, start.length);
        xml[start.length] = (byte) 0xC3;
        xml[start.length + 1] = (byte) 0x28;
        assertEquals(XmlError.MALFORMED, reader.read(xml).fatal().orElseThrow().code());
    }

    @Test
    void a_non_xml_body_is_refused_as_malformed() {
        ReadResult r = reader.read("{\"orderNo\": \"1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(XmlError.MALFORMED, r.fatal().orElseThrow().code());
        assertEquals(1, r.fatal().orElseThrow().line());
    }
}
