package org.entente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.entente.eventlog.EventLog;
import org.entente.json.Json;
import org.entente.schema.EventRevisions;
import org.entente.schema.VetoCastScopeUpcaster;
import org.entente.status.HistoryAsKnown;
import org.entente.status.RelationEvents;
import org.entente.status.StatusRepository;
import org.entente.store.EventStoreConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store, opened by the command line without the Spring context: the H2 file (shared with a running
 * server through H2's automatic mixed mode), Axon's event store on it with the same serializer, revisions and
 * upcasters, and the projection's tables. It never creates a database.
 */
final class StoreAccess implements AutoCloseable {

    static final int NO_STORE = 3;

    private final DataSource dataSource;
    private final ObjectMapper json = Json.newMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).revisionResolver(new EventRevisions()).build();
    private final List<EventUpcaster> upcasters = List.of(new VetoCastScopeUpcaster());
    private EmbeddedEventStore eventStore;

    private StoreAccess(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Axon's event store on the file, built only when asked (for --known-at): it takes a while to set up. */
    private EventStore eventStore() {
        if (eventStore != null) {
            return eventStore;
        }
        ConnectionProvider connections = dataSource::getConnection;
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .schema(new EventStoreConfiguration().eventSchema())
                .build();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        return eventStore;
    }

    /** Opens the H2 store under {@code dataDir}; fails with a message when there is none. */
    static StoreAccess open(Path dataDir) {
        Path file = dataDir.resolve("entente.mv.db");
        if (!Files.exists(file)) {
            throw new NoStoreException("no store at " + file + "; start the application once (it records the history there)"
                    + " or give --data-dir");
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize() + "/entente;IFEXISTS=TRUE;AUTO_SERVER=TRUE";
        return new StoreAccess(new DriverManagerDataSource(url, "sa", ""));
    }

    StatusRepository status() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return new StatusRepository(jdbc, json, new RelationEvents(jdbc, serializer, upcasters));
    }

    EventLog events() {
        return new EventLog(new JdbcTemplate(dataSource), json);
    }

    HistoryAsKnown history() {
        return new HistoryAsKnown(eventStore());
    }

    ObjectMapper json() {
        return json;
    }

    @Override
    public void close() {
        if (eventStore != null) {
            eventStore.shutDown();
        }
    }

    /** There is no store where the command looked. */
    static final class NoStoreException extends RuntimeException {
        NoStoreException(String message) {
            super(message);
        }
    }
}
