package org.wcoecom.adapter.format;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.TeeDestination;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.trans.XPathException;

import org.wcoecom.adapter.xml.Saxon;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.xml.ElementPathTracker;
import org.wcoecom.adapter.xml.ErrorCollector;
import org.wcoecom.adapter.xml.XmlError;
import org.wcoecom.adapter.xml.Validators;
import org.wcoecom.adapter.xml.XmlSigner;

/**
 * Runs a format's stylesheets and validates what they produce. Output is serialized and validated
 * in the same pass (the serializer and the validator both listen to the result), so a document is
 * never parsed again to be checked.
 */
public final class Translator {

    /** Errors raised by stylesheets through fn:error, namespace urn:wco-ecom-adapter:errors. */
    public static final String ERROR_NAMESPACE = "urn:wco-ecom-adapter:errors";
    public static final String CANONICAL_INVALID = "CANONICAL_INVALID";
    public static final String OUTPUT_INVALID = "OUTPUT_INVALID";
    /** A stylesheet failed on its own (a division by zero, a value that is no number): a mapping error, not the sender's. */
    public static final String MAPPING_FAILED = "MAPPING_FAILED";
    /** Names shared with stylesheets through mappings/common/adapter.xsl. */
    public static final String ENGINE_NAMESPACE = "urn:wco-ecom-adapter:engine";
    private static final QName RECORD_KEYS = new QName(ENGINE_NAMESPACE, "record-keys");

    // puts canonical documents side by side in one c:Batch
    private static final String BATCH_XSLT = """
            <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:wco-ecom-adapter:canonical:1">
              <xsl:param name="documents" as="document-node()*"/>
              <xsl:template name="xsl:initial-template">
                <c:Batch><xsl:copy-of select="$documents/*"/></c:Batch>
              </xsl:template>
            </xsl:stylesheet>""";

    private final FormatRegistry registry;
    private final int maxErrors;
    private final XsltExecutable batch;
    private final Supplier<XmlSigner> signer;

    /** A translator for formats that are never signed. */
    public Translator(FormatRegistry registry, int maxErrors) {
        this(registry, maxErrors, () -> {
            throw new IllegalStateException("no signing key is configured");
        });
    }

    /**
     * @param signer the declarant's key, asked for the first time a signed format is written
     */
    public Translator(FormatRegistry registry, int maxErrors, Supplier<XmlSigner> signer) {
        this.registry = registry;
        this.maxErrors = maxErrors;
        this.signer = memoized(signer);
        try {
            this.batch = Saxon.processor().newXsltCompiler().compile(new StreamSource(new StringReader(BATCH_XSLT)));
        } catch (SaxonApiException e) {
            throw new IllegalStateException("the batch stylesheet does not compile", e);
        }
    }

    /** A document as the adapter writes it, not validated again (its parts were, when they were made). */
    public byte[] write(XdmNode document) {
        return write(document, true);
    }

    /**
     * A canonical document only the adapter reads (a batch on the broker): not indented, which the
     * bench measured at a few percent of translation and which makes it smaller to store and parse.
     */
    public byte[] writeCompact(XdmNode document) {
        return write(document, false);
    }

    private byte[] write(XdmNode document, boolean indent) {
        try {
            return serialize(document, indent);
        } catch (TranslationException e) {
            throw new IllegalStateException("cannot write a document: " + e.getMessage(), e);
        }
    }

    /** Several canonical documents as one c:Batch document. */
    public XdmNode batch(List<XdmNode> documents) {
        try {
            Xslt30Transformer t = batch.load30();
            t.setStylesheetParameters(Map.of(new QName("documents"), new XdmValue(documents)));
            XdmDestination out = new XdmDestination();
            t.callTemplate(null, out);
            return out.getXdmNode();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("cannot batch canonical documents", e);
        }
    }

