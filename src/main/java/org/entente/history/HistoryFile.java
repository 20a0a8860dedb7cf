package org.entente.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.json.Json;
import org.entente.relation.facts.FactCatalog;
import org.entente.relation.facts.InvalidFactException;
import org.entente.relation.events.HistoricalFact;

/**
 * The human-readable history file ({@code history.yaml}): relations, each with its dated, sourced facts.
 * Reading it checks every fact; an error names the file, the fact and the field.
 */
public record HistoryFile(List<RelationHistory> relations) {

    private static final ObjectMapper YAML = Json.newYamlMapper();

    /** One relation as the file describes it, its facts already typed and checked. */
    public record RelationHistory(String id, String title, List<String> parties, List<HistoricalFact> facts) {
    }

    private record Raw(List<RawRelation> relations) {
    }

    private record RawRelation(String id, String title, List<String> parties, List<Map<String, Object>> facts) {
    }

    public static HistoryFile read(InputStream in, String fileName) {
        Raw raw;
        try {
            raw = YAML.readValue(in, Raw.class);
        } catch (JsonProcessingException e) {
            throw new InvalidHistoryFileException(fileName + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new InvalidHistoryFileException(fileName + ": cannot be read: " + e.getMessage());
        }
        if (raw == null || raw.relations() == null) {
            throw new InvalidHistoryFileException(fileName + ": no 'relations' list");
        }
        List<RelationHistory> relations = new ArrayList<>();
        for (RawRelation relation : raw.relations()) {
            if (relation.id() == null || !FactCatalog.FACT_ID.matcher(relation.id()).matches()) {
                throw new InvalidHistoryFileException(fileName + ": relation id '" + relation.id()
                        + "' must be lowercase letters, digits and dashes");
            }
            Set<String> ids = new HashSet<>();
            List<HistoricalFact> facts = new ArrayList<>();
            for (Map<String, Object> description : relation.facts() == null ? List.<Map<String, Object>>of() : relation.facts()) {
                try {
                    HistoricalFact fact = FactCatalog.toFact(relation.id(), description);
                    if (fact.sources().isEmpty()) {
                        throw new InvalidFactException(fact.factId(), "sources", "every fact of the history cites at least one source");
                    }
                    if (!ids.add(fact.factId())) {
                        throw new InvalidFactException(fact.factId(), "id", "appears twice in relation '" + relation.id() + "'");
                    }
                    facts.add(fact);
                } catch (InvalidFactException e) {
                    throw new InvalidHistoryFileException(fileName + ", relation '" + relation.id() + "': " + e.getMessage());
                }
            }
            relations.add(new RelationHistory(relation.id(), relation.title(),
                    relation.parties() == null ? List.of() : relation.parties(), facts));
        }
        return new HistoryFile(relations);
    }
}
