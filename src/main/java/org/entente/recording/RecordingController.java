package org.entente.recording;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.entente.api.BadRequestException;
import org.entente.api.UnknownRelationException;
import org.entente.relation.commands.CorrectFact;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.commands.RelationCommand;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.relation.facts.FactCatalog;
import org.entente.relation.facts.InvalidFactException;
import org.entente.relation.rules.Decision;
import org.entente.status.StatusRepository;
import org.entente.time.InvalidDateException;
import org.entente.time.ValidDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recording new facts and corrections (editors only, see {@code SecurityConfiguration}). Both go through
 * the aggregate and so through the rules; both only ever append events. Who recorded an event and why
 * travel as its metadata ({@code recordedBy}, {@code reason}).
 */
@RestController
@RequestMapping("/api/relations")
public class RecordingController {

    private final CommandGateway commands;
    private final StatusRepository relations;

    public RecordingController(CommandGateway commands, StatusRepository relations) {
        this.commands = commands;
        this.relations = relations;
    }

    /** Opens a new relation. Body: {@code id}, {@code title}, {@code parties} (two names) and a {@code reason}. */
    @PostMapping
    public ResponseEntity<RecordingOutcome> open(@RequestBody OpenRelationRequest body, Principal editor) {
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
        Decision decision = send(new OpenRelation(body.id(), body.title(), body.parties()), editor, reason);
        boolean opened = decision instanceof Decision.Accepted;
        return ResponseEntity.status(opened ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RecordingOutcome(body.id(), null, opened, opened ? "opened" : "already open", List.of()));
    }

    /** A new relation: its id, title, the two parties, and why it is opened. */
    public record OpenRelationRequest(String id, String title, List<String> parties, String reason) {
    }

    /** Body: the fact as in the history file ({@code id}, {@code type}, {@code date}, parameters, {@code sources}) and a {@code reason}. */
    @PostMapping("/{id}/facts")
    public ResponseEntity<RecordingOutcome> record(@PathVariable String id, @RequestBody Map<String, Object> body, Principal editor) {
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
        Decision decision = send(new RecordFact(fact), editor, reason);
        if (decision instanceof Decision.Unchanged unchanged) {
            return ResponseEntity.ok(new RecordingOutcome(id, fact.factId(), false, unchanged.reason(), List.of()));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new RecordingOutcome(id, fact.factId(), true, "recorded", List.of()));
    }

    @PostMapping("/{id}/facts/{factId}/corrections")
    public ResponseEntity<RecordingOutcome> correct(@PathVariable String id, @PathVariable String factId,
                                                    @RequestBody CorrectionRequest body, Principal editor) {
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
        Decision decision = send(new CorrectFact(id, factId, date, parameters, added, retracted, retract, sources, reason,
                Boolean.TRUE.equals(body.recordAnyway())), editor, reason);
        List<String> contested = decision.events().stream()
                .map(e -> ((org.entente.relation.events.FactCorrected) e).contested()).findFirst().orElse(List.of());
        return ResponseEntity.status(HttpStatus.CREATED).body(new RecordingOutcome(id, factId, true,
                contested.isEmpty() ? "corrected" : "corrected; recorded anyway, contested: " + contested, contested));
    }

    private Decision send(RelationCommand command, Principal editor, String reason) {
        Decision decision = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(MetaData.with("recordedBy", editor.getName()).and("reason", reason)));
        if (decision instanceof Decision.Rejected rejected) {
            throw new RuleViolationException(rejected.rejection());
        }
        if (decision instanceof Decision.Invalid invalid) {
            throw new BadRequestException(invalid.field(), invalid.reason());
        }
        return decision;
    }

    private void requireKnown(String id) {
        if (relations.relation(id).isEmpty()) {
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
