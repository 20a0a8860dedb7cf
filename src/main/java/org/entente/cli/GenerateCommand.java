package org.entente.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.entente.EntenteApplication;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFacts;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Decision;
import org.entente.synthetic.SyntheticHistory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: records N synthetic relations of M facts each into the store (no web server), in batches,
 * through the same commands and rules as any recording. The same seed gives the same histories.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Record synthetic relations (valid under the rules) into the store, in batches.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--relations", description = "relations to generate (default ${DEFAULT-VALUE})")
    int relations = 10;

    @Option(names = "--facts", description = "facts per relation (default ${DEFAULT-VALUE})")
    int facts = 1000;

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--batch", description = "facts per command (default ${DEFAULT-VALUE})")
    int batch = 1000;

    @Option(names = "--data-dir", description = "the data folder (absolute or ./relative); default: the application's")
    String dataDir;

    @Option(names = "--profile", description = "a Spring profile, e.g. postgres")
    String profile;

    @Override
    public Integer call() {
        if (relations < 1 || facts < 4 || batch < 1) {
            spec.commandLine().getErr().println("error: --relations >= 1, --facts >= 4 and --batch >= 1 are required");
            return EntenteCli.BAD_INPUT;
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(EntenteApplication.class).web(WebApplicationType.NONE);
        List<String> args = new java.util.ArrayList<>(List.of("--entente.history.load-on-start=false"));
        if (dataDir != null) {
            args.add("--entente.data-dir=" + dataDir);
        }
        if (profile != null) {
            builder.profiles(profile);
        }
        long events = 0;
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new))) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            MetaData provenance = MetaData.with("recordedBy", "generator").and("reason", "synthetic history, seed " + seed);
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "generating", (long) relations * facts);
            for (int r = 0; r < relations; r++) {
                String relation = "synthetic-" + r;
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenRelation(relation, "Synthetic relation " + r,
                        List.of("Israel", "NATO"))).withMetaData(provenance));
                List<HistoricalFact> history = SyntheticHistory.generate(relation, facts, seed + r);
                for (int from = 0; from < history.size(); from += batch) {
                    List<HistoricalFact> chunk = history.subList(from, Math.min(history.size(), from + batch));
                    Decision decision = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new RecordFacts(relation, List.copyOf(chunk))).withMetaData(provenance));
                    if (!(decision instanceof Decision.Accepted)) {
                        spec.commandLine().getErr().println("\nerror: relation " + relation + ": " + decision);
                        return EntenteCli.BAD_INPUT;
                    }
                    events += chunk.size();
                    bar.update(events);
                }
            }
            bar.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getOut().printf("recorded %,d facts in %d relations in %.1f s (%,.0f facts/s, start-up included)%n",
                events, relations, seconds, events / seconds);
        return EntenteCli.OK;
    }
}
