package org.wcoecom.adapter.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.pipeline.Routing;
import org.wcoecom.adapter.support.Project;

/**
 * The broker.xml files of the production pair in docs/cluster/ are what the README says: Artemis reads
 * them (its schema validates them), the primary checks for an active server before serving, the
 * backup fails back and becomes a backup again, and both have every address and queue of
 * mappings/routing.yaml.
 */
class ClusterBrokerFilesTest {

    @Test
    void the_pair_files_are_valid_and_replicate() throws Exception {
        FileConfiguration primary = read("primary-broker.xml");
        FileConfiguration backup = read("backup-broker.xml");
        ReplicatedPolicyConfiguration p = assertInstanceOf(ReplicatedPolicyConfiguration.class, primary.getHAPolicyConfiguration());
        assertTrue(p.isCheckForActiveServer(), "a restarted primary looks for an active backup first");
        ReplicaPolicyConfiguration b = assertInstanceOf(ReplicaPolicyConfiguration.class, backup.getHAPolicyConfiguration());
        assertTrue(b.isAllowFailBack() && b.isRestartBackup(), "the backup hands back and becomes a backup again");
        assertTrue(primary.isSecurityEnabled() && primary.isPopulateValidatedUser(), "the adapter relies on the validated user");
        for (FileConfiguration c : List.of(primary, backup)) {
            Set<String> queues = c.getAddressConfigurations().stream().map(CoreAddressConfiguration::getQueueConfigs)
                    .flatMap(List::stream).map(q -> q.getName().toString()).collect(Collectors.toSet());
            for (Routing.Route r : Routing.load(Project.root()).all()) {
                assertTrue(queues.containsAll(r.queues()), c.getName() + " lacks the queues of " + r.address() + ": " + r.queues());
            }
            assertEquals(1, c.getClusterConfigurations().size(), "one cluster connection, to the peer");
        }
    }

    private static FileConfiguration read(String name) throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(Project.root().resolve(Path.of("docs", "cluster", name)).toUri().toString());
        deployment.addDeployable(config);
        deployment.readConfiguration();
        return config;
    }
}
