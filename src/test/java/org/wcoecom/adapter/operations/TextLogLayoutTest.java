package org.wcoecom.adapter.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The text log's layout (log4j2.properties) keeps a line a line whatever a partner put in the text:
 * CR and LF are written as \r and \n, other control characters (C0 and C1, NEL among them) and the
 * Unicode line and paragraph separators as U+FFFD.
 */
class TextLogLayoutTest {

    @Test
    void partner_text_stays_on_its_line() {
        Layout<?> layout = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppender("console").getLayout();
        String partner = "value\r\n09:00:00.000 ERROR Forged\u0085NEL\u2028LS\u2029PS\u001b[2J\u009b2J\ttab";
        String line = new String(layout.toByteArray(Log4jLogEvent.newBuilder().setLoggerName("test").setLevel(Level.INFO)
                .setMessage(new SimpleMessage("rejected: " + partner)).build()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n"), line);
        String body = line.substring(0, line.length() - 1);
        assertEquals(-1, body.indexOf('\n'), body);
        assertEquals(-1, body.indexOf('\r'), body);
        for (char c : body.toCharArray()) {
            assertTrue(c == '\t' || (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f) && c != 0x2028 && c != 0x2029),
                    "character U+" + Integer.toHexString(c) + " in: " + body);
        }
        assertTrue(body.contains("value\\r\\n09:00:00.000 ERROR Forged\uFFFDNEL\uFFFDLS\uFFFDPS\uFFFD[2J\uFFFD2J\ttab"), body);
    }
}
