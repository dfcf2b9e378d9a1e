package org.wcoecom.adapter.broker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;

/**
 * Who may do what on the embedded broker. The adapter itself and the operator may do everything;
 * each partner may only send to its own {@code partner.<id>.in} and read its own
 * {@code partner.<id>.receipts}; the customs gateway may only read what the adapter forwards and
 * send customs' receipts. Artemis applies the most specific match alone, so every specific match
 * repeats the administrators' roles.
 */
public final class BrokerUsers {

    public static final String ADAPTER = "adapter";
    public static final String OPERATOR = "operator";
    public static final String CUSTOMS = "customs";

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, Set<Role>> permissions = new LinkedHashMap<>();
    private final List<String> queues = new ArrayList<>();

    public BrokerUsers(String adapterPassword, String operatorPassword) {
        user(ADAPTER, adapterPassword, ADAPTER);
        user(OPERATOR, operatorPassword, OPERATOR);
        permissions.put("#", administrators());
    }

    /** A partner: sends to partner.ID.in, reads partner.ID.receipts. */
    public BrokerUsers partner(String id, String password) {
        user(id, password, partnerRole(id));
        partnerPermissions(id).forEach((queue, roles) -> {
            permissions.put(queue, roles);
            queues.add(queue);
        });
        return this;
    }

    static String partnerRole(String id) {
        return "partner." + id;
    }

    /** What a partner's role may do on its two queues (with the administrators' roles: Artemis applies the most specific match alone). */
    static Map<String, Set<Role>> partnerPermissions(String id) {
        String role = partnerRole(id);
        Map<String, Set<Role>> p = new LinkedHashMap<>();
        Set<Role> in = new HashSet<>(administrators());
        in.add(new Role(role, true, false, false, false, false, false, false, false, false, false, false, false));
        p.put("partner." + id + ".in", in);
        Set<Role> receipts = new HashSet<>(administrators());
        receipts.add(reader(role));
        p.put("partner." + id + ".receipts", receipts);
        return p;
    }

    /** The customs gateway: reads the forwarded messages, sends customs' receipts. */
    public BrokerUsers customs(String password, String outbound, String inbound) {
        user(CUSTOMS, password, CUSTOMS);
        allow(outbound, reader(CUSTOMS));
        allow(inbound, new Role(CUSTOMS, true, false, false, false, false, false, false, false, false, false, false, false));
        return this;
    }

    /** Applies users, roles and permissions to a broker configuration; the queues named are created up front. */
    void applyTo(Configuration config) {
        config.setSecurityEnabled(true);
        permissions.forEach(config::putSecurityRoles);
        for (String queue : queues) {
            config.addQueueConfiguration(org.apache.activemq.artemis.api.core.QueueConfiguration.of(queue)
                    .setRoutingType(org.apache.activemq.artemis.api.core.RoutingType.ANYCAST));
        }
    }

    SecurityConfiguration securityConfiguration() {
        SecurityConfiguration security = new SecurityConfiguration();
        passwords.forEach(security::addUser);
        roles.forEach(security::addRole);
        return security;
    }

    private void user(String name, String password, String role) {
        if (passwords.putIfAbsent(name, password) != null) {
            throw new IllegalArgumentException("broker user " + name + " is defined twice (a partner id may not be "
                    + ADAPTER + ", " + OPERATOR + " or " + CUSTOMS + ")");
        }
        roles.put(name, role);
    }

    private void allow(String queue, Role role) {
        Set<Role> set = new HashSet<>(administrators());
        set.add(role);
        permissions.put(queue, set);
        queues.add(queue);
    }

    private static Role reader(String role) {
        // consume and browse; no send, no queue management
        return new Role(role, false, true, false, false, false, false, false, true, false, false, false, false);
    }

    private static Set<Role> administrators() {
        return Set.of(admin(ADAPTER), admin(OPERATOR));
    }

    private static Role admin(String role) {
        return new Role(role, true, true, true, true, true, true, true, true, true, true, true, true);
    }
}
