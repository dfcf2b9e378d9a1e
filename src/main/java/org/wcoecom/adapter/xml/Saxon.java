package org.wcoecom.adapter.xml;

import net.sf.saxon.Configuration;
import net.sf.saxon.lib.ErrorReporter;
import net.sf.saxon.lib.StandardErrorReporter;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XmlProcessingError;

/** The one Saxon processor of the application: compiled stylesheets and trees must share it. */
public final class Saxon {

    private static final Processor PROCESSOR = newProcessor();

    private Saxon() {
    }

    private static Processor newProcessor() {
        Processor processor = new Processor(false);
        processor.getUnderlyingConfiguration().setErrorReporterFactory(LazyErrorReporter::new);
        // trees a stylesheet builds then remember, for each element, the instruction that wrote it:
        // an output that breaks its schema is reported with the stylesheet line at fault
        processor.getUnderlyingConfiguration().setLineNumbering(true);
        return processor;
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

    /**
     * Saxon's standard error reporter, made when there is something to report. Saxon makes a
     * reporter for every transformation, and the standard one opens a writer on stderr each time:
     * 2–3% of the pipeline's CPU in the bench profile, for reports that almost never come.
     */
    private static final class LazyErrorReporter implements ErrorReporter {
        private final Configuration config;
        private StandardErrorReporter standard;

        LazyErrorReporter(Configuration config) {
            this.config = config;
        }

        @Override
        public synchronized void report(XmlProcessingError error) {
            if (standard == null) {
                standard = new StandardErrorReporter();
                standard.setLogger(config.getLogger());
            }
            standard.report(error);
        }
    }
}
