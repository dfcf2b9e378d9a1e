package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The operator (the dlq commands; it may do everything on the broker) logs in only on an acceptor
 * of its own, on loopback: never on the partners' acceptor, even right after a login on its own
 * (Artemis would otherwise answer from its login cache), and nobody else logs in on its acceptor.
 */
@ExtendWith(RunningAdapter.class)
class BrokerOperatorAccessTest {

    private static TestAdapter adapter() {
        return RunningAdapter.adapter();
    }

    private static void login(int port, String user) throws Exception {
        try (ActiveMQConnectionFactory f = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
             Connection c = f.createConnection(user, adapter().brokerPassword(user))) {
            c.start();
            c.createSession().close();
        }
    }

    @Test
    void the_operator_cannot_log_in_on_the_partners_acceptor() {
        assertThrows(JMSSecurityException.class, () -> login(adapter().brokerPort(), BrokerUsers.OPERATOR));
    }

    @Test
    void a_login_on_the_operator_acceptor_does_not_open_the_partners_one() throws Exception {
        login(adapter().operatorPort(), BrokerUsers.OPERATOR);
        assertThrows(JMSSecurityException.class, () -> login(adapter().brokerPort(), BrokerUsers.OPERATOR));
    }

    @Test
    void partners_and_customs_cannot_log_in_on_the_operator_acceptor() throws Exception {
        login(adapter().brokerPort(), "demo-platform");
        assertThrows(JMSSecurityException.class, () -> login(adapter().operatorPort(), "demo-platform"));
        assertThrows(JMSSecurityException.class, () -> login(adapter().operatorPort(), BrokerUsers.CUSTOMS));
    }

    @Test
    void the_operator_acceptor_listens_on_loopback_only() throws Exception {
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeTrue(own.isPresent(), "this machine has no address besides loopback");
        try (Socket s = new Socket()) {
            // this host's own address: the connection never leaves the machine
            assertThrows(java.io.IOException.class, () -> s.connect(new InetSocketAddress(own.get(), adapter().operatorPort()), 2000));
        }
    }
}