    /**
     * Any readable format to any writable one, through the canonical model: a partner message to
     * its canonical documents, canonical documents to a partner message, or a partner message to
     * another partner format (all its records in one message).
     *
     * @return one document per output: per record when the target is canonical, else one message
     */
    public List<byte[]> convert(Format source, XdmNode message, Format target, Map<String, ?> params)
            throws TranslationException {
        boolean fromCanonical = FormatRegistry.CANONICAL.equals(source.id());
        boolean toCanonical = FormatRegistry.CANONICAL.equals(target.id());
        if (fromCanonical && toCanonical) {
            return List.of(writeValidated(message, target.schema(), CANONICAL_INVALID, target.id()));
        }
        if (fromCanonical) {
            return List.of(fromCanonical(target, message, params));
        }
        List<CanonicalDocument> documents = toCanonical(source, message, params);
        if (toCanonical) {
            // for people to read: indented, unlike the documents' own bytes
            return documents.stream().map(d -> write(d.tree())).toList();
        }
        XdmNode input = documents.size() == 1 ? documents.get(0).tree()
                : batch(documents.stream().map(CanonicalDocument::tree).toList());
        return List.of(fromCanonical(target, input, params));
    }

    /**
     * A partner message to canonical documents, each validated against the canonical schema. Their
     * bytes are for the adapter's queues and store, so they are not indented ({@link #write} indents).
     *
     * @param params stylesheet parameters (partner, channel, received-at); null values are left out
     */
    public List<CanonicalDocument> toCanonical(Format format, XdmNode message, Map<String, ?> params)
            throws TranslationException {
        XsltExecutable xslt = format.toCanonical().orElseThrow(() -> new IllegalArgumentException(
                "format " + format.id() + " cannot be translated to canonical"));
        Map<QName, XdmValue> engine = Map.of(RECORD_KEYS, recordKeys(format, message));
        XdmValue result = transform(xslt, message, params, engine, format.id());
        Schema schema = registry.canonical().schema();
        List<CanonicalDocument> documents = new ArrayList<>();
        for (XdmItem item : result) {
            if (!(item instanceof XdmNode doc) || doc.getNodeKind() != XdmNodeKind.DOCUMENT) {
                throw new TranslationException(Canonical.NAME, List.of(new XmlError(CANONICAL_INVALID, 0, 0, "/",
                        "the stylesheet of " + format.id() + " returned " + item + " where a canonical document (xsl:document) belongs")));
            }
            byte[] xml = writeValidated(doc, schema, CANONICAL_INVALID, Canonical.NAME, false);
            XdmNode root = Format.rootElement(doc);
            documents.add(new CanonicalDocument(recordIdOf(root), root.getNodeName().getLocalName(), doc, xml));
        }
        return documents;
    }

    /** Canonical documents (one, or a Batch) to a partner message, validated against its schema. */
    public byte[] fromCanonical(Format target, XdmNode canonical, Map<String, ?> params) throws TranslationException {
        XsltExecutable xslt = target.fromCanonical().orElseThrow(() -> new IllegalArgumentException(
                "format " + target.id() + " cannot be produced from canonical"));
        if (!target.definition().signed()) {
            byte[] written = transformAndWrite(xslt, canonical, params, target.schema());
            if (written != null) {
                return written;
            }
            // not valid as written: transformed again into a tree, to say what is wrong and where
        }
        XdmValue result = transform(xslt, canonical, params, Map.of(), Canonical.NAME);
        if (result.size() != 1 || !(result.itemAt(0) instanceof XdmNode doc)) {
            throw new TranslationException(target.id(), List.of(new XmlError(OUTPUT_INVALID, 0, 0, "/",
                    "the stylesheet produced " + result.size() + " items instead of one document")));
        }
        if (target.definition().signed()) {
            return signAndValidate(doc, target);
        }
        return writeValidated(doc, target.schema(), OUTPUT_INVALID, target.id());
    }

    /** The schema requires the signature, so a signed format is validated after signing. */
    private byte[] signAndValidate(XdmNode doc, Format target) throws TranslationException {
        byte[] unsigned = serialize(doc, true);
        byte[] signed;
        try {
            signed = signer.get().sign(unsigned, target.definition().signatureBefore());
        } catch (Exception e) {
            throw new TranslationException(target.id(), List.of(new XmlError("SIGNATURE_FAILED", 0, 0, "/",
                    "cannot sign the message: " + e.getMessage())));
        }
        if (Validators.accepts(target.schema(), signed)) {
            return signed;
        }
        ReadResult check = new MessageReader(registry, maxErrors).read(signed);
        if (!check.valid()) {
            throw new TranslationException(target.id(), check.allErrors());
        }
        return signed;
    }

