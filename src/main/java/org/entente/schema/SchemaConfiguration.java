package org.entente.schema;

import org.axonframework.serialization.RevisionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Event revisions and the upcasters that read older ones (Axon registers every upcaster bean, in order). */
@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

    @Bean
    public RevisionResolver revisionResolver() {
        return new EventRevisions();
    }

    @Bean
    public VetoCastScopeUpcaster vetoCastScopeUpcaster() {
        return new VetoCastScopeUpcaster();
    }
}
