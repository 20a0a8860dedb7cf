package org.entente.recording;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.entente.api.ApiDocs;
import org.entente.api.BadRequestException;
import org.entente.api.UnknownRelationException;
import org.entente.api.Versions;
import org.entente.relation.RelationRouting;
import org.entente.relation.commands.CorrectFact;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.commands.RelationCommand;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.relation.facts.FactCatalog;
import org.entente.relation.facts.InvalidFactException;
import org.entente.relation.rules.Decision;
import org.entente.time.InvalidDateException;
import org.entente.time.ValidDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recording new facts and corrections (editors only, see {@code SecurityConfiguration}). Both go through
 * the aggregate and so through the rules; both only ever append events. Who recorded an event and why
 * travel as its metadata ({@code recordedBy}, {@code reason}).
 */
@RestController
@RequestMapping("/api/relations")
@Tag(name = "Recording", description = "Opening relations, recording new facts and corrections (editors only); all go through the rules and only append")
public class RecordingController {

    private final CommandBus commandBus;
    private final EventStore events;

    public RecordingController(CommandBus commandBus, EventStore events) {
        this.commandBus = commandBus;
        this.events = events;
    }

    /** Opens a new relation. Body: {@code id}, {@code title}, {@code parties} (two names) and a {@code reason}. */
    @PostMapping
    @Operation(summary = "Open a new relation", description = "Body: `id`, `title`, `parties` (two names) and a `reason`.")
    @ApiResponse(responseCode = "201", description = "Opened")
    @ApiResponse(responseCode = "200", description = "Already open: nothing changed")
    @ApiDocs.BadRequest
    @ApiDocs.EditorOnly
    public ResponseEntity<RecordingOutcome> open(@RequestBody OpenRelationRequest body, @Parameter(hidden = true) Principal editor) {
        if (body.id() == null || !FactCatalog.FACT_ID.matcher(body.id()).matches() || body.id().length() > 100) {
            throw new BadRequestException("id", "id: lowercase letters, digits and dashes (at most 100), got '" + body.id() + "'");
        }
        if (body.title() == null || body.title().isBlank()) {
            throw new BadRequestException("title", "title: a non-empty text is required");
        }
        if (body.parties() == null || body.parties().size() != 2 || body.parties().stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new BadRequestException("parties", "parties: the two parties' names are required");
        }
        String reason = reason(body.reason());
        Sent sent = send(new OpenRelation(body.id(), body.title(), body.parties()), editor, reason, null);
        boolean opened = sent.decision() instanceof Decision.Accepted;
        return sent.answer(opened ? HttpStatus.CREATED : HttpStatus.OK,
                new RecordingOutcome(body.id(), null, opened, opened ? "opened" : "already open", List.of()));
    }

    /** A new relation: its id, title, the two parties, and why it is opened. */
    public record OpenRelationRequest(String id, String title, List<String> parties, String reason) {
    }

