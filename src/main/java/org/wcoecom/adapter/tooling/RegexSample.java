package org.wcoecom.adapter.tooling;

import java.util.ArrayList;
import java.util.List;

/**
 * The shortest string an XML Schema pattern ({@code xs:pattern}) matches, as far as it can be
 * made simply: each branch's first alternative, each quantifier's least count, each class's first
 * character. Enough for the patterns partner schemas use for codes and identifiers (BIC, currency,
 * UUID, digits); {@link SampleInstance} checks the result against the schema anyway.
 */
final class RegexSample {

    private final String pattern;
    private int pos;

    private RegexSample(String pattern) {
        this.pattern = pattern;
    }

    static String of(String pattern) {
        RegexSample r = new RegexSample(pattern);
        String s = r.branches();
        if (r.pos < pattern.length()) {
            throw new IllegalArgumentException("pattern '" + pattern + "' has an unmatched ')' at " + r.pos);
        }
        return s;
    }

    /** branch ('|' branch)*: the first branch. */
    private String branches() {
        String first = branch();
        while (pos < pattern.length() && pattern.charAt(pos) == '|') {
            pos++;
            branch();
        }
        return first;
    }

    private String branch() {
        StringBuilder out = new StringBuilder();
        while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
            String atom = atom();
            int[] q = quantifier();
            out.append(atom.repeat(q[0]));
        }
        return out.toString();
    }

    private String atom() {
        char c = pattern.charAt(pos++);
        switch (c) {
            case '(' -> {
                if (pattern.startsWith("?:", pos)) {
                    pos += 2;
                }
                String inner = branches();
                expect(')');
                return inner;
            }
            case '[' -> {
                return String.valueOf(charClass());
            }
            case '\\' -> {
                return String.valueOf(escape());
            }
            case '.' -> {
                return "X";
            }
            default -> {
                return String.valueOf(c);
            }
        }
    }

    /** {min,max}, ?, *, +: the least count. */
    private int[] quantifier() {
        if (pos >= pattern.length()) {
            return new int[] {1};
        }
        char c = pattern.charAt(pos);
        if (c == '?' || c == '*') {
            pos++;
            return new int[] {0};
        }
        if (c == '+') {
            pos++;
            return new int[] {1};
        }
        if (c == '{') {
            int end = pattern.indexOf('}', pos);
            if (end < 0) {
                throw new IllegalArgumentException("pattern '" + pattern + "': '{' without '}'");
            }
            String body = pattern.substring(pos + 1, end);
            pos = end + 1;
            String min = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
            return new int[] {Integer.parseInt(min.trim())};
        }
        return new int[] {1};
    }

    /** [...], [^...], with ranges and escapes (a subtraction -[...] is skipped): a character it holds. */
    private char charClass() {
        boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        List<char[]> ranges = new ArrayList<>();
        boolean first = true;
        while (pos < pattern.length() && (pattern.charAt(pos) != ']' || first)) {
            first = false;
            char c = pattern.charAt(pos);
            if (c == '-' && pos + 1 < pattern.length() && pattern.charAt(pos + 1) == '[') {
                pos++;
                skipClass();
                continue;
            }
            pos++;
            char from = c == '\\' ? escape() : c;
            char to = from;
            if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']' && pattern.charAt(pos + 1) != '[') {
                pos++;
                char t = pattern.charAt(pos++);
                to = t == '\\' ? escape() : t;
            }
            ranges.add(new char[] {from, to});
        }
        expect(']');
        if (!negated) {
            return ranges.isEmpty() ? 'X' : ranges.get(0)[0];
        }
        for (char candidate : "XAZaz09".toCharArray()) {
            if (ranges.stream().noneMatch(r -> candidate >= r[0] && candidate <= r[1])) {
                return candidate;
            }
        }
        return '_';
    }

    private void skipClass() {
        int depth = 0;
        while (pos < pattern.length()) {
            char c = pattern.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return;
            }
        }
    }

    /** After a backslash: a character of the class or the character itself. */
    private char escape() {
        char c = pattern.charAt(pos++);
        return switch (c) {
            case 'd' -> '0';
            case 'w', 'i', 'c' -> 'X';
            case 's' -> ' ';
            case 'S', 'W', 'D', 'I', 'C' -> '-';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'p', 'P' -> {
                // \p{Lu} and the like: skip the block name, any letter will do
                if (pos < pattern.length() && pattern.charAt(pos) == '{') {
                    pos = pattern.indexOf('}', pos) + 1;
                }
                yield c == 'p' ? 'X' : '0';
            }
            default -> c;
        };
    }

    private void expect(char c) {
        if (pos >= pattern.length() || pattern.charAt(pos) != c) {
            throw new IllegalArgumentException("pattern '" + pattern + "': '" + c + "' expected at " + pos);
        }
        pos++;
    }
}
