package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.xml.Saxon;

/**
 * A CEB receipt's returnTime is the response's time as {@code format-dateTime} writes it
 * (YYYYMMDDhhmmssSSS in the time's own zone), whatever form the time has: the receipt stylesheets
 * cut the lexical form down instead, for speed, and fall back to format-dateTime where that would
 * differ.
 */
class ReceiptTimeTest {

    private static final String PICTURE = "[Y0001][M01][D01][H01][m01][s01][f001]";
    private final Translations engine = new Translations();

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-21T09:15:03.125+08:00",
            "2026-11-21T09:15:03.120+08:00",
            "2026-11-21T09:15:03.5Z",
            "2026-11-21T09:15:03+08:00",
            "2026-11-21T09:15:03.000-05:00",
            "2026-11-21T09:15:03",
            "2026-11-21T09:15:03.07",
            "2026-11-21T24:00:00+08:00",
            "2026-12-31T23:59:59.9999+08:00",
            "2026-11-21T09:15:03.1239+14:00"})
    void return_time_is_what_format_dateTime_writes(String issued) throws Exception {
        String canonical = Files.readString(Path.of("mappings/ceb312/examples/written/receipt-accepted.canonical.xml"))
                .replace("2026-11-21T09:15:03.125+08:00", issued);
        String receipt = new String(engine.fromCanonical("ceb312", canonical.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        String expected = formatDateTime(issued);
        List<String> times = returnTimes(receipt);
        assertEquals(List.of(expected, expected), times, receipt);
    }

    private static String formatDateTime(String dateTime) throws Exception {
        var xpath = Saxon.processor().newXPathCompiler();
        xpath.declareVariable(new QName("t"));
        XPathSelector s = xpath.compile("format-dateTime(xs:dateTime($t), '" + PICTURE + "')").load();
        s.setVariable(new QName("t"), new XdmAtomicValue(dateTime));
        return s.evaluateSingle().getStringValue();
    }

    private static final Pattern RETURN_TIME = Pattern.compile("<ceb:returnTime>([^<]*)</ceb:returnTime>");

    private static List<String> returnTimes(String receipt) {
        return RETURN_TIME.matcher(receipt).results().map(m -> m.group(1)).toList();
    }
}
