package org.wcoecom.adapter.xml;

import java.util.IdentityHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.SAXException;

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

    /** Puts the validator back for the thread's next document; it no longer holds the last one's handlers. */
    public static void release(Schema schema, ValidatorHandler handler) {
        handler.setContentHandler(null);
        handler.setErrorHandler(null);
        IDLE.get().put(schema, handler);
    }
}
