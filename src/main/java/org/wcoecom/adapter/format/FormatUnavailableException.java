package org.wcoecom.adapter.format;

/**
 * A format whose schema or stylesheet does not compile: it cannot be used, and says why. The
 * running adapter compiles every format at start and leaves such formats out; the command line
 * compiles only what it needs and reports this for the format at hand.
 */
public final class FormatUnavailableException extends IllegalStateException {

    private final String format;

    public FormatUnavailableException(String format, String reason, Throwable cause) {
        super(reason.startsWith("format " + format) ? reason : "format " + format + " cannot be used: " + reason, cause);
        this.format = format;
    }

    public String format() {
        return format;
    }
}