    /** Body: the fact as in the history file ({@code id}, {@code type}, {@code date}, parameters, {@code sources}) and a {@code reason}. */
    @PostMapping("/{id}/facts")
    @Operation(summary = "Record a new fact", description = "Body: the fact as in the history file (`id`, `type`, `date`,"
            + " the type's parameters, `sources`) and a `reason`. The aggregate judges it with the rules.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "200", description = "Already recorded identically: nothing changed")
    @ApiDocs.BadRequest
    @ApiDocs.EditorOnly
    @ApiDocs.NotFound
    @ApiDocs.RuleViolationOrVersionConflict
    public ResponseEntity<RecordingOutcome> record(@Parameter(description = "Relation id", example = "israel-nato") @PathVariable String id,
                                                   @RequestBody Map<String, Object> body,
                                                   @Parameter(description = "The relation's version as read (its ETag, e.g. \"12\"): record only if it is still at it")
                                                   @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
                                                   @Parameter(hidden = true) Principal editor) {
        Long expected = Versions.expected(ifMatch);
        requireKnown(id);
        Map<String, Object> description = new LinkedHashMap<>(body);
        String reason = reason(description.remove("reason"));
        if (!(description.get("sources") instanceof List<?> list) || list.isEmpty()) {
            throw new BadRequestException("sources", "sources: a new fact cites at least one source (seed or url, and quote)");
        }
        HistoricalFact fact;
        try {
            fact = FactCatalog.toFact(id, description);
        } catch (InvalidFactException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
        Sent sent = send(new RecordFact(fact), editor, reason, expected);
        if (sent.decision() instanceof Decision.Unchanged unchanged) {
            return sent.answer(HttpStatus.OK, new RecordingOutcome(id, fact.factId(), false, unchanged.reason(), List.of()));
        }
        return sent.answer(HttpStatus.CREATED, new RecordingOutcome(id, fact.factId(), true, "recorded", List.of()));
    }

    @PostMapping("/{id}/facts/{factId}/corrections")
    @Operation(summary = "Correct a recorded fact", description = "A new `date`, new `parameters`, sources to add or retract,"
            + " or `retract: true`, with `sources` and a `reason`; the fact's own event is never changed. With"
            + " `recordAnyway`, a correction that makes later facts impossible is recorded and those facts are contested.")
    @ApiResponse(responseCode = "201", description = "Corrected")
    @ApiDocs.BadRequest
    @ApiDocs.EditorOnly
    @ApiDocs.NotFound
    @ApiDocs.RuleViolationOrVersionConflict
    public ResponseEntity<RecordingOutcome> correct(@Parameter(description = "Relation id", example = "israel-nato") @PathVariable String id,
                                                    @Parameter(description = "The fact to correct", example = "turkey-veto-2010") @PathVariable String factId,
                                                    @RequestBody CorrectionRequest body,
                                                    @Parameter(description = "The relation's version as read (its ETag, e.g. \"12\"): correct only if it is still at it")
                                                    @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
                                                    @Parameter(hidden = true) Principal editor) {
        Long expected = Versions.expected(ifMatch);
        requireKnown(id);
        String reason = reason(body.reason());
        List<Source> sources = sources("sources", body.sources());
        if (sources.isEmpty()) {
            throw new BadRequestException("sources", "sources: a correction cites at least one source (seed or url, and quote)");
        }
        ValidDate date = null;
        if (body.date() != null) {
            try {
                date = ValidDate.parse(body.date());
            } catch (InvalidDateException e) {
                throw new BadRequestException("date", "date: " + e.getMessage());
            }
        }
        boolean retract = Boolean.TRUE.equals(body.retract());
        Map<String, Object> parameters = body.parameters() == null ? Map.of() : body.parameters();
        List<Source> added = sources("addSources", body.addSources());
        List<Source> retracted = sources("retractSources", body.retractSources());
        if (retract && (date != null || !parameters.isEmpty() || !added.isEmpty() || !retracted.isEmpty())) {
            throw new BadRequestException("retract", "retract: a retraction changes nothing else; send the other changes separately");
        }
        if (!retract && date == null && parameters.isEmpty() && added.isEmpty() && retracted.isEmpty()) {
            throw new BadRequestException("date", "a correction gives a new date, parameters, sources to add or retract, or retract: true");
        }
        for (String field : parameters.keySet()) {
            if (field.equals("id") || field.equals("type") || field.equals("date") || field.equals("sources")) {
                throw new BadRequestException("parameters." + field,
                        "parameters." + field + ": not a parameter; use date, addSources or retractSources, or retract and record anew");
            }
        }
        Sent sent = send(new CorrectFact(id, factId, date, parameters, added, retracted, retract, sources, reason,
                Boolean.TRUE.equals(body.recordAnyway())), editor, reason, expected);
        List<String> contested = sent.decision().events().stream()
                .map(e -> ((org.entente.relation.events.FactCorrected) e).contested()).findFirst().orElse(List.of());
        return sent.answer(HttpStatus.CREATED, new RecordingOutcome(id, factId, true,
                contested.isEmpty() ? "corrected" : "corrected; recorded anyway, contested: " + contested, contested));
    }

    /** What the relation decided, and its version after the command (null when unknown). */
    private record Sent(Decision decision, Long version) {
        /** The answer, with the relation's new version as its ETag. */
        ResponseEntity<RecordingOutcome> answer(HttpStatus status, RecordingOutcome outcome) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
            if (version != null) {
                answer.eTag(Versions.entityTag(version));
            }
            return answer.body(outcome);
        }
    }

    /**
     * Sends the command with who and why, and the version the editor expects (If-Match), if any: a relation at
     * another version refuses it with a {@code ConflictingAggregateVersionException}, answered 409.
     */
    private Sent send(RelationCommand command, Principal editor, String reason, Long expectedVersion) {
        MetaData metaData = MetaData.with("recordedBy", editor.getName()).and("reason", reason);
        if (expectedVersion != null) {
            metaData = metaData.and(RelationRouting.EXPECTED_VERSION, expectedVersion);
        }
        FutureCallback<Object, Decision> result = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData), result);
        CommandResultMessage<? extends Decision> message = result.getResult();
        if (message.isExceptional()) {
            Throwable failure = message.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
        Decision decision = message.getPayload();
        if (decision instanceof Decision.Rejected rejected) {
            throw new RuleViolationException(rejected.rejection());
        }
        if (decision instanceof Decision.Invalid invalid) {
            throw new BadRequestException(invalid.field(), invalid.reason());
        }
        Object version = message.getMetaData().get(RelationRouting.VERSION);
        return new Sent(decision, version instanceof Number number ? number.longValue() : null);
    }

    /**
     * The relation must have been opened: asked of the event store, not of the projection, so that a fact can be
     * recorded right after the relation is opened, before the projection has caught up.
     */
    private void requireKnown(String id) {
        if (events.lastSequenceNumberFor(id).isEmpty()) {
            throw new UnknownRelationException(id);
        }
    }

    private static String reason(Object reason) {
        if (!(reason instanceof String text) || text.isBlank()) {
            throw new BadRequestException("reason", "reason: say why this is recorded (a non-empty text)");
        }
        return text;
    }

    private static List<Source> sources(String field, List<Map<String, Object>> raw) {
        try {
            return FactCatalog.sources(null, field, raw);
        } catch (InvalidFactException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
    }
}
