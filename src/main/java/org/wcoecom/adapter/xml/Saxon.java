package org.wcoecom.adapter.xml;

import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;

/** The one Saxon processor of the application: compiled stylesheets and trees must share it. */
public final class Saxon {

    private static final Processor PROCESSOR = new Processor(false);

    private Saxon() {
    }

    public static Processor processor() {
        return PROCESSOR;
    }

    /** A document builder that keeps line numbers, so mapping errors can point into the input. */
    public static DocumentBuilder documentBuilder() {
        DocumentBuilder builder = PROCESSOR.newDocumentBuilder();
        builder.setLineNumbering(true);
        return builder;
    }
}
