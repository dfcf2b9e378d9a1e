package org.wcoecom.adapter.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Resources;
import org.wcoecom.adapter.support.Xml;

/**
 * Reading a partner message identifies its format from the root element and validates it in the
 * same pass, reporting each error with line, column and element path.
 */
class MessageReaderTest {

    private final MessageReader reader = new MessageReader(Project.formats(), 100);

    @Test
    void schema_errors_carry_line_column_and_element_path() {
        ReadResult r = reader.read(Resources.bytes("messages/ceb311-schema-violations.xml"));
        assertEquals("ceb311", r.format().orElseThrow().id());
        List<String> where = r.errors().stream().map(e -> e.line() + " " + e.path()).distinct().toList();
        assertEquals(List.of(
                "11 /CEB311Message/Order[1]/OrderHead[1]/orderNo[1]",
                "52 /CEB311Message/Order[1]/OrderList[2]/unit[1]",
                "72 /CEB311Message/Order[2]/OrderHead[1]/goodsValue[1]",
                "130 /CEB311Message/Order[3]/OrderHead[1]/buyerIdType[1]"), where);
        XmlError tooLong = r.errors().get(0);
        assertEquals(XmlError.SCHEMA_INVALID, tooLong.code());
        assertTrue(tooLong.column() > 0);
        assertTrue(tooLong.message().contains("maxLength"), tooLong.message());
        assertTrue(r.errors().stream().anyMatch(e -> e.message().contains("buyerTelephone")), "the missing element is named");
    }

    @Test
    void a_byte_order_mark_is_accepted() {
        byte[] plain = Project.bytes(Project.examples("ceb311").resolve("order-minimal.xml"));
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        assertTrue(reader.read(withBom).valid());
    }

    @Test
    void the_declared_encoding_is_honoured() {
        String text = Project.read(Project.examples("ceb311").resolve("order-minimal.xml"))
                .replace("encoding=\"UTF-8\"", "encoding=\"GBK\"");
        ReadResult r = reader.read(text.getBytes(Charset.forName("GBK")));
        assertTrue(r.valid(), () -> r.allErrors().toString());
        assertEquals("陈晓", Xml.value(r.document().orElseThrow(), "//ceb:buyerName"));
    }

    @Test
    void prefixes_do_not_matter_only_namespaces() {
        String text = Project.read(Project.examples("ceb311").resolve("order-minimal.xml"))
                .replace("ceb:", "").replace("xmlns:ceb=", "xmlns=");
        assertTrue(reader.read(text.getBytes(StandardCharsets.UTF_8)).valid());
    }

    @Test
    void an_unknown_root_names_what_was_seen_and_what_is_known() {
        ReadResult r = reader.read(Resources.bytes("messages/ceb311-wrong-namespace.xml"));
        XmlError fatal = r.fatal().orElseThrow();
        assertEquals(XmlError.UNKNOWN_FORMAT, fatal.code());
        assertTrue(r.format().isEmpty());
        assertTrue(fatal.message().contains("{http://www.chinaport.gov.cn/ceb/2018}CEB311Message"), fatal.message());
        assertTrue(fatal.message().contains("{http://www.chinaport.gov.cn/ceb} CEB")
                && fatal.message().contains("CEB303Message (ceb303)") && fatal.message().contains("CEB311Message (ceb311)"), fatal.message());
    }

    @Test
    void malformed_xml_is_reported_where_it_breaks() {
        String text = Project.read(Project.examples("ceb311").resolve("order-minimal.xml"))
                .replace("<ceb:buyerName>陈晓</ceb:buyerName>", "<ceb:buyerName>陈晓</ceb:buyerNam>");
        ReadResult r = reader.read(text.getBytes(StandardCharsets.UTF_8));
        XmlError fatal = r.fatal().orElseThrow();
        assertEquals(XmlError.MALFORMED, fatal.code());
        assertEquals("ceb311", r.format().orElseThrow().id(), "the root was seen before the break");
        assertEquals(23, fatal.line());
        assertEquals("/CEB311Message/Order[1]/OrderHead[1]/buyerName[1]", fatal.path());
    }

    @Test
    void an_empty_message_is_said_to_be_empty() {
        assertEquals(XmlError.EMPTY, reader.read(new byte[0]).fatal().orElseThrow().code());
    }
}
