package org.wcoecom.adapter.format;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

/**
 * The element name of a format's records, when {@code records.select} names them as children of
 * the root: {@code *:Order} (any namespace) or {@code Order} (no namespace). Only then can a file of
 * that format be cut into messages while it streams by; any other XPath needs the whole tree.
 *
 * @param localName     the records' local name
 * @param anyNamespace  true for {@code *:name}, false for a name without a namespace
 */
public record RecordElement(String localName, boolean anyNamespace) {

    private static final Pattern CHILD = Pattern.compile("(\\*:)?([\\p{L}_][\\p{L}\\p{N}._-]*)");

    /** The record element of a format, if its records are selected by a plain child name. */
    public static Optional<RecordElement> of(FormatDefinition definition) {
        return definition.records().flatMap(r -> {
            Matcher m = CHILD.matcher(r.select().trim());
            return m.matches() ? Optional.of(new RecordElement(m.group(2), m.group(1) != null)) : Optional.empty();
        });
    }

    public boolean matches(QName name) {
        return localName.equals(name.getLocalPart()) && (anyNamespace || name.getNamespaceURI().isEmpty());
    }

    @Override
    public String toString() {
        return (anyNamespace ? "*:" : "") + localName;
    }
}
