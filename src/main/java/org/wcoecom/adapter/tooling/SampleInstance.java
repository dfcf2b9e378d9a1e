package org.wcoecom.adapter.tooling;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.namespace.QName;
import javax.xml.transform.sax.SAXSource;

import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

import org.wcoecom.adapter.xml.Saxon;
import org.wcoecom.adapter.xml.SchemaCatalog;
import org.wcoecom.adapter.xml.SecureXml;
import org.xml.sax.InputSource;

/**
 * A small message a schema accepts, for a new format's first example: the root element with what
 * the schema requires and nothing more (each required element once, a choice's first workable
 * branch, required attributes), and values the types allow (an enumeration's first value, a
 * pattern's shortest match, the element's own name for free text). It reads the schema documents
 * itself (includes, imports, chameleon includes, named and anonymous types, groups, extensions and
 * restrictions); the caller validates what it makes. Not handled: a required {@code xs:any}, an
 * abstract element, identity constraints, XSD 1.1 assertions.
 */
final class SampleInstance {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static final int MAX_DEPTH = 40;

    /** A schema document: its effective target namespace (a chameleon include takes its includer's) and forms. */
    private record Doc(String targetNamespace, boolean elementsQualified, boolean attributesQualified) {
    }

    /** A global component and the document it is declared in. */
    private record Component(XdmNode node, Doc doc) {
    }

    /** The element tree being made. */
    static final class Element {
        final String namespace;
        final String name;
        final Map<QName, String> attributes = new LinkedHashMap<>();
        final List<Object> content = new ArrayList<>();

        Element(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }
    }

    private final Map<String, Map<QName, Component>> globals = new HashMap<>();
    private final List<Path> loaded = new ArrayList<>();
    private final SchemaCatalog catalog;
    private final Deque<QName> stack = new ArrayDeque<>();
    private int ids;

    private SampleInstance(SchemaCatalog catalog) {
        this.catalog = catalog;
        for (String kind : List.of("element", "complexType", "simpleType", "group", "attributeGroup", "attribute")) {
            globals.put(kind, new HashMap<>());
        }
    }

    /** The serialized sample (UTF-8, indented) of the root element declared in the schema. */
    static String of(Path schema, QName root, SchemaCatalog catalog) {
        SampleInstance s = new SampleInstance(catalog);
        s.load(schema, Optional.empty());
        Component decl = s.globals.get("element").get(root);
        if (decl == null) {
            throw new IllegalArgumentException("the schema declares no global element " + root + "; it declares "
                    + s.globals.get("element").keySet());
        }
        Element e = s.element(decl.node(), decl.doc(), true)
                .orElseThrow(() -> new IllegalArgumentException("no sample of " + root + " could be made from the schema"));
        return serialize(e);
    }

    /** The global element declarations of a schema (and what it includes and imports). */
    static List<QName> globalElements(Path schema, SchemaCatalog catalog) {
        SampleInstance s = new SampleInstance(catalog);
        s.load(schema, Optional.empty());
        return List.copyOf(s.globals.get("element").keySet());
    }

    // ---- reading the schema documents

    private void load(Path file, Optional<String> chameleonNamespace) {
        Path key = file.toAbsolutePath().normalize();
        if (loaded.contains(key) || !Files.isRegularFile(key)) {
            return;
        }
        loaded.add(key);
        XdmNode schema;
        try {
            schema = org.wcoecom.adapter.format.Format.rootElement(Saxon.documentBuilder().build(new SAXSource(SecureXml.newReader(),
                    new InputSource(key.toUri().toString()))));
        } catch (SaxonApiException e) {
            throw new IllegalArgumentException("schema " + key + " cannot be read: " + e.getMessage(), e);
        }
        String tns = attr(schema, "targetNamespace").orElse(chameleonNamespace.orElse(""));
        Doc doc = new Doc(tns, "qualified".equals(attr(schema, "elementFormDefault").orElse("")),
                "qualified".equals(attr(schema, "attributeFormDefault").orElse("")));
        for (XdmNode child : xsChildren(schema)) {
            String local = child.getNodeName().getLocalName();
            switch (local) {
                case "include", "redefine", "override" -> attr(child, "schemaLocation")
                        .ifPresent(loc -> locate(key, loc).ifPresent(p -> loadPart(p, attr(schema, "targetNamespace").isPresent()
                                ? Optional.of(tns) : chameleonNamespace)));
                case "import" -> attr(child, "schemaLocation").ifPresent(loc -> locate(key, loc).ifPresent(p -> loadPart(p, Optional.empty())));
                default -> {
                    Map<QName, Component> table = globals.get(local);
                    Optional<String> name = attr(child, "name");
                    if (table != null && name.isPresent()) {
                        table.putIfAbsent(new QName(tns, name.get()), new Component(child, doc));
                    }
                }
            }
        }
    }

