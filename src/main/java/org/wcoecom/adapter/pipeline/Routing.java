package org.wcoecom.adapter.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The routing of canonical kinds, as data ({@code mappings/routing.yaml}): the multicast address a
 * kind's batches are published on, and the queues bound to it, one per consumer (egress, crosscheck,
 * exchange). The broker creates them up front, so that no batch is published before its queues exist.
 */
public final class Routing {

    /**
     * A kind's address and its consumers. Queue names are the broker's, unique across addresses: each
     * consumer's queue is named {@code <address>.<consumer>} and read by its fully qualified name,
     * {@code <address>::<address>.<consumer>}.
     */
    public record Route(String kind, String address, List<String> consumers) {

        /** The queues bound to the address. */
        public List<String> queues() {
            return consumers.stream().map(c -> address + "." + c).toList();
        }

        /** The queues of the consumers that run: a queue nobody reads would keep every batch published on the address. */
        public List<String> queues(java.util.function.Predicate<String> consumerRuns) {
            return consumers.stream().filter(consumerRuns).map(c -> address + "." + c).toList();
        }

        /** The fully qualified name a consumer reads from, e.g. canonical.order::canonical.order.egress. */
        public String queue(String consumer) {
            return address + "::" + address + "." + consumer;
        }
    }

    private final Map<String, Route> byKind;

    private Routing(Map<String, Route> byKind) {
        this.byKind = byKind;
    }

    public static Routing load(Path home) {
        Path file = home.resolve("mappings").resolve("routing.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the routing of canonical kinds " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Routing parse(InputStream in, String label) {
        Object doc = new Load(LoadSettings.builder().setLabel(label).build()).loadFromInputStream(in);
        Map<String, Route> routes = new LinkedHashMap<>();
        if (!(doc instanceof Map<?, ?> root) || !(root.get("kinds") instanceof Map<?, ?> kinds)) {
            throw new IllegalArgumentException(label + ": expected a 'kinds:' map");
        }
        for (Map.Entry<?, ?> e : kinds.entrySet()) {
            String kind = String.valueOf(e.getKey());
            Map<String, Object> entry = (Map<String, Object>) e.getValue();
            String address = String.valueOf(entry.get("address"));
            if (!address.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException(label + ": kind " + kind + " has no usable address ('" + address + "')");
            }
            List<String> queues = new ArrayList<>();
            if (entry.get("queues") instanceof List<?> list) {
                list.forEach(q -> queues.add(String.valueOf(q)));
            }
            routes.put(kind, new Route(kind, address, List.copyOf(queues)));
        }
        return new Routing(routes);
    }

    public Optional<Route> of(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public List<Route> all() {
        return List.copyOf(byKind.values());
    }
}
