package org.entente.cluster;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every pooled streaming processor shares its segments among the live nodes ({@link ProcessorNodes#fairShare}).
 *
 * <p>Its work packages extend their claims at most every half claim timeout when no event arrives (Axon's
 * default is every 5 s whatever the timeout), so that an idle node's claims are never taken for abandoned.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    private static final long AXON_DEFAULT_CLAIM_EXTENSION_MILLIS = 5000;

    @Autowired
    void shareSegments(EventProcessingConfigurer processing, ProcessorNodes nodes, TokenStoreProperties tokenStore) {
        long claimExtension = Math.max(1, Math.min(AXON_DEFAULT_CLAIM_EXTENSION_MILLIS, tokenStore.getClaimTimeout().toMillis() / 2));
        processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                .maxSegmentProvider(nodes::fairShare)
                .claimExtensionThreshold(claimExtension));
    }
}
