package org.entente.cluster;

import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes sharing one database: the owner written into {@code token_entry} for the
 * segments it claims, and its row in {@code processor_node}. {@code entente.node-id}, or else Axon's own default
 * ({@code pid@host}), which differs for every process but not for two application contexts in one JVM.
 */
@Component
public class NodeIdentity {

    private final String id;

    public NodeIdentity(@Value("${entente.node-id:}") String configured) {
        this.id = configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured.strip();
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
