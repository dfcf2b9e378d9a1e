package org.wcoecom.adapter.bench;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Writing CEB XML straight into a StringBuilder: elements, escaped text, amounts, ids, times.
 * Written compact, without indentation, as platform systems send it: whitespace would be a fifth
 * of an order's bytes.
 */
final class Markup {

    static final String CEB_NS = "http://www.chinaport.gov.cn/ceb";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Markup() {
    }

    static void element(StringBuilder sb, String name, CharSequence text) {
        start(sb, name);
        escape(sb, text);
        end(sb, name);
    }

    static void amount(StringBuilder sb, String name, long cents) {
        start(sb, name);
        money(sb, cents);
        end(sb, name);
    }

    static StringBuilder start(StringBuilder sb, String name) {
        return sb.append("<ceb:").append(name).append('>');
    }

    static StringBuilder end(StringBuilder sb, String name) {
        return sb.append("</ceb:").append(name).append('>');
    }

    private static void escape(StringBuilder sb, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
    }

    /** Yuan with two decimals, as platforms write them (amounts are kept in fen so sums are exact). */
    private static void money(StringBuilder sb, long cents) {
        sb.append(cents / 100).append('.');
        long fen = cents % 100;
        if (fen < 10) {
            sb.append('0');
        }
        sb.append(fen);
    }

    /** An upper-case version-4 UUID, the form CEB guids take. */
    static void guid(StringBuilder sb, SplittableRandom rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        hex(sb, hi >>> 32, 8).append('-');
        hex(sb, hi >>> 16, 4).append('-');
        hex(sb, hi, 4).append('-');
        hex(sb, lo >>> 48, 4).append('-');
        hex(sb, lo, 12);
    }

    private static StringBuilder hex(StringBuilder sb, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) (value >>> (4 * i)) & 0xF]);
        }
        return sb;
    }

    /** YYYYMMDDhhmmss. */
    static void appTime(StringBuilder sb, LocalDateTime t) {
        sb.append(t.getYear());
        two(sb, t.getMonthValue());
        two(sb, t.getDayOfMonth());
        two(sb, t.getHour());
        two(sb, t.getMinute());
        two(sb, t.getSecond());
    }

    static void digits(StringBuilder sb, SplittableRandom rng, int count) {
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
