package org.entente.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.entente.cluster.NodeIdentity;
import org.entente.json.Json;
import org.entente.relation.Relation;
import org.entente.relation.RelationRouting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Axon's JDBC event store and token store on the application's database. The tables are created by
 * Flyway ({@code db/migration/{vendor}}), with snake_case names and binary payload columns.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** One ObjectMapper for Axon's Jackson serializer and the REST API (with Spring's problem-detail layout). */
    @Bean
    @Primary
    public ObjectMapper objectMapper() {
        return Json.newMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Who recorded an event and why travel from the command's metadata to the events it applies. */
    @Bean
    public CorrelationDataProvider provenance() {
        return new SimpleCorrelationDataProvider("recordedBy", "reason");
    }

    /** Axon's default correlation data (correlation and trace ids), kept alongside {@link #provenance()}. */
    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * Axon's JDBC token store, as Axon's auto-configuration builds it, but owned by this node's
     * {@link NodeIdentity}: two nodes with one owner name would each take the other's claims for their own.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 TokenStoreProperties properties, NodeIdentity node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(node.id())
                .build();
    }

    /** Named in {@code @Aggregate} on {@link Relation}. */
    @Bean
    public CommandTargetResolver relationCommandTargetResolver() {
        return RelationRouting.targetResolver();
    }
}
