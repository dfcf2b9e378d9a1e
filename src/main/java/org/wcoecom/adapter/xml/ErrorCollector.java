package org.wcoecom.adapter.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Collects parser and validator errors with their element path. Keeps at most {@code limit}
 * errors (hostile input can produce millions) and counts the rest.
 */
public final class ErrorCollector implements ErrorHandler {

    private final int limit;
    private final String code;
    private final List<XmlError> errors = new ArrayList<>();
    private ElementPathTracker tracker;
    private java.util.function.Function<String, String> writtenBy;
    private int dropped;

    public ErrorCollector(int limit, String code) {
        this.limit = limit;
        this.code = code;
    }

    public void attach(ElementPathTracker tracker) {
        this.tracker = tracker;
    }

    /**
     * For documents a stylesheet made: they have no lines of their own, so an error gives no line
     * and column but its element path and, when the tree knows it, the stylesheet instruction that
     * wrote the element (Saxon keeps it as the node's location): {@code (written by
     * mappings/x/to-canonical.xsl line 37)}.
     *
     * @param stylesheetName the name to show for a stylesheet's system id (a path from the project root)
     */
    public ErrorCollector generated(java.util.function.Function<String, String> stylesheetName) {
        this.writtenBy = stylesheetName;
        return this;
    }

    @Override
    public void warning(SAXParseException e) {
        // warnings do not make a message invalid
    }

    @Override
    public void error(SAXParseException e) {
        add(code, e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
        throw e;
    }

    void add(String errorCode, SAXParseException e) {
        if (errors.size() >= limit) {
            dropped++;
            return;
        }
        if (writtenBy != null) {
            String by = e.getSystemId() != null && e.getLineNumber() > 0 && e.getSystemId().endsWith(".xsl")
                    ? " (written by " + writtenBy.apply(e.getSystemId()) + " line " + e.getLineNumber() + ")" : "";
            errors.add(new XmlError(errorCode, 0, 0, tracker == null ? "/" : tracker.path(), e.getMessage() + by));
            return;
        }
        int line = e.getLineNumber() > 0 ? e.getLineNumber() : tracker == null ? 0 : tracker.line();
        int column = e.getColumnNumber() > 0 ? e.getColumnNumber() : tracker == null ? 0 : tracker.column();
        String path = tracker == null ? "/" : tracker.path();
        errors.add(new XmlError(errorCode, line, column, path, e.getMessage()));
    }

    public List<XmlError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Errors found beyond the limit and not kept. */
    public int dropped() {
        return dropped;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
