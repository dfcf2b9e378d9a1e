package org.wcoecom.adapter.runtime;

import java.util.Optional;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.ConnectionFactories;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.security.Credentials;
import org.wcoecom.adapter.security.ServerTls;
import org.wcoecom.adapter.settings.Settings;

/**
 * The adapter's broker, for operator commands: as the operator on the broker's operator acceptor
 * ({@code adapter.broker.operator-host}/{@code -port}, loopback by default; the partners' acceptor
 * refuses the operator) when the adapter runs; when it is stopped, its embedded broker is opened
 * on the data folder's journal for the time of the command (the same users, no partner can
 * connect meanwhile: it listens on loopback only).
 */
public final class OperatorBroker implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;
    private final String user;
    private final String password;
    private final EmbeddedBroker opened;
    private final String description;

    private OperatorBroker(ActiveMQConnectionFactory factory, String user, String password, EmbeddedBroker opened, String description) {
        this.factory = factory;
        this.user = user;
        this.password = password;
        this.opened = opened;
        this.description = description;
    }

    public static OperatorBroker open(Settings settings) throws Exception {
        Optional<String> external = settings.optional("adapter.broker.url");
        if (external.isPresent()) {
            return new OperatorBroker(ConnectionFactories.artemis(external.get()), settings.optional("adapter.broker.user").orElse(null),
                    settings.optional("adapter.broker.password").orElse(null), null, "external broker " + external.get());
        }
        PartnerDirectory partners = PartnersFile.read(settings);
        Credentials credentials = Credentials.load(settings, partners);
        String operatorPassword = credentials.brokerPassword(BrokerUsers.OPERATOR).orElseThrow(() -> new IllegalStateException(
                "no operator broker password: set ADAPTER_SECRET_OPERATOR_BROKER_PASSWORD or " + credentials.secretsFile()));
        String host = settings.get("adapter.broker.operator-host");
        String reachable = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        int port = settings.integer("adapter.broker.operator-port");
        if (!Ports.isFree(reachable, port)) {
            String url = "tcp://" + reachable + ":" + port;
            Optional<ServerTls> tls = ServerTls.from(settings);
            String connect = url;
            if (tls.isPresent() && !EmbeddedBroker.isLoopback(reachable)) {
                // the operator acceptor speaks TLS off loopback: trust the adapter's own certificate
                connect += "?sslEnabled=true&trustStoreType=PKCS12&trustStorePath=" + encode(tls.get().keystore().toString())
                        + "&trustStorePassword=" + encode(tls.get().password());
            }
            return new OperatorBroker(ConnectionFactories.artemis(connect), BrokerUsers.OPERATOR, operatorPassword, null,
                    "the running adapter's broker at " + url);
        }
        EmbeddedBroker broker = AdapterRuntime.embeddedBroker(settings, credentials, partners,
                org.wcoecom.adapter.pipeline.Routing.load(settings.home()), "127.0.0.1", UUID.randomUUID().toString(),
                ServerTls.from(settings));
        broker.start();
        return new OperatorBroker(ConnectionFactories.artemis(broker.inVmUrl()), BrokerUsers.OPERATOR, operatorPassword, broker,
                "the stopped adapter's journal in " + broker.journalDir());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public ConnectionFactory factory() {
        return factory;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Which broker this is, for people. */
    public String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        factory.close();
        if (opened != null) {
            opened.close();
        }
    }
}
