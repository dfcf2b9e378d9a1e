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
    private int dropped;

    public ErrorCollector(int limit, String code) {
        this.limit = limit;
        this.code = code;
    }

    public void attach(ElementPathTracker tracker) {
        this.tracker = tracker;
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
