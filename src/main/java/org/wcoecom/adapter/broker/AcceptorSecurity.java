package org.wcoecom.adapter.broker;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.apache.activemq.artemis.spi.core.security.jaas.NoCacheLoginException;

/**
 * The broker's users (an in-memory JAAS configuration), and who may log in on which acceptor.
 * Each TCP acceptor names a security domain (Artemis' per-acceptor {@code securityDomain}), which
 * Artemis hands to the security manager with every login: on the partners' acceptor
 * ({@value #PARTNERS}) the operator is refused, on the operator's own acceptor ({@value #OPERATOR},
 * loopback unless configured otherwise) only the operator gets in. In-VM connections name no
 * domain. The operator's password alone is therefore of no use from another host.
 *
 * <p>Artemis caches successful logins by user, password and certificate, not by acceptor: the
 * broker runs with that cache off ({@link EmbeddedBroker}), or an operator login on its own
 * acceptor would let the same password in on the partners' one.
 */
final class AcceptorSecurity extends ActiveMQJAASSecurityManager {

    static final String PARTNERS = "partners";
    static final String OPERATOR = "operator";

    AcceptorSecurity(SecurityConfiguration users) {
        super(InVMLoginModule.class.getName(), users);
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain)
            throws NoCacheLoginException {
        boolean operator = BrokerUsers.OPERATOR.equals(user);
        if (PARTNERS.equals(securityDomain) && operator || OPERATOR.equals(securityDomain) && !operator) {
            return null;
        }
        // the domain only chose who may log in here; the users are the same in-memory ones everywhere
        return super.authenticate(user, password, connection, null);
    }
}