    private byte[] serialize(XdmNode doc, boolean indent) throws TranslationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            Saxon.processor().writeXdmValue(doc, serializer(out, indent));
        } catch (SaxonApiException e) {
            throw new TranslationException("output", List.of(new XmlError(OUTPUT_INVALID, 0, 0, "/", e.getMessage())));
        }
        return out.toByteArray();
    }

    /** How every message the adapter writes is serialized: UTF-8, indented unless only the adapter reads it. */
    private static Serializer serializer(ByteArrayOutputStream out, boolean indent) {
        Serializer serializer = Saxon.processor().newSerializer(out);
        serializer.setOutputProperty(Serializer.Property.METHOD, "xml");
        serializer.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        serializer.setOutputProperty(Serializer.Property.INDENT, indent ? "yes" : "no");
        return serializer;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /**
     * Serializes a document and validates what was written; throws with every violation if it is
     * invalid. The check runs on the bytes (one Xerces pass); only when it fails is the tree
     * validated again, event by event, to say where each error is and which stylesheet line wrote it.
     */
    public byte[] writeValidated(XdmNode document, Schema schema, String errorCode, String label)
            throws TranslationException {
        return writeValidated(document, schema, errorCode, label, true);
    }

    /**
     * As {@link #writeValidated(XdmNode, Schema, String, String)}, indented or not: a canonical document
     * that travels in a batch is not ({@code CanonicalBatch} joins the documents' bytes as they are).
     */
    public byte[] writeValidated(XdmNode document, Schema schema, String errorCode, String label, boolean indent)
            throws TranslationException {
        byte[] xml;
        try {
            xml = serialize(document, indent);
        } catch (TranslationException e) {
            return validateTree(document, schema, errorCode, label, indent);
        }
        return Validators.accepts(schema, xml) ? xml : validateTree(document, schema, errorCode, label, indent);
    }

    /** Serializes a document while validating its events, keeping every error with its element path. */
    private byte[] validateTree(XdmNode document, Schema schema, String errorCode, String label, boolean indent)
            throws TranslationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        Serializer serializer = serializer(out, indent);
        ErrorCollector errors = new ErrorCollector(maxErrors, errorCode).generated(this::stylesheetName);
        ValidatorHandler validator = Validators.take(schema);
        validator.setErrorHandler(errors);
        try {
            ElementPathTracker tracker = new ElementPathTracker(validator);
            errors.attach(tracker);
            Saxon.processor().writeXdmValue(document, new TeeDestination(serializer, new SAXDestination(tracker)));
        } catch (SaxonApiException e) {
            throw new TranslationException(label, List.of(new XmlError(errorCode, 0, 0, "/", e.getMessage())));
        } finally {
            Validators.release(schema, validator);
        }
        if (errors.hasErrors()) {
            throw new TranslationException(label, errors.errors());
        }
        return out.toByteArray();
    }

    /** Each record's key from format.yaml, by the record's element path, for adapter:record-key(). */
    private static XdmValue recordKeys(Format format, XdmNode message) {
        Map<String, String> keys = format.recordKeys(message);
        return keys.isEmpty() ? new XdmMap() : XdmMap.makeMap(keys);
    }

    private XdmValue transform(XsltExecutable xslt, XdmNode input, Map<String, ?> params, Map<QName, XdmValue> engine,
                               String inputLabel) throws TranslationException {
        try {
            return transformer(xslt, input, params, engine).applyTemplates(input);
        } catch (SaxonApiException e) {
            throw new TranslationException(inputLabel, List.of(describe(e, input)));
        }
    }

    /**
     * Transforms canonical documents straight into the serializer, with no result tree in between,
     * and validates the bytes: the common case of writing a valid message (the bench measured the
     * tree at a few percent of translation). Null when what was written is not valid.
     */
    private byte[] transformAndWrite(XsltExecutable xslt, XdmNode canonical, Map<String, ?> params, Schema schema)
            throws TranslationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            transformer(xslt, canonical, params, Map.of()).applyTemplates(canonical, serializer(out, true));
        } catch (SaxonApiException e) {
            throw new TranslationException(Canonical.NAME, List.of(describe(e, canonical)));
        }
        byte[] xml = out.toByteArray();
        return Validators.accepts(schema, xml) ? xml : null;
    }

    private Xslt30Transformer transformer(XsltExecutable xslt, XdmNode input, Map<String, ?> params,
                                          Map<QName, XdmValue> engine) throws SaxonApiException {
        Xslt30Transformer transformer = xslt.load30();
        // errors come back as exceptions; Saxon's own report to stderr would only duplicate them
        transformer.setErrorReporter(error -> { });
        Map<QName, XdmValue> all = new java.util.HashMap<>(Parameters.of(params));
        // only those the stylesheet declares: a stylesheet that does not include adapter.xsl has none
        engine.forEach((name, value) -> {
            if (xslt.getGlobalParameters().containsKey(name)) {
                all.put(name, value);
            }
        });
        transformer.setStylesheetParameters(all);
        transformer.setGlobalContextItem(input);
        return transformer;
    }

    /**
     * A stylesheet's fn:error as an error pointing into the input at the node it names; any other
     * dynamic error (a division by zero, a value that is no number) as a mapping error naming the
     * stylesheet, its line and Saxon's error code, at the input node being processed.
     */
    private XmlError describe(SaxonApiException e, XdmNode input) {
        QName code = e.getErrorCode();
        boolean raised = code != null && ERROR_NAMESPACE.equals(code.getNamespace());
        String message = e.getCause() instanceof XPathException xpe ? xpe.getMessage() : e.getMessage();
        if (!(e.getCause() instanceof XPathException xpe)) {
            return new XmlError(raised ? code.getLocalName() : MAPPING_FAILED, 0, 0, "/", message);
        }
        if (raised) {
            return errorObject(xpe).map(node -> at(code.getLocalName(), node, message))
                    .orElseGet(() -> new XmlError(code.getLocalName(), 0, 0, "/", message));
        }
        String where = (code == null ? "" : code.getLocalName() + " ") + "in "
                + (e.getSystemId() == null ? "a stylesheet" : stylesheetName(e.getSystemId()))
                + (e.getLineNumber() > 0 ? " line " + e.getLineNumber() : "");
        String described = message + " (" + where + ")";
        return nodeBeingProcessed(xpe, input).map(node -> at(MAPPING_FAILED, node, described))
                .orElseGet(() -> new XmlError(MAPPING_FAILED, 0, 0, "/", described + ", no input node known"));
    }

    private static Optional<XdmNode> errorObject(XPathException xpe) {
        if (xpe.getErrorObject() == null) {
            return Optional.empty();
        }
        try {
            return xpe.getErrorObject().head() instanceof NodeInfo node ? Optional.of(new XdmNode(node)) : Optional.empty();
        } catch (XPathException ignored) {
            return Optional.empty();
        }
    }

    /** The innermost context item that is a node of the input (not of a variable's tree), walking out through the callers. */
    private static Optional<XdmNode> nodeBeingProcessed(XPathException xpe, XdmNode input) {
        var inputTree = input.getUnderlyingNode().getTreeInfo();
        for (var context = xpe.getXPathContext(); context != null; context = context.getCaller()) {
            if (context.getContextItem() instanceof NodeInfo node && node.getTreeInfo() == inputTree) {
                return Optional.of(new XdmNode(node));
            }
        }
        return Optional.empty();
    }

    private static XmlError at(String code, XdmNode node, String message) {
        XdmNode element = node.getNodeKind() == XdmNodeKind.DOCUMENT ? Format.rootElement(node) : node;
        return new XmlError(code, Math.max(0, node.getLineNumber()), Math.max(0, node.getColumnNumber()),
                NodePaths.of(element), message);
    }

    /** A stylesheet's system id as a person finds the file: relative to the project root when it is inside it. */
    private String stylesheetName(String systemId) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(java.net.URI.create(systemId));
            java.nio.file.Path home = registry.home().toAbsolutePath().normalize();
            return file.startsWith(home) ? home.relativize(file).toString() : file.toString();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return systemId;
        }
    }

    private static String recordIdOf(XdmNode root) {
        for (XdmNode child : root.children("Header")) {
            for (XdmNode id : child.children("RecordId")) {
                return id.getStringValue();
            }
        }
        return "";
    }
}
