package org.wcoecom.adapter.xml;

import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * Compiles the project's XSD files once and shares the compiled {@link Schema} (thread-safe) by
 * path. Imports of the W3C XML-DSig schema resolve to the copy inside Apache Santuario, so the
 * project keeps no copy of it; imports and includes named in the schema catalog resolve through it.
 */
public final class SchemaCompiler {

    private static final String XMLDSIG_FILE = "xmldsig-core-schema.xsd";
    private static final String XMLDSIG_RESOURCE = "bindings/schemas/xmldsig-core-schema.xsd";

    private final Map<Path, Schema> compiled = new ConcurrentHashMap<>();
    private final SchemaCatalog catalog;

    public SchemaCompiler() {
        this(SchemaCatalog.empty());
    }

    public SchemaCompiler(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    public Schema compile(Path xsd) {
        Path key = xsd.toAbsolutePath().normalize();
        return compiled.computeIfAbsent(key, this::compileNow);
    }

    private Schema compileNow(Path xsd) {
        if (!Files.isRegularFile(xsd)) {
            throw new IllegalArgumentException("schema not found: " + xsd);
        }
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // our own schemas are files; the XML-DSig schema comes from a jar
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("cannot secure the schema factory", e);
        }
        factory.setResourceResolver(new BundledSchemaResolver(catalog));
        try {
            return factory.newSchema(new StreamSource(xsd.toFile()));
        } catch (SAXException e) {
            throw new IllegalArgumentException("schema " + xsd + " does not compile: " + e.getMessage(), e);
        }
    }

    /** How the XML-DSig import resolves here, for code that compiles the project's schemas with a factory of its own. */
    public static LSResourceResolver resolver() {
        return new BundledSchemaResolver(SchemaCatalog.empty());
    }

    /**
     * Sends the XML-DSig schema to Santuario's copy and names in the schema catalog to their files;
     * everything else resolves as usual.
     */
    private static final class BundledSchemaResolver implements LSResourceResolver {
        private final SchemaCatalog catalog;

        BundledSchemaResolver(SchemaCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId, String baseURI) {
            if (systemId == null) {
                return null;
            }
            java.util.Optional<java.net.URI> listed = catalog.lookup(systemId).or(() -> absolute(systemId, baseURI).flatMap(catalog::lookup));
            if (listed.isPresent()) {
                try {
                    return new UrlInput(listed.get().toURL(), publicId);
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException("schema catalog entry " + systemId + " -> " + listed.get() + " is no URL", e);
                }
            }
            if (!systemId.endsWith(XMLDSIG_FILE)) {
                return null;
            }
            URL url = SchemaCompiler.class.getClassLoader().getResource(XMLDSIG_RESOURCE);
            if (url == null) {
                throw new IllegalStateException(XMLDSIG_RESOURCE + " is missing from the classpath (org.apache.santuario:xmlsec)");
            }
            return new UrlInput(url, publicId);
        }
    }

    private static java.util.Optional<String> absolute(String systemId, String baseURI) {
        try {
            return baseURI == null ? java.util.Optional.empty()
                    : java.util.Optional.of(java.net.URI.create(baseURI).resolve(systemId).toString());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static final class UrlInput implements LSInput {
        private final URL url;
        private final String publicId;

        UrlInput(URL url, String publicId) {
            this.url = url;
            this.publicId = publicId;
        }

        @Override
        public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + url, e);
            }
        }

        @Override public String getSystemId() { return url.toExternalForm(); }
        @Override public String getPublicId() { return publicId; }
        @Override public Reader getCharacterStream() { return null; }
        @Override public String getStringData() { return null; }
        @Override public String getBaseURI() { return null; }
        @Override public String getEncoding() { return null; }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public void setByteStream(InputStream s) { }
        @Override public void setStringData(String s) { }
        @Override public void setSystemId(String s) { }
        @Override public void setPublicId(String s) { }
        @Override public void setBaseURI(String s) { }
        @Override public void setEncoding(String s) { }
        @Override public void setCertifiedText(boolean b) { }
    }
}
