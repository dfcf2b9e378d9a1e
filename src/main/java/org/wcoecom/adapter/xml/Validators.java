package org.wcoecom.adapter.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Schema validators kept per thread and schema. Creating one builds Xerces' whole component
 * manager, about a tenth of the cost of validating a typical message (bench profile); a handler
 * resets itself at the start of each document, so the next document on the same thread can use it.
 *
 * <p>A handler is taken out while in use and put back after, so a validation nested in another
 * one on the same thread gets a fresh handler instead of sharing one.
 */
public final class Validators {

    private static final ThreadLocal<Map<Schema, ValidatorHandler>> IDLE = ThreadLocal.withInitial(IdentityHashMap::new);
    private static final ThreadLocal<Map<Schema, Validator>> IDLE_STREAM = ThreadLocal.withInitial(IdentityHashMap::new);
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    /** Stops at the first error: the caller only wants a yes or no. */
    private static final ErrorHandler FIRST_ERROR_STOPS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private Validators() {
    }

    /** A validator for the schema, with no external schema or DTD access; give it back with {@link #release}. */
    public static ValidatorHandler take(Schema schema) {
        ValidatorHandler handler = IDLE.get().remove(schema);
        if (handler != null) {
            return handler;
        }
        handler = schema.newValidatorHandler();
        try {
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the schema validator cannot be hardened", e);
        }
        return handler;
    }

    /**
     * Whether a document the adapter serialized itself is valid. Xerces' own scanner feeds its
     * validator directly, which the bench measured cheaper than passing the tree's events through
     * SAX; it says only yes or no, so a caller that needs the errors validates the tree again.
     * No DOCTYPE and no external access: the bytes are ours, but the parser stays hardened.
     */
    public static boolean accepts(Schema schema, byte[] xml) {
        Map<Schema, Validator> idle = IDLE_STREAM.get();
        Validator validator = idle.remove(schema);
        if (validator == null) {
            validator = schema.newValidator();
            try {
                validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                validator.setFeature(DISALLOW_DOCTYPE, true);
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            } catch (SAXException e) {
                throw new IllegalStateException("the schema validator cannot be hardened", e);
            }
            validator.setErrorHandler(FIRST_ERROR_STOPS);
        }
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
            return true;
        } catch (SAXException | IOException e) {
            return false;
        } finally {
            idle.put(schema, validator);
        }
    }

    /** Puts the validator back for the thread's next document; it no longer holds the last one's handlers. */
    public static void release(Schema schema, ValidatorHandler handler) {
        handler.setContentHandler(null);
        handler.setErrorHandler(null);
        IDLE.get().put(schema, handler);
    }
}
