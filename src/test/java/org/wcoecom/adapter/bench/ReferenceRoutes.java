package org.wcoecom.adapter.bench;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.validator.DefaultLSResourceResolver;
import org.apache.camel.component.validator.ValidatorResourceResolverFactory;
import org.apache.camel.language.xpath.XPathBuilder;
import org.wcoecom.adapter.xml.SchemaCompiler;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * What a team would write instead of the adapter, built only from stock Camel components the way
 * their documentation shows them, with the project's own schemas and stylesheets. Both take the
 * platform's CEB311 messages from {@code partner.demo-platform.in} and put what customs gets on the
 * customs queue, in one JMS transaction per message (the consumer's session, as the adapter's routes):
 *
 * <ul>
 * <li>{@link #whole}: {@code jms: → validator: → xslt-saxon: (to canonical, one c:Batch) → validator:
 * → xslt-saxon: (back to CEB311) → validator: → jms:}, one message out per message in;
 * <li>{@link #splitting}: the same to the canonical batch, then {@code split} (XPath on the batch's
 * documents) {@code → xslt-saxon: (back to CEB311) → validator: → jms:}, one message per record: the
 * per-record work of the adapter's forward path.
 * </ul>
 * Neither checks duplicates or senders, cross-checks, answers the partner or keeps an audit trail.
 */
final class ReferenceRoutes {

    static final String IN = "partner." + Traffic.PLATFORM + ".in";
    static final String OUT = "customs.ceb.out";
    private static final String CANONICAL_NS = "urn:wco-ecom-adapter:canonical:1";

    private ReferenceRoutes() {
    }

    /**
     * The CEB schemas import XML-DSig, which the project takes from Santuario's jar: the validator's
     * own resolver for everything else, the project's for that one.
     */
    static void bindResolvers(CamelContext camel) {
        camel.getRegistry().bind("schemaResolvers", (ValidatorResourceResolverFactory) (context, root) -> {
            LSResourceResolver bundled = SchemaCompiler.resolver();
            LSResourceResolver relative = new DefaultLSResourceResolver(context, root);
            return (type, ns, publicId, systemId, base) -> {
                LSInput in = bundled.resolveResource(type, ns, publicId, systemId, base);
                return in != null ? in : relative.resolveResource(type, ns, publicId, systemId, base);
            };
        });
    }

    static RouteBuilder whole(Path home, int threads) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + IN + "?concurrentConsumers=" + threads)
                        .routeId("reference")
                        .to(cebSchema(home))
                        .to(toCanonicalBatch(home))
                        .to(canonicalSchema(home))
                        .to(fromCanonical(home))
                        .to(cebSchema(home))
                        .to("jms:queue:" + OUT);
            }
        };
    }

    static RouteBuilder splitting(Path home, int threads) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + IN + "?concurrentConsumers=" + threads)
                        .routeId("reference-splitting")
                        .to(cebSchema(home))
                        .to(toCanonicalBatch(home))
                        .to(canonicalSchema(home))
                        .split(new XPathBuilder("/c:Batch/*").namespace("c", CANONICAL_NS))
                            .to(fromCanonical(home))
                            .to(cebSchema(home))
                            .to("jms:queue:" + OUT)
                        .end();
            }
        };
    }

    private static String cebSchema(Path home) {
        return "validator:file:" + home.resolve("xsd/ceb/ceb-import.xsd") + "?resourceResolverFactory=#schemaResolvers";
    }

    private static String canonicalSchema(Path home) {
        return "validator:file:" + home.resolve("xsd/canonical/canonical.xsd") + "?resourceResolverFactory=#schemaResolvers";
    }

    private static String toCanonicalBatch(Path home) {
        return "xslt-saxon:file:" + home.resolve("mappings/bench/ceb311-to-canonical-batch.xsl");
    }

    private static String fromCanonical(Path home) {
        return "xslt-saxon:file:" + home.resolve("mappings/ceb311/from-canonical.xsl");
    }
}
