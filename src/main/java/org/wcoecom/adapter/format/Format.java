package org.wcoecom.adapter.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.validation.Schema;

import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * A registered format: its definition, its record paths (compiled when the format is loaded, they
 * are cheap) and its schema and stylesheets, compiled the first time they are needed, so that a
 * command that reads one file compiles one format. What is compiled is thread-safe and shared; a
 * part that does not compile says why each time it is asked for ({@link FormatUnavailableException}).
 */
public final class Format {

    private final FormatDefinition definition;
    private final Lazy<Schema> schema;
    private final Lazy<XsltExecutable> toCanonical;
    private final Lazy<XsltExecutable> fromCanonical;
    private final XPathExecutable sender;
    private final XPathExecutable messageId;
    private final XPathExecutable recordSelect;
    private final XPathExecutable recordKey;
    private final XPathExecutable recordGuid;
    private final Map<String, XPathExecutable> references;

    Format(FormatDefinition definition, java.util.function.Supplier<Schema> schema,
           java.util.function.Supplier<XsltExecutable> toCanonical, java.util.function.Supplier<XsltExecutable> fromCanonical,
           XPathExecutable sender, XPathExecutable messageId, XPathExecutable recordSelect, XPathExecutable recordKey, XPathExecutable recordGuid,
           Map<String, XPathExecutable> references) {
        this.definition = definition;
        this.schema = new Lazy<>(definition.id(), schema);
        this.toCanonical = toCanonical == null ? null : new Lazy<>(definition.id(), toCanonical);
        this.fromCanonical = fromCanonical == null ? null : new Lazy<>(definition.id(), fromCanonical);
        this.sender = sender;
        this.messageId = messageId;
        this.recordSelect = recordSelect;
        this.recordKey = recordKey;
        this.recordGuid = recordGuid;
        this.references = references;
    }

    /** What has been compiled so far: "schema", "to-canonical", "from-canonical". */
    public List<String> compiledParts() {
        List<String> parts = new ArrayList<>();
        if (schema.done()) {
            parts.add("schema");
        }
        if (toCanonical != null && toCanonical.done()) {
            parts.add("to-canonical");
        }
        if (fromCanonical != null && fromCanonical.done()) {
            parts.add("from-canonical");
        }
        return parts;
    }

    /** Compiles the schema and both stylesheets now (the running adapter does this at start). */
    public Format compile() {
        schema();
        toCanonical();
        fromCanonical();
        return this;
    }

    public String id() {
        return definition.id();
    }

    public FormatDefinition definition() {
        return definition;
    }

    /** The compiled schema; compiled now if it was not yet. */
    public Schema schema() {
        return schema.get();
    }

    public Optional<XsltExecutable> toCanonical() {
        return toCanonical == null ? Optional.empty() : Optional.of(toCanonical.get());
    }

    public Optional<XsltExecutable> fromCanonical() {
        return fromCanonical == null ? Optional.empty() : Optional.of(fromCanonical.get());
    }

    public Optional<String> receiptFormat() {
        return definition.receiptFormat();
    }

    /** The sender's own code in the message (CEB: BaseTransfer/copCode), if the format has one. */
    public Optional<String> senderCode(XdmNode document) {
        if (sender == null) {
            return Optional.empty();
        }
        return firstString(sender, rootElement(document)).filter(s -> !s.isBlank()).map(String::trim);
    }

    /**
     * The element (or attribute) the sender code is read from, for an error to point at: its
     * element path, line and column.
     */
    public Optional<XdmNode> senderNode(XdmNode document) {
        if (sender == null) {
            return Optional.empty();
        }
        try {
            XPathSelector s = sender.load();
            s.setContextItem(rootElement(document));
            return s.evaluateSingle() instanceof XdmNode node ? Optional.of(node) : Optional.empty();
        } catch (SaxonApiException e) {
            return Optional.empty();
        }
    }

    /** The message's own id (CEB: the root guid), if the format has one. */
    public Optional<String> messageId(XdmNode document) {
        return messageId == null ? Optional.empty() : firstString(messageId, rootElement(document));
    }

