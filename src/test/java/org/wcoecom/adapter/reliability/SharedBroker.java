package org.wcoecom.adapter.reliability;

import java.nio.file.Path;

import org.wcoecom.adapter.broker.BrokerPairNode;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.pipeline.Routing;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;

/**
 * An Artemis broker of its own for adapter nodes that share it (adapter.broker.url), set up as the
 * README asks of an external broker: the adapter's, operator's, partners' and customs' users, and the
 * canonical addresses of mappings/routing.yaml with their queues.
 */
final class SharedBroker {

    static final String ADAPTER_PASSWORD = BrokerPairNode.ADAPTER_PASSWORD;
    static final String OPERATOR_PASSWORD = BrokerPairNode.OPERATOR_PASSWORD;
    static final String PLATFORM = "demo-platform";
    static final String PAYMENT = "demo-payment";
    static final String LOGISTICS = "demo-logistics";

    private SharedBroker() {
    }

    static String password(String partner) {
        return BrokerPairNode.partnerPassword(partner);
    }

    static EmbeddedBroker start(Path dir, int port, int operatorPort) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(dir, "127.0.0.1", port, BrokerPairNode.users(),
                new EmbeddedBroker.Redelivery(6, 200, 2, 2000),
                new EmbeddedBroker.AddressLimit(-1, "PAGE")).operatorAcceptor("127.0.0.1", operatorPort);
        for (Routing.Route r : Routing.load(Project.root()).all()) {
            broker.multicast(r.address(), r.queues());
        }
        broker.start();
        return broker;
    }

    static int freePort() throws java.io.IOException {
        return PackagedAdapter.freePort();
    }
}