    /**
     * An included or imported document: one that cannot be read here (the W3C signature schema has a
     * DOCTYPE, which no XML the adapter reads may have) is left out; a sample needs it only when its
     * elements are required, and the validation of the sample says so then.
     */
    private void loadPart(Path file, Optional<String> chameleonNamespace) {
        try {
            load(file, chameleonNamespace);
        } catch (IllegalArgumentException e) {
            // see above
        }
    }

    private Optional<Path> locate(Path from, String location) {
        Optional<URI> listed = catalog.lookup(location).or(() -> catalog.lookup(from.toUri().resolve(location).toString()));
        try {
            return Optional.of(Path.of(listed.orElse(from.toUri().resolve(location))));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    // ---- making the sample

    private Optional<Element> element(XdmNode decl, Doc doc, boolean global) {
        Optional<String> ref = attr(decl, "ref");
        if (ref.isPresent()) {
            Component target = globals.get("element").get(resolve(decl, ref.get(), doc));
            return target == null ? Optional.empty() : element(target.node(), target.doc(), true);
        }
        if ("true".equals(attr(decl, "abstract").orElse(""))) {
            return Optional.empty();
        }
        String name = attr(decl, "name").orElseThrow();
        boolean qualified = global || attr(decl, "form").map("qualified"::equals).orElse(doc.elementsQualified());
        QName qname = new QName(qualified ? doc.targetNamespace() : "", name);
        if (stack.size() > MAX_DEPTH || stack.stream().filter(qname::equals).count() > 1) {
            return Optional.empty();
        }
        stack.push(qname);
        try {
            Element e = new Element(qname.getNamespaceURI(), name);
            Optional<String> fixed = attr(decl, "fixed").or(() -> attr(decl, "default"));
            Optional<XdmNode> inlineComplex = xsChild(decl, "complexType");
            Optional<XdmNode> inlineSimple = xsChild(decl, "simpleType");
            Optional<String> type = attr(decl, "type");
            boolean ok;
            if (inlineComplex.isPresent()) {
                ok = complexType(e, inlineComplex.get(), doc, fixed);
            } else if (inlineSimple.isPresent()) {
                e.content.add(fixed.orElseGet(() -> simpleValue(inlineSimple.get(), doc, name)));
                ok = true;
            } else if (type.isPresent()) {
                ok = typed(e, resolve(decl, type.get(), doc), fixed, name);
            } else {
                fixed.ifPresent(e.content::add);
                ok = true;
            }
            return ok ? Optional.of(e) : Optional.empty();
        } finally {
            stack.pop();
        }
    }

    /** Content of a named type: a built-in, a simple type or a complex type. */
    private boolean typed(Element e, QName type, Optional<String> fixed, String hint) {
        if (XS.equals(type.getNamespaceURI())) {
            if (!"anyType".equals(type.getLocalPart())) {
                e.content.add(fixed.orElseGet(() -> builtin(type.getLocalPart(), new Facets(), hint)));
            }
            return true;
        }
        Component simple = globals.get("simpleType").get(type);
        if (simple != null) {
            e.content.add(fixed.orElseGet(() -> simpleValue(simple.node(), simple.doc(), hint)));
            return true;
        }
        Component complex = globals.get("complexType").get(type);
        return complex != null && complexType(e, complex.node(), complex.doc(), fixed);
    }

    private boolean complexType(Element e, XdmNode type, Doc doc, Optional<String> fixed) {
        Optional<XdmNode> simpleContent = xsChild(type, "simpleContent");
        if (simpleContent.isPresent()) {
            XdmNode derivation = xsChildren(simpleContent.get()).get(0);
            QName base = resolve(derivation, attr(derivation, "base").orElse("xs:string"), doc);
            Facets facets = new Facets();
            facets.add(derivation);
            e.content.add(fixed.orElseGet(() -> simpleContentValue(base, facets, e.name)));
            attributes(e, derivation, doc);
            baseAttributes(e, base);
            return true;
        }
        Optional<XdmNode> complexContent = xsChild(type, "complexContent");
        if (complexContent.isPresent()) {
            XdmNode derivation = xsChildren(complexContent.get()).get(0);
            QName base = resolve(derivation, attr(derivation, "base").orElse("xs:anyType"), doc);
            if ("extension".equals(derivation.getNodeName().getLocalName()) && !XS.equals(base.getNamespaceURI())) {
                Component b = globals.get("complexType").get(base);
                if (b == null || !complexType(e, b.node(), b.doc(), Optional.empty())) {
                    return false;
                }
            }
            attributes(e, derivation, doc);
            return particles(e, derivation, doc);
        }
        attributes(e, type, doc);
        fixed.ifPresent(e.content::add);
        return particles(e, type, doc);
    }

    /** The required attributes declared directly in a type or derivation, and in its attribute groups. */
    private void attributes(Element e, XdmNode holder, Doc doc) {
        for (XdmNode a : xsChildren(holder)) {
            String local = a.getNodeName().getLocalName();
            if ("attribute".equals(local) && "required".equals(attr(a, "use").orElse(""))) {
                attribute(e, a, doc);
            } else if ("attributeGroup".equals(local) && attr(a, "ref").isPresent()) {
                Component g = globals.get("attributeGroup").get(resolve(a, attr(a, "ref").get(), doc));
                if (g != null) {
                    attributes(e, g.node(), g.doc());
                }
            }
        }
    }

    private void baseAttributes(Element e, QName base) {
        Component b = globals.get("complexType").get(base);
        if (b != null) {
            xsChild(b.node(), "simpleContent").ifPresent(sc -> {
                XdmNode derivation = xsChildren(sc).get(0);
                attributes(e, derivation, b.doc());
            });
        }
    }

    private void attribute(Element e, XdmNode a, Doc doc) {
        Optional<String> ref = attr(a, "ref");
        XdmNode decl = a;
        Doc declDoc = doc;
        QName name;
        if (ref.isPresent()) {
            name = resolve(a, ref.get(), doc);
            Component global = globals.get("attribute").get(name);
            if (global != null) {
                decl = global.node();
                declDoc = global.doc();
            }
        } else {
            boolean qualified = attr(a, "form").map("qualified"::equals).orElse(doc.attributesQualified());
            name = new QName(qualified ? doc.targetNamespace() : "", attr(a, "name").orElseThrow());
        }
        XdmNode d = decl;
        Doc dd = declDoc;
        String value = attr(a, "fixed").or(() -> attr(d, "fixed")).or(() -> attr(a, "default")).orElseGet(() -> {
            Optional<XdmNode> inline = xsChild(d, "simpleType");
            if (inline.isPresent()) {
                return simpleValue(inline.get(), dd, name.getLocalPart());
            }
            QName type = resolve(d, attr(d, "type").orElse("xs:string"), dd);
            return simpleContentValue(type, new Facets(), name.getLocalPart());
        });
        e.attributes.put(name, value);
    }

    /** The particle a type or derivation holds (sequence, choice, all, group), if any. */
    private boolean particles(Element e, XdmNode holder, Doc doc) {
        for (XdmNode p : xsChildren(holder)) {
            if (List.of("sequence", "choice", "all", "group").contains(p.getNodeName().getLocalName())) {
                return particle(e, p, doc);
            }
        }
        return true;
    }

    private boolean particle(Element e, XdmNode p, Doc doc) {
        int min = Integer.parseInt(attr(p, "minOccurs").orElse("1"));
        for (int i = 0; i < min; i++) {
            if (!particleOnce(e, p, doc)) {
                return false;
            }
        }
        return true;
    }

    private boolean particleOnce(Element e, XdmNode p, Doc doc) {
        switch (p.getNodeName().getLocalName()) {
            case "element" -> {
                Optional<Element> child = element(p, doc, false);
                child.ifPresent(e.content::add);
                return child.isPresent();
            }
            case "sequence", "all" -> {
                for (XdmNode c : xsChildren(p)) {
                    if (!c.getNodeName().getLocalName().equals("annotation") && !particle(e, c, doc)) {
                        return false;
                    }
                }
                return true;
            }
            case "choice" -> {
                for (XdmNode c : xsChildren(p)) {
                    if (c.getNodeName().getLocalName().equals("annotation")) {
                        continue;
                    }
                    Element trial = new Element(e.namespace, e.name);
                    if (particleOnceOrMore(trial, c, doc)) {
                        e.content.addAll(trial.content);
                        e.attributes.putAll(trial.attributes);
                        return true;
                    }
                }
                return false;
            }
            case "group" -> {
                Component g = globals.get("group").get(resolve(p, attr(p, "ref").orElseThrow(), doc));
                return g != null && particles(e, g.node(), g.doc());
            }
            case "any" -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /** A choice's branch at least once, even when it is optional (an empty branch would say nothing). */
    private boolean particleOnceOrMore(Element e, XdmNode p, Doc doc) {
        int min = Math.max(1, Integer.parseInt(attr(p, "minOccurs").orElse("1")));
        for (int i = 0; i < min; i++) {
            if (!particleOnce(e, p, doc)) {
                return false;
            }
        }
        return true;
    }

    // ---- values

    /** The facets of a simple type chain, the most derived first. */
    static final class Facets {
        final List<String> enumerations = new ArrayList<>();
        final List<String> patterns = new ArrayList<>();
        Integer length;
        Integer minLength;
        Integer maxLength;
        BigDecimal minInclusive;
        BigDecimal minExclusive;
        BigDecimal maxInclusive;
        BigDecimal maxExclusive;

        void add(XdmNode restriction) {
            List<String> enums = new ArrayList<>();
            for (XdmNode f : xsChildren(restriction)) {
                String v = attr(f, "value").orElse("");
                switch (f.getNodeName().getLocalName()) {
                    case "enumeration" -> enums.add(v);
                    case "pattern" -> patterns.add(v);
                    case "length" -> length = length == null ? Integer.valueOf(v) : length;
                    case "minLength" -> minLength = minLength == null ? Integer.valueOf(v) : minLength;
                    case "maxLength" -> maxLength = maxLength == null ? Integer.valueOf(v) : maxLength;
                    case "minInclusive" -> minInclusive = minInclusive == null ? number(v) : minInclusive;
                    case "minExclusive" -> minExclusive = minExclusive == null ? number(v) : minExclusive;
                    case "maxInclusive" -> maxInclusive = maxInclusive == null ? number(v) : maxInclusive;
                    case "maxExclusive" -> maxExclusive = maxExclusive == null ? number(v) : maxExclusive;
                    default -> { }
                }
            }
            if (enumerations.isEmpty()) {
                enumerations.addAll(enums);
            }
        }

        private static BigDecimal number(String v) {
            try {
                return new BigDecimal(v.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private String simpleValue(XdmNode simpleType, Doc doc, String hint) {
        Facets facets = new Facets();
        XdmNode current = simpleType;
        Doc currentDoc = doc;
        for (int depth = 0; depth < 30; depth++) {
            Optional<XdmNode> restriction = xsChild(current, "restriction");
            Optional<XdmNode> list = xsChild(current, "list");
            Optional<XdmNode> union = xsChild(current, "union");
            if (list.isPresent()) {
                Optional<XdmNode> inline = xsChild(list.get(), "simpleType");
                String item = inline.isPresent() ? simpleValue(inline.get(), currentDoc, hint)
                        : simpleContentValue(resolve(list.get(), attr(list.get(), "itemType").orElse("xs:string"), currentDoc), new Facets(), hint);
                return facets.enumerations.isEmpty() ? item : facets.enumerations.get(0);
            }
            if (union.isPresent()) {
                Optional<XdmNode> inline = xsChild(union.get(), "simpleType");
                if (inline.isPresent()) {
                    return simpleValue(inline.get(), currentDoc, hint);
                }
                String first = attr(union.get(), "memberTypes").orElse("xs:string").trim().split("\\s+")[0];
                return simpleContentValue(resolve(union.get(), first, currentDoc), facets, hint);
            }
            if (restriction.isEmpty()) {
                break;
            }
            facets.add(restriction.get());
            Optional<XdmNode> inline = xsChild(restriction.get(), "simpleType");
            if (inline.isPresent()) {
                current = inline.get();
                continue;
            }
            QName base = resolve(restriction.get(), attr(restriction.get(), "base").orElse("xs:string"), currentDoc);
            if (XS.equals(base.getNamespaceURI())) {
                return builtin(base.getLocalPart(), facets, hint);
            }
            Component next = globals.get("simpleType").get(base);
            if (next == null) {
                return builtin("string", facets, hint);
            }
            current = next.node();
            currentDoc = next.doc();
        }
        return builtin("string", facets, hint);
    }

    /** A value of a type named in a simple content or attribute: built-in, simple or a complex type with simple content. */
    private String simpleContentValue(QName type, Facets facets, String hint) {
        if (XS.equals(type.getNamespaceURI())) {
            return builtin(type.getLocalPart(), facets, hint);
        }
        Component simple = globals.get("simpleType").get(type);
        if (simple != null) {
            if (facets.enumerations.isEmpty() && facets.patterns.isEmpty() && facets.maxLength == null && facets.length == null) {
                return simpleValue(simple.node(), simple.doc(), hint);
            }
            // the derivation's own facets first, then the base type's
            XdmNode wrapper = simple.node();
            Optional<XdmNode> restriction = xsChild(wrapper, "restriction");
            if (restriction.isPresent()) {
                facets.add(restriction.get());
                return simpleContentValue(resolve(restriction.get(), attr(restriction.get(), "base").orElse("xs:string"), simple.doc()),
                        facets, hint);
            }
            return simpleValue(simple.node(), simple.doc(), hint);
        }
        Component complex = globals.get("complexType").get(type);
        if (complex != null) {
            Optional<XdmNode> sc = xsChild(complex.node(), "simpleContent");
            if (sc.isPresent()) {
                XdmNode derivation = xsChildren(sc.get()).get(0);
                facets.add(derivation);
                return simpleContentValue(resolve(derivation, attr(derivation, "base").orElse("xs:string"), complex.doc()), facets, hint);
            }
        }
        return builtin("string", facets, hint);
    }

    private String builtin(String type, Facets f, String hint) {
        if (!f.enumerations.isEmpty()) {
            return f.enumerations.get(0);
        }
        if (!f.patterns.isEmpty()) {
            String s = RegexSample.of(f.patterns.get(0));
            return fitLength(s, f, 'A');
        }
        return switch (type) {
            case "boolean" -> "true";
            case "date" -> "2026-01-01";
            case "dateTime", "dateTimeStamp" -> "2026-01-01T00:00:00";
            case "time" -> "00:00:00";
            case "gYear" -> "2026";
            case "gYearMonth" -> "2026-01";
            case "gMonthDay" -> "--01-01";
            case "gMonth" -> "--01";
            case "gDay" -> "---01";
            case "duration", "dayTimeDuration" -> "P1D";
            case "yearMonthDuration" -> "P1M";
            case "anyURI" -> "urn:example:" + identifier(hint);
            case "base64Binary" -> "AAAA";
            case "hexBinary" -> "00";
            case "language" -> "en";
            case "QName", "NOTATION" -> identifier(hint);
            case "ID" -> identifier(hint) + (++ids);
            case "decimal", "integer", "int", "long", "short", "byte", "float", "double", "nonNegativeInteger",
                 "positiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte" -> number(f);
            case "nonPositiveInteger" -> "0";
            case "negativeInteger" -> "-1";
            case "Name", "NCName", "NMTOKEN", "NMTOKENS", "IDREF", "IDREFS", "ENTITY", "ENTITIES" -> fitLength(identifier(hint), f, 'X');
            default -> fitLength(hint, f, 'X');
        };
    }

    private static String number(Facets f) {
        BigDecimal v = BigDecimal.ONE;
        if (f.minInclusive != null && v.compareTo(f.minInclusive) < 0) {
            v = f.minInclusive;
        }
        if (f.minExclusive != null && v.compareTo(f.minExclusive) <= 0) {
            v = f.minExclusive.add(BigDecimal.ONE);
        }
        if (f.maxInclusive != null && v.compareTo(f.maxInclusive) > 0) {
            v = f.maxInclusive;
        }
        if (f.maxExclusive != null && v.compareTo(f.maxExclusive) >= 0) {
            v = f.maxExclusive.subtract(BigDecimal.ONE);
        }
        return v.stripTrailingZeros().toPlainString();
    }

    private static String fitLength(String s, Facets f, char pad) {
        int min = f.length != null ? f.length : f.minLength != null ? f.minLength : 1;
        int max = f.length != null ? f.length : f.maxLength != null ? f.maxLength : Integer.MAX_VALUE;
        StringBuilder b = new StringBuilder(s.isEmpty() && min > 0 ? String.valueOf(pad) : s);
        while (b.length() < min) {
            b.append(pad);
        }
        return b.length() > max ? b.substring(0, max) : b.toString();
    }

    private static String identifier(String hint) {
        String s = hint.replaceAll("[^A-Za-z0-9_.-]", "");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "X" + s : s;
    }

    // ---- schema document helpers

    private static QName resolve(XdmNode at, String prefixed, Doc doc) {
        String value = prefixed.trim();
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? "" : value.substring(0, colon);
        String local = colon < 0 ? value : value.substring(colon + 1);
        String uri = namespaceOf(at, prefix);
        if (uri == null) {
            // no default namespace: a chameleon include's references are its includer's
            uri = prefix.isEmpty() ? doc.targetNamespace() : "";
        }
        return new QName(uri, local);
    }

    /** The namespace a prefix is bound to at a schema node; null when the prefix (or the default) is not bound. */
    private static String namespaceOf(XdmNode at, String prefix) {
        var uri = at.getUnderlyingNode().getAllNamespaces().getURIForPrefix(prefix, true);
        return uri == null || uri.toString().isEmpty() ? null : uri.toString();
    }

    private static Optional<String> attr(XdmNode node, String name) {
        String v = node.getAttributeValue(new net.sf.saxon.s9api.QName(name));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static List<XdmNode> xsChildren(XdmNode node) {
        List<XdmNode> result = new ArrayList<>();
        for (XdmNode c : node.children()) {
            if (c.getNodeKind() == XdmNodeKind.ELEMENT && XS.equals(c.getNodeName().getNamespace())
                    && !"annotation".equals(c.getNodeName().getLocalName())) {
                result.add(c);
            }
        }
        return result;
    }

    private static Optional<XdmNode> xsChild(XdmNode node, String local) {
        return xsChildren(node).stream().filter(c -> c.getNodeName().getLocalName().equals(local)).findFirst();
    }

    // ---- writing

    private static String serialize(Element root) {
        List<String> namespaces = new ArrayList<>();
        boolean[] unqualified = {false};
        collect(root, namespaces, unqualified);
        // elements in no namespace (elementFormDefault unqualified) cannot sit under a default namespace
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (int i = 0; i < namespaces.size(); i++) {
            prefixes.put(namespaces.get(i), i == 0 && !unqualified[0] ? "" : "n" + i);
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(root, prefixes, out, 0, true);
        return out.toString();
    }

    private static void collect(Element e, List<String> namespaces, boolean[] unqualified) {
        if (e.namespace.isEmpty()) {
            unqualified[0] = true;
        } else if (!namespaces.contains(e.namespace)) {
            namespaces.add(e.namespace);
        }
        e.attributes.keySet().stream().map(QName::getNamespaceURI).filter(ns -> !ns.isEmpty() && !namespaces.contains(ns))
                .forEach(namespaces::add);
        e.content.stream().filter(Element.class::isInstance).forEach(c -> collect((Element) c, namespaces, unqualified));
    }

    private static void write(Element e, Map<String, String> prefixes, StringBuilder out, int depth, boolean root) {
        String name = qualified(e.namespace, e.name, prefixes);
        out.append("  ".repeat(depth)).append('<').append(name);
        if (root) {
            prefixes.forEach((ns, p) -> out.append(p.isEmpty() ? " xmlns=\"" : " xmlns:" + p + "=\"").append(escape(ns)).append('"'));
        }
        e.attributes.forEach((q, v) -> out.append(' ').append(q.getNamespaceURI().isEmpty() ? q.getLocalPart()
                : prefixes.get(q.getNamespaceURI()) + ":" + q.getLocalPart()).append("=\"").append(escape(v)).append('"'));
        boolean elementsOnly = e.content.stream().allMatch(Element.class::isInstance);
        if (e.content.isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append('>');
        if (elementsOnly) {
            out.append('\n');
            e.content.forEach(c -> write((Element) c, prefixes, out, depth + 1, false));
            out.append("  ".repeat(depth));
        } else {
            e.content.forEach(c -> out.append(c instanceof String s ? escape(s) : ""));
        }
        out.append("</").append(name).append(">\n");
    }

    private static String qualified(String namespace, String local, Map<String, String> prefixes) {
        // an element in no namespace under a default namespace would need xmlns="": the root's namespace has a prefix then
        String p = namespace.isEmpty() ? "" : prefixes.get(namespace);
        return p == null || p.isEmpty() ? local : p + ":" + local;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
