package org.entente.reliability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.entente.EntenteApplication;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.events.ActivityKind;
import org.entente.relation.events.ContextNoted;
import org.entente.relation.events.ExerciseJoined;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.MediterraneanDialogueEstablished;
import org.entente.relation.events.MediterraneanDialogueJoined;
import org.entente.relation.events.NatoMembershipAttested;
import org.entente.relation.events.Source;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoLifted;
import org.entente.relation.events.VetoScope;
import org.entente.relation.rules.Decision;
import org.entente.time.ValidDate;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The child JVM of the crash tests: the real Entente application on a data folder (or database), started
 * with {@link SpringApplication} as {@code java -jar entente.jar} starts it.
 *
 * <ul>
 *   <li>{@code write START [spring args...]}: opens the relation {@value #RELATION} and records
 *   its facts {@code fact-START}, {@code fact-START+1}, ... through Axon's command gateway,
 *   one at a time, printing {@code ACK <factId>} (flushed) once the gateway has answered that the fact is
 *   stored. It stops by itself after {@link #MAX_WRITING}, but the test kills it long before.</li>
 *   <li>{@code verify [spring args...]}: reads every stored event back through Axon's serializer and
 *   upcasters, prints {@code PAYLOADS <rows> <deserialised>} and {@code PORT <port>}, and serves the API
 *   until its standard input closes.</li>
 * </ul>
 */
public final class CrashWriter {

    static final String RELATION = "crash-test";
    static final Duration MAX_WRITING = Duration.ofSeconds(60);
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    private CrashWriter() {
    }

    /** What every start records first (again, which changes nothing): the partnership and a member that can veto. */
    static List<HistoricalFact> prelude() {
        ValidDate before = ValidDate.parse("1899");
        return List.of(new MediterraneanDialogueEstablished(RELATION, "dialogue-established", before, sources("established")),
                new MediterraneanDialogueJoined(RELATION, "dialogue-joined", before, sources("joined")),
                new NatoMembershipAttested(RELATION, "turkey-member", before, sources("member"), "Turkey"));
    }

    /**
     * The n-th fact, always the same for the same n (so that sending it again changes nothing), one day after
     * the previous one: a veto, its lifting, an exercise and a context note, over and over, so that the status
     * changes with most facts and the rules accept any number of them.
     */
    static HistoricalFact fact(int n) {
        ValidDate day = ValidDate.day(FIRST_DAY.plusDays(n));
        List<Source> sources = sources("fact " + n);
        return switch (n % 4) {
            case 0 -> new VetoCast(RELATION, factId(n), day, sources, "Turkey", VetoScope.EXERCISES);
            case 1 -> new VetoLifted(RELATION, factId(n), day, sources, factId(n - 1));
            case 2 -> new ExerciseJoined(RELATION, factId(n), day, sources, "exercise " + n, ActivityKind.EXERCISE);
            default -> new ContextNoted(RELATION, factId(n), day, sources, "crash test fact " + n);
        };
    }

    private static List<Source> sources(String quote) {
        return List.of(new Source(null, "https://example.org/crash-test", null, quote));
    }

    static String factId(int n) {
        return "fact-" + n;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("write")) {
            write(Integer.parseInt(args[1]), Arrays.copyOfRange(args, 2, args.length));
        } else if (mode.equals("verify")) {
            verify(Arrays.copyOfRange(args, 1, args.length));
        } else {
            throw new IllegalArgumentException("mode: write or verify, got " + mode);
        }
    }

    private static void write(int start, String[] springArgs) {
        ConfigurableApplicationContext app = SpringApplication.run(EntenteApplication.class, springArgs);
        CommandGateway commands = app.getBean(CommandGateway.class);
        MetaData provenance = MetaData.with("recordedBy", "crash-test").and("reason", "crash test");
        Decision opened = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new OpenRelation(RELATION, "Crash test relation", List.of("Israel", "NATO"))).withMetaData(provenance));
        if (!(opened instanceof Decision.Accepted || opened instanceof Decision.Unchanged)) {
            throw new IllegalStateException("cannot open " + RELATION + ": " + opened);
        }
        for (HistoricalFact fact : prelude()) {
            Decision decision = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordFact(fact)).withMetaData(provenance));
            if (!(decision instanceof Decision.Accepted || decision instanceof Decision.Unchanged)) {
                throw new IllegalStateException("cannot record " + fact.factId() + ": " + decision);
            }
        }
        say("READY");
        long deadline = System.nanoTime() + MAX_WRITING.toNanos();
        for (int n = start; System.nanoTime() < deadline; n++) {
            Decision decision = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordFact(fact(n)))
                    .withMetaData(provenance));
            if (decision instanceof Decision.Accepted || decision instanceof Decision.Unchanged) {
                say("ACK " + factId(n));
            } else {
                // only when acknowledged facts were lost (e.g. the lifting of a lost veto): the test reports it
                say("REFUSED " + factId(n) + " " + decision);
            }
        }
        say("DONE");
        app.close();
        System.exit(0);
    }

    private static void verify(String[] springArgs) throws Exception {
        ConfigurableApplicationContext app = SpringApplication.run(EntenteApplication.class, springArgs);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        EventStore events = app.getBean(EventStore.class);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        List<String> aggregates = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry", String.class);
        long deserialised = 0;
        List<String> failures = new ArrayList<>();
        for (String aggregate : aggregates) {
            try {
                DomainEventStream stream = events.readEvents(aggregate);
                while (stream.hasNext()) {
                    if (stream.next().getPayload() != null) {
                        deserialised++;
                    }
                }
            } catch (RuntimeException e) {
                failures.add(aggregate + ": " + e);
            }
        }
        failures.forEach(f -> say("UNREADABLE " + f));
        say("PAYLOADS " + rows + " " + deserialised);
        say("PORT " + app.getEnvironment().getProperty("local.server.port"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            // serve until the test closes our standard input; "projected": how many facts the projection's answers rest on
            if (line.equals("projected")) {
                say("PROJECTED " + jdbc.queryForObject("SELECT fact_count FROM relation_view WHERE relation_id = ?", Long.class, RELATION));
            }
        }
        app.close();
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
