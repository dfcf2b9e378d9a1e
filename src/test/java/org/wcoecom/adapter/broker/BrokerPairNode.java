package org.wcoecom.adapter.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.wcoecom.adapter.pipeline.Routing;
import org.wcoecom.adapter.support.Project;

/**
 * One broker of a replicated Artemis primary/backup pair, in a JVM of its own (started by the tests
 * with ProcessBuilder from the test classpath, killed with SIGKILL): its broker.xml is written into its
 * folder (replication, the primary checking for an active server before it serves, the backup handing
 * back to it), the users and roles are the adapter's (BrokerUsers, with the tests' passwords), and the
 * canonical addresses of mappings/routing.yaml are made with their queues. It prints its state on each
 * change ({@code pair-node primary state=ACTIVE}, {@code ... state=BACKUP-IN-SYNC}) for the test to wait on.
 *
 * <p>Arguments: {@code primary|backup FOLDER PORT PEER-PORT}. docs/cluster/ holds the production
 * broker.xml of such a pair.
 */
public final class BrokerPairNode {

    public static final String ADAPTER_PASSWORD = "adapter-secret";
    public static final String OPERATOR_PASSWORD = "operator-secret";
    public static final String CUSTOMS_PASSWORD = "customs-secret";
    public static final List<String> PARTNERS = List.of("demo-platform", "demo-payment", "demo-logistics");

    private BrokerPairNode() {
    }

    public static String partnerPassword(String partner) {
        return partner + "-secret";
    }

    /** The users of the tests' brokers: the adapter, the operator, the demo partners and customs. */
    public static BrokerUsers users() {
        BrokerUsers users = new BrokerUsers(ADAPTER_PASSWORD, OPERATOR_PASSWORD);
        PARTNERS.forEach(p -> users.partner(p, partnerPassword(p)));
        return users.customs(CUSTOMS_PASSWORD, "customs.ceb.out", "customs.ceb.in");
    }

    public static void main(String[] args) throws Exception {
        String role = args[0];
        Path dir = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        int peer = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        Path xml = dir.resolve("broker.xml");
        Files.writeString(xml, brokerXml(role, dir, port, peer));

        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(xml.toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();
        BrokerUsers users = users();
        users.applyTo(config);
        SecurityConfiguration security = users.securityConfiguration();
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), security));
        broker.start();
        ActiveMQServer server = broker.getActiveMQServer();
        String last = null;
        // until the test kills the JVM
        while (true) {
            String state = state(server);
            if (!Objects.equals(state, last)) {
                System.out.println("pair-node " + role + " state=" + state);
                System.out.flush();
                last = state;
            }
            Thread.sleep(100);
        }
    }

    private static String state(ActiveMQServer server) {
        if (server.isActive()) {
            return "ACTIVE";
        }
        if (server.isReplicaSync()) {
            return "BACKUP-IN-SYNC";
        }
        return String.valueOf(server.getState());
    }

    /** The node's broker.xml: the pair's HA policy and cluster connection, the adapter's address settings. */
    static String brokerXml(String role, Path dir, int port, int peer) {
        boolean primary = "primary".equals(role);
        String ha = primary
                ? "<primary><check-for-active-server>true</check-for-active-server></primary>"
                : "<backup><allow-failback>true</allow-failback><restart-backup>true</restart-backup></backup>";
        StringBuilder addresses = new StringBuilder();
        for (Routing.Route r : Routing.load(Project.root()).all()) {
            addresses.append("      <address name=\"").append(r.address()).append("\"><multicast>");
            r.queues().forEach(q -> addresses.append("<queue name=\"").append(q).append("\"/>"));
            addresses.append("</multicast></address>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration xmlns="urn:activemq" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="urn:activemq /schema/artemis-configuration.xsd">
                  <core xmlns="urn:activemq:core">
                    <name>%1$s</name>
                    <persistence-enabled>true</persistence-enabled>
                    <journal-type>NIO</journal-type>
                    <journal-buffer-timeout>500000</journal-buffer-timeout>
                    <journal-directory>%2$s/journal</journal-directory>
                    <bindings-directory>%2$s/bindings</bindings-directory>
                    <paging-directory>%2$s/paging</paging-directory>
                    <large-messages-directory>%2$s/large-messages</large-messages-directory>
                    <jmx-management-enabled>false</jmx-management-enabled>
                    <security-enabled>true</security-enabled>
                    <populate-validated-user>true</populate-validated-user>
                    <authentication-cache-size>0</authentication-cache-size>
                    <connectors>
                      <connector name="self">tcp://127.0.0.1:%3$d</connector>
                      <connector name="peer">tcp://127.0.0.1:%4$d</connector>
                    </connectors>
                    <acceptors>
                      <acceptor name="tcp">tcp://127.0.0.1:%3$d?protocols=CORE</acceptor>
                    </acceptors>
                    <cluster-user>pair</cluster-user>
                    <cluster-password>pair-secret</cluster-password>
                    <cluster-connections>
                      <cluster-connection name="pair">
                        <connector-ref>self</connector-ref>
                        <static-connectors><connector-ref>peer</connector-ref></static-connectors>
                      </cluster-connection>
                    </cluster-connections>
                    <ha-policy><replication>%5$s</replication></ha-policy>
                    <address-settings>
                      <address-setting match="#">
                        <dead-letter-address>DLQ</dead-letter-address>
                        <auto-create-dead-letter-resources>true</auto-create-dead-letter-resources>
                        <dead-letter-queue-prefix>DLQ.</dead-letter-queue-prefix>
                        <expiry-address>EXPIRED</expiry-address>
                        <auto-create-expiry-resources>true</auto-create-expiry-resources>
                        <max-delivery-attempts>7</max-delivery-attempts>
                        <redelivery-delay>200</redelivery-delay>
                        <redelivery-delay-multiplier>2</redelivery-delay-multiplier>
                        <max-redelivery-delay>2000</max-redelivery-delay>
                        <address-full-policy>PAGE</address-full-policy>
                        <auto-create-queues>true</auto-create-queues>
                        <auto-create-addresses>true</auto-create-addresses>
                        <auto-delete-queues>false</auto-delete-queues>
                        <auto-delete-addresses>false</auto-delete-addresses>
                      </address-setting>
                    </address-settings>
                    <addresses>
                %6$s    </addresses>
                  </core>
                </configuration>
                """.formatted(role, dir, port, peer, ha, addresses);
    }
}
