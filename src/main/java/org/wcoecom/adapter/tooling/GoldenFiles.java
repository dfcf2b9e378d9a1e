package org.wcoecom.adapter.tooling;

import java.util.ArrayList;
import java.util.List;

import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;

/**
 * How a translation is compared with its golden file, by the test suite and by {@code format
 * check} alike: the same elements, attributes and text, whitespace between elements, comments and
 * XML signatures ignored (a signature is made anew each time a message is written), namespace
 * prefixes free.
 */
public final class GoldenFiles {

    /** Differences listed before the rest are only counted. */
    public static final int SHOWN = 20;

    private GoldenFiles() {
    }

    /** Each difference on a line of its own, with the XPath in both documents; empty when they are alike. */
    public static List<String> differences(byte[] expected, byte[] actual) {
        Diff diff = DiffBuilder.compare(Input.fromByteArray(expected)).withTest(Input.fromByteArray(actual))
                .ignoreWhitespace().ignoreComments().checkForSimilar()
                .withNodeFilter(n -> !"http://www.w3.org/2000/09/xmldsig#".equals(n.getNamespaceURI()))
                .build();
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Difference d : diff.getDifferences()) {
            if (++n <= SHOWN) {
                var c = d.getComparison();
                lines.add(c.getControlDetails().getXPath() + ": expected " + shown(c.getControlDetails().getValue())
                        + ", got " + shown(c.getTestDetails().getValue()) + " (" + c.getType().getDescription() + ")");
            }
        }
        if (n > SHOWN) {
            lines.add((n - SHOWN) + " more differences");
        }
        return lines;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "nothing";
        }
        String s = String.valueOf(value);
        return "'" + (s.length() > 120 ? s.substring(0, 117) + "..." : s) + "'";
    }
}
