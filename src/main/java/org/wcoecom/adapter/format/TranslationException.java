package org.wcoecom.adapter.format;

import java.util.List;

import org.wcoecom.adapter.xml.XmlError;

/** A translation that could not produce a valid document; the errors say where and why. */
public final class TranslationException extends Exception {

    private final String document;
    private final List<XmlError> errors;

    /**
     * @param document which document the error paths point into: the input format's id or
     *                 "canonical" or the output format's id
     */
    public TranslationException(String document, List<XmlError> errors) {
        super(document + ": " + (errors.isEmpty() ? "translation failed" : errors.get(0).describe()));
        this.document = document;
        this.errors = List.copyOf(errors);
    }

    public String document() {
        return document;
    }

    public List<XmlError> errors() {
        return errors;
    }
}
