package org.wcoecom.adapter.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.validator.DefaultLSResourceResolver;
import org.apache.camel.component.validator.ValidatorResourceResolverFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.xml.SchemaCompiler;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * What a team would write instead of the adapter, built the way Camel's documentation shows it:
 * camel-jms on a plain connection factory, then validator:, xslt-saxon:, validator:, xslt-saxon:,
 * validator:, jms:, using the project's own schemas and stylesheets. It runs on an embedded
 * broker configured like the adapter's (persistent journal, the same users' model), so that only
 * the route differs. It does less than the adapter (no split into records, no duplicate check,
 * no cross-check, no receipts, no audit): a message is done when its translation arrives.
 */
final class ReferenceScenario {

    static final String IN = "reference.in";
    static final String OUT = "reference.out";
    private static final String INDEX = "BenchMessage";

    private final Path home;
    private final Path data;
    private final CorpusGenerator generator;

    ReferenceScenario(Path home, Path data, CorpusGenerator generator) {
        this.home = home;
        this.data = data;
        this.generator = generator;
    }

    List<Result> run(Mix mix, int threads, int senders, int window, double warmupSeconds, double seconds) throws Exception {
        String password = UUID.randomUUID().toString();
        EmbeddedBroker broker = new EmbeddedBroker(data, "127.0.0.1", FreePorts.next(), new BrokerUsers(password, password),
                new EmbeddedBroker.Redelivery(6, 1000, 2, 60_000), new EmbeddedBroker.AddressLimit(-1, "PAGE"));
        broker.start();
        var factory = new ActiveMQConnectionFactory(broker.tcpUrl(), BrokerUsers.ADAPTER, password);
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(factory));
            // the CEB schemas import XML-DSig, which the project takes from Santuario's jar: the
            // validator's own resolver for everything else, the project's for that one
            camel.getRegistry().bind("schemaResolvers", (ValidatorResourceResolverFactory) (context, root) -> {
                LSResourceResolver bundled = SchemaCompiler.resolver();
                LSResourceResolver relative = new DefaultLSResourceResolver(context, root);
                return (type, ns, publicId, systemId, base) -> {
                    LSInput in = bundled.resolveResource(type, ns, publicId, systemId, base);
                    return in != null ? in : relative.resolveResource(type, ns, publicId, systemId, base);
                };
            });
            camel.addRoutes(route(threads));
            camel.start();
            JmsLoad load = new JmsLoad(factory, IN, senders, mix, generator, new JmsLoad.Expectation() {
                @Override
                public int outputs(CorpusGenerator.GeneratedMessage message) {
                    return 1;
                }

                @Override
                public void track(long index, CorpusGenerator.GeneratedMessage message, Message sent) throws JMSException {
                    sent.setLongProperty(INDEX, index);
                }

                @Override
                public void sent(long index, Message sent) {
                }
            });
            try (load; Outputs out = new Outputs(factory, OUT, m -> arrived(load, m))) {
                Result full = load.saturate(window, warmupSeconds, seconds).result("reference", mix.name().toLowerCase(), threads, 0);
                double half = full.messagesPerSecond() / 2;
                Result paced = load.paced(half, seconds).result("reference @50%", mix.name().toLowerCase(), threads, half);
                return List.of(full, paced);
            }
        } finally {
            camel.close();
            factory.close();
            broker.close();
        }
    }

    private static void arrived(JmsLoad load, Message m) {
        try {
            load.arrived(m.getLongProperty(INDEX));
        } catch (JMSException e) {
            load.failed(e);
        }
    }

    private RouteBuilder route(int threads) {
        String cebSchema = "validator:file:" + home.resolve("xsd/ceb/ceb-import.xsd") + "?resourceResolverFactory=#schemaResolvers";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:" + IN + "?concurrentConsumers=" + threads)
                        .routeId("reference")
                        .to(cebSchema)
                        .to("xslt-saxon:file:" + home.resolve("mappings/bench/ceb311-to-canonical-batch.xsl"))
                        .to("validator:file:" + home.resolve("xsd/canonical/canonical.xsd") + "?resourceResolverFactory=#schemaResolvers")
                        .to("xslt-saxon:file:" + home.resolve("mappings/ceb311/from-canonical.xsl"))
                        .to(cebSchema)
                        .to("jms:queue:" + OUT);
            }
        };
    }
}
