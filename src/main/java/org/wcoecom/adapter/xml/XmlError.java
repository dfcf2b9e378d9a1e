package org.wcoecom.adapter.xml;

/**
 * One problem found in an XML document: where (line, column, element path) and what.
 * Line and column are 0 when unknown (for documents the adapter generated itself).
 */
public record XmlError(String code, int line, int column, String path, String message) {

    /** Error codes, shared by receipts and the command line. */
    public static final String MALFORMED = "XML_MALFORMED";
    public static final String FORBIDDEN = "XML_FORBIDDEN";
    public static final String TOO_LARGE = "MESSAGE_TOO_LARGE";
    public static final String EMPTY = "MESSAGE_EMPTY";
    public static final String UNKNOWN_FORMAT = "FORMAT_UNKNOWN";
    /** The message's format is known but cannot be used (its schema does not compile). */
    public static final String FORMAT_UNAVAILABLE = "FORMAT_UNAVAILABLE";
    public static final String SCHEMA_INVALID = "SCHEMA_INVALID";

    /** {@code line:col path message}, the form the CLI and receipts print. */
    public String describe() {
        return line + ":" + column + " " + (path == null || path.isEmpty() ? "/" : path) + " " + message;
    }
}
