package org.entente.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Decision;
import org.entente.relation.rules.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * On start-up, records the history file's facts through the same commands and rules as any other
 * recording. Loading again records nothing twice (a fact id already recorded identically is skipped), and a
 * fact changed in the file after it was recorded is reported, not applied.
 */
@Component
public class HistoryLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);

    private final CommandGateway commands;
    private final ResourceLoader resources;
    private final HistoryLoadReport report;
    private final String location;
    private final boolean loadOnStart;

    public HistoryLoader(CommandGateway commands, ResourceLoader resources, HistoryLoadReport report,
                         @Value("${entente.history.location}") String location,
                         @Value("${entente.history.load-on-start}") boolean loadOnStart) {
        this.commands = commands;
        this.resources = resources;
        this.report = report;
        this.location = location;
        this.loadOnStart = loadOnStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (loadOnStart) {
            load(location);
        }
    }

    public void load(String location) {
        Resource resource = resources.getResource(location);
        HistoryFile file;
        try (InputStream in = resource.getInputStream()) {
            file = HistoryFile.read(in, location);
        } catch (IOException e) {
            throw new InvalidHistoryFileException(location + ": cannot be read: " + e.getMessage());
        }
        for (HistoryFile.RelationHistory relation : file.relations()) {
            MetaData provenance = MetaData.with("recordedBy", "history-file").and("reason", "loaded from " + location);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenRelation(relation.id(), relation.title(),
                    relation.parties())).withMetaData(provenance));
            int recorded = 0;
            int already = 0;
            List<Rejection> refused = new ArrayList<>();
            for (HistoricalFact fact : relation.facts()) {
                Decision decision = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordFact(fact))
                        .withMetaData(provenance));
                if (decision instanceof Decision.Accepted) {
                    recorded++;
                } else if (decision instanceof Decision.Unchanged) {
                    already++;
                } else if (decision instanceof Decision.Rejected rejected) {
                    refused.add(rejected.rejection());
                    log.warn("{}: fact '{}' not applied: {} ({})", location, fact.factId(), rejected.rejection().reason(),
                            rejected.rejection().rule());
                }
            }
            report.put(relation.id(), new HistoryLoadReport.RelationLoad(location, recorded, already, refused));
            log.info("{}: relation '{}': {} facts recorded, {} already recorded, {} not applied",
                    location, relation.id(), recorded, already, refused.size());
        }
    }
}
