package org.wcoecom.adapter.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

/**
 * The path from the root element to the elements a batch file is cut along, when the format names
 * them by a plain path of element names: {@code *:Order} (children of the root, CEB) or
 * {@code *:BkToCstmrDbtCdtNtfctn/*:Ntfctn/*:Ntry} (camt.054 entries, three levels down). Each step
 * is {@code *:name} (any namespace) or {@code name} (no namespace). Only such a path can be
 * followed while the file streams by; any other XPath needs the whole tree.
 *
 * <p>The path is {@code records.split} in format.yaml if given, else {@code records.select}.
 */
public final class RecordPath {

    private static final Pattern STEP = Pattern.compile("(\\*:)?([\\p{L}_][\\p{L}\\p{N}._-]*)");

    private final List<Step> steps;

    private RecordPath(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    private record Step(String localName, boolean anyNamespace) {
        boolean matches(QName name) {
            return localName.equals(name.getLocalPart()) && (anyNamespace || name.getNamespaceURI().isEmpty());
        }

        @Override
        public String toString() {
            return (anyNamespace ? "*:" : "") + localName;
        }
    }

    /** The path a format's batch files are cut along, if it is a plain path of names. */
    public static Optional<RecordPath> of(FormatDefinition definition) {
        return definition.records().flatMap(r -> parse(r.split().orElse(r.select())));
    }

    static Optional<RecordPath> parse(String path) {
        List<Step> steps = new ArrayList<>();
        for (String step : path.trim().split("/", -1)) {
            Matcher m = STEP.matcher(step.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            steps.add(new Step(m.group(2), m.group(1) != null));
        }
        return Optional.of(new RecordPath(steps));
    }

    /** How many levels below the root the records are: 1 for children of the root. */
    public int depth() {
        return steps.size();
    }

    /** Whether an element at the given level (1: a child of the root) is on the path. */
    public boolean matches(int level, QName name) {
        return level >= 1 && level <= steps.size() && steps.get(level - 1).matches(name);
    }

    @Override
    public String toString() {
        return String.join("/", steps.stream().map(Step::toString).toList());
    }
}
