package org.wcoecom.adapter.format;

import java.util.List;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.xml.XmlError;

/**
 * What reading a partner message found.
 *
 * @param format        the format identified from the root element, if any
 * @param document      the parsed tree, when the message was well-formed (even if invalid)
 * @param errors        schema violations, at most the configured number
 * @param droppedErrors violations found beyond that number
 * @param fatal         why the message could not be read at all (malformed, forbidden, unknown root)
 */
public record ReadResult(Optional<Format> format, Optional<XdmNode> document, List<XmlError> errors,
                         int droppedErrors, Optional<XmlError> fatal) {

    public boolean valid() {
        return fatal.isEmpty() && errors.isEmpty() && format.isPresent() && document.isPresent();
    }

    /** The fatal error and the schema violations, in that order. */
    public List<XmlError> allErrors() {
        return fatal.map(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f), errors.stream()).toList())
                .orElse(errors);
    }
}
