package org.wcoecom.adapter.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.xml.Saxon;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** XML helpers for tests: comparing, parsing, querying, validating against a schema file. */
public final class Xml {

    private Xml() {
    }

    /**
     * Same elements, attributes and text, ignoring whitespace between elements, comments and XML
     * signatures (a signature is made anew each time a message is written).
     */
    public static void assertSimilar(byte[] expected, byte[] actual, String what) {
        // the comparison `format check` makes
        List<String> differences = org.wcoecom.adapter.tooling.GoldenFiles.differences(expected, actual);
        assertTrue(differences.isEmpty(), () -> what + " differs from the golden file:\n" + String.join("\n", differences)
                + "\n--- actual ---\n" + new String(actual, StandardCharsets.UTF_8));
    }

    public static XdmNode parse(byte[] xml) {
        try {
            return Saxon.documentBuilder().build(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    public static XdmNode parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** String values of an XPath over a document; the prefixes ceb and c are declared. */
    public static List<String> values(XdmNode doc, String xpath) {
        try {
            XPathCompiler c = Saxon.processor().newXPathCompiler();
            c.declareNamespace("ceb", "http://www.chinaport.gov.cn/ceb");
            c.declareNamespace("c", "urn:wco-ecom-adapter:canonical:1");
            List<String> out = new ArrayList<>();
            for (XdmItem i : c.evaluate(xpath, doc)) {
                out.add(i.getStringValue());
            }
            return out;
        } catch (SaxonApiException e) {
            throw new IllegalStateException(xpath, e);
        }
    }

    public static String value(XdmNode doc, String xpath) {
        List<String> v = values(doc, xpath);
        return v.isEmpty() ? null : v.get(0);
    }

    /** A schema compiled straight from files (for the official schemas, kept out of the project). */
    public static Schema schema(File xsd) {
        try {
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return f.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The validation errors of a document, empty when it is valid. */
    public static List<String> errors(Schema schema, byte[] xml) {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { errors.add("fatal " + e.getMessage()); }
        });
        try {
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | java.io.IOException e) {
            if (errors.isEmpty()) {
                errors.add("fatal " + e.getMessage());
            }
        }
        return errors;
    }
}
