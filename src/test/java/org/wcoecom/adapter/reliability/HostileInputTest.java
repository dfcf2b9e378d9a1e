package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.Channels;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Hostile input on every channel (HTTP, JMS, file): external entities reading a local file or
 * reaching out over the network, entity expansion, deep nesting, invalid UTF-8, a wrong declared
 * encoding, a body that is not XML, an empty one, a huge attribute, one over the size limit. Each
 * gets a rejection receipt saying what is wrong; no file content is ever returned or forwarded, no
 * connection is ever made; and the adapter still accepts a good message afterwards.
 */
@ExtendWith(RunningAdapter.class)
class HostileInputTest {

    static final String SECRET = "TOP-SECRET-" + Long.toHexString(System.nanoTime());
    static Path secretFile;
    static ServerSocket trap;
    static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private final Translations engine = new Translations();

    @BeforeAll
    static void plant() throws IOException {
        secretFile = Files.createTempFile("adapter-secret-", ".txt");
        Files.writeString(secretFile, SECRET);
        trap = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket s = trap.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "ssrf-trap");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void clear() throws IOException {
        trap.close();
        Files.deleteIfExists(secretFile);
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String channel : List.of(Channels.HTTP, Channels.JMS, Channels.FILE)) {
            all.add(Arguments.of(channel, "external entity (file)", "forbidden XML construct", (Payload) HostileInputTest::xxeFile));
            all.add(Arguments.of(channel, "external entity (http)", "forbidden XML construct", (Payload) HostileInputTest::xxeHttp));
            all.add(Arguments.of(channel, "external parameter entity", "forbidden XML construct", (Payload) HostileInputTest::parameterEntity));
            all.add(Arguments.of(channel, "jar: entity", "forbidden XML construct", (Payload) HostileInputTest::jarEntity));
            all.add(Arguments.of(channel, "billion laughs", "forbidden XML construct", (Payload) HostileInputTest::billionLaughs));
            all.add(Arguments.of(channel, "deep nesting", "forbidden XML construct", (Payload) HostileInputTest::deepNesting));
            all.add(Arguments.of(channel, "invalid UTF-8", "not well-formed", (Payload) HostileInputTest::invalidUtf8));
            all.add(Arguments.of(channel, "wrong declared encoding", "not well-formed", (Payload) HostileInputTest::wrongEncoding));
            all.add(Arguments.of(channel, "not XML", "not well-formed", (Payload) o -> "{\"orderNo\": \"1\"}".getBytes(StandardCharsets.UTF_8)));
            all.add(Arguments.of(channel, "empty", "message is empty", (Payload) o -> new byte[0]));
            all.add(Arguments.of(channel, "huge attribute", "schema validation failed", (Payload) HostileInputTest::hugeAttribute));
            all.add(Arguments.of(channel, "over the size limit", "message too large", (Payload) HostileInputTest::oversize));
        }
        return all.stream();
    }

    interface Payload {
        byte[] make(String orderNo) throws Exception;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void is_answered_with_a_rejection_and_nothing_leaks(String channel, String what, String expected, Payload payload) throws Exception {
        String orderNo = Messages.orderNo("HOSTILE");
        String answer = Channels.answer(RunningAdapter.adapter(), channel, "demo-platform", payload.make(orderNo));
        var receipt = engine.valid(answer.getBytes(StandardCharsets.UTF_8));
        String info = String.join(" ", Xml.values(receipt, "//ceb:returnInfo/string()"));
        assertTrue(Xml.value(receipt, "//ceb:returnStatus").startsWith("-"), answer);
        assertTrue(info.contains(expected), what + " on " + channel + ": " + info);
        assertFalse(answer.contains(SECRET), "the file's content came back");
        assertTrue(answer.length() < 20_000, "the answer echoes the input: " + answer.length() + " characters");
        for (String forwarded : RunningAdapter.browseForwarded()) {
            assertFalse(forwarded.contains(SECRET) || forwarded.contains(orderNo), "forwarded: " + forwarded);
        }
        assertEquals(0, CONNECTIONS.get(), "the adapter connected to a URL named in a message");
    }

    @Test
    void the_adapter_still_accepts_a_good_message() throws Exception {
        String orderNo = Messages.orderNo("HOSTILE-OK");
        for (String channel : List.of(Channels.HTTP, Channels.JMS, Channels.FILE)) {
            String answer = Channels.answer(RunningAdapter.adapter(), channel, "demo-platform",
                    Messages.utf8(Messages.single(orderNo + channel)));
            assertEquals("2", Xml.value(engine.valid(answer.getBytes(StandardCharsets.UTF_8)), "//ceb:returnStatus"), answer);
        }
    }

    private static byte[] withDoctype(String orderNo, String doctype, String noteValue) {
        return Messages.utf8(Messages.single(orderNo)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype)
                .replace("<ceb:note>双十一活动订单</ceb:note>", "<ceb:note>" + noteValue + "</ceb:note>"));
    }

    static byte[] xxeFile(String orderNo) {
        return withDoctype(orderNo, "<!DOCTYPE ceb:CEB311Message [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>", "&xxe;");
    }

    static byte[] xxeHttp(String orderNo) {
        return withDoctype(orderNo, "<!DOCTYPE ceb:CEB311Message [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + trap.getLocalPort()
                + "/x\">]>", "&xxe;");
    }

    static byte[] parameterEntity(String orderNo) {
        return withDoctype(orderNo, "<!DOCTYPE ceb:CEB311Message [<!ENTITY % p SYSTEM \"http://127.0.0.1:" + trap.getLocalPort()
                + "/evil.dtd\"> %p;]>", "x");
    }

    static byte[] jarEntity(String orderNo) {
        return withDoctype(orderNo, "<!DOCTYPE ceb:CEB311Message [<!ENTITY xxe SYSTEM \"jar:" + secretFile.toUri() + "!/x\">]>", "&xxe;");
    }

    static byte[] billionLaughs(String orderNo) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE ceb:CEB311Message [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return withDoctype(orderNo, dtd + "]>", "&lol9;");
    }

    static byte[] deepNesting(String orderNo) {
        return Messages.utf8(Messages.single(orderNo).replace("<ceb:note>双十一活动订单</ceb:note>",
                "<ceb:note>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</ceb:note>"));
    }

    static byte[] invalidUtf8(String orderNo) {
        byte[] good = Messages.utf8(Messages.single(orderNo));
        String marker = "双十一";
        int at = indexOf(good, marker.getBytes(StandardCharsets.UTF_8));
        good[at] = (byte) 0xC3;
        good[at + 1] = (byte) 0x28;
        return good;
    }

    static byte[] wrongEncoding(String orderNo) {
        // declared UTF-16, written in UTF-8
        return Messages.utf8(Messages.single(orderNo).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""));
    }

    static byte[] hugeAttribute(String orderNo) {
        return Messages.utf8(Messages.single(orderNo).replaceFirst("<ceb:note>", "<ceb:note big=\"" + "A".repeat(500_000) + "\">"));
    }

    static byte[] oversize(String orderNo) {
        String order = Messages.single(orderNo);
        return Messages.utf8(order.replace("<ceb:note>双十一活动订单</ceb:note>",
                "<ceb:note>" + "x".repeat(RunningAdapter.MAX_MESSAGE_BYTES) + "</ceb:note>"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("marker not found");
    }
}