    /** The business records of a message with their keys, in document order. */
    public List<RecordRef> records(XdmNode document) {
        List<RecordRef> result = new ArrayList<>();
        if (recordSelect == null) {
            return result;
        }
        XdmNode root = rootElement(document);
        try {
            XPathSelector s = recordSelect.load();
            s.setContextItem(root);
            int index = 0;
            for (XdmItem item : s) {
                XdmNode record = (XdmNode) item;
                index++;
                Map<String, String> refs = new LinkedHashMap<>();
                for (Map.Entry<String, XPathExecutable> e : references.entrySet()) {
                    firstString(e.getValue(), record).ifPresent(v -> refs.put(e.getKey(), v));
                }
                result.add(new RecordRef(index, NodePaths.of(record),
                        firstString(recordKey, record).orElse(""),
                        recordGuid == null ? Optional.empty() : firstString(recordGuid, record),
                        refs));
            }
        } catch (SaxonApiException e) {
            throw new IllegalStateException("records of format " + id() + ": " + e.getMessage(), e);
        }
        return result;
    }

    /**
     * Each record's key by the record's element path ({@link NodePaths}): what stylesheets read
     * through {@code adapter:record-key(.)} (mappings/common/adapter.xsl), so that the key is
     * defined once, by {@code records.key} in format.yaml.
     */
    public Map<String, String> recordKeys(XdmNode document) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (recordSelect == null) {
            return keys;
        }
        try {
            XPathSelector s = recordSelect.load();
            s.setContextItem(rootElement(document));
            for (XdmItem item : s) {
                if (item instanceof XdmNode record && record.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT) {
                    keys.put(NodePaths.of(record), firstString(recordKey, record).orElse(""));
                }
            }
        } catch (SaxonApiException e) {
            throw new IllegalStateException("records of format " + id() + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /**
     * The node a record's reference is read from (e.g. the BIC of the bank that sent a camt.054
     * notification, in an ancestor of the record), for an error to point at: its element path, line
     * and column. Empty when the reference is not given or is not a node.
     */
    public Optional<XdmNode> referenceNode(XdmNode document, RecordRef record, String type) {
        XPathExecutable reference = references.get(type);
        if (reference == null || recordSelect == null) {
            return Optional.empty();
        }
        try {
            XPathSelector s = recordSelect.load();
            s.setContextItem(rootElement(document));
            int index = 0;
            for (XdmItem item : s) {
                if (++index == record.index()) {
                    XPathSelector r = reference.load();
                    r.setContextItem(item);
                    return r.evaluateSingle() instanceof XdmNode node ? Optional.of(node) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (SaxonApiException e) {
            return Optional.empty();
        }
    }

    /**
     * A SHA-256 of each record's XML, in document order: the same record sent again (in any
     * envelope) has the same digest, an amended one another.
     */
    public List<String> recordDigests(XdmNode document) {
        List<String> result = new ArrayList<>();
        if (recordSelect == null) {
            return result;
        }
        try {
            XPathSelector s = recordSelect.load();
            s.setContextItem(rootElement(document));
            for (XdmItem item : s) {
                result.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(item.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
        } catch (SaxonApiException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("records of format " + id() + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static Optional<String> firstString(XPathExecutable xpath, XdmNode context) {
        try {
            XPathSelector s = xpath.load();
            s.setContextItem(context);
            XdmItem item = s.evaluateSingle();
            return item == null ? Optional.empty() : Optional.of(item.getStringValue());
        } catch (SaxonApiException e) {
            return Optional.empty();
        }
    }

    public static XdmNode rootElement(XdmNode node) {
        if (node.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.DOCUMENT) {
            for (XdmNode child : node.children()) {
                if (child.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT) {
                    return child;
                }
            }
        }
        return node;
    }

    /** A part compiled once, on first use; a failure is kept and reported each time. */
    private static final class Lazy<T> {
        private final String format;
        private java.util.function.Supplier<T> make;
        private T value;
        private RuntimeException failure;

        Lazy(String format, java.util.function.Supplier<T> make) {
            this.format = format;
            this.make = make;
        }

        synchronized boolean done() {
            return value != null;
        }

        synchronized T get() {
            if (value == null && failure == null) {
                try {
                    value = make.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
                make = null;
            }
            if (failure != null) {
                throw new FormatUnavailableException(format, failure.getMessage(), failure);
            }
            return value;
        }
    }

    /**
     * One business record of a partner message.
     *
     * @param index      position in the message, from 1
     * @param path       its element path, e.g. /CEB311Message/Order[2]
     * @param key        its business key (an order's number)
     * @param guid       the sender's own record id, if the format has one
     * @param references typed business keys for receipts (ORDER_NUMBER, PLATFORM_CODE, ...)
     */
    public record RecordRef(int index, String path, String key, Optional<String> guid, Map<String, String> references) {
    }
}
