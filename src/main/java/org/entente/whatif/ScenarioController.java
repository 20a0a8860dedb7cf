package org.entente.whatif;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.entente.api.ApiDocs;
import org.entente.api.Dates;
import org.entente.status.StatusView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What-if scenarios: the shipped ones, and any scenario sent in a request (YAML or JSON). Running one
 * computes in memory; nothing is written to the event store or the projection.
 */
@RestController
@RequestMapping("/api/scenarios")
@Tag(name = "What-if", description = "Scenarios that change a relation's recorded timeline, judged by the same rules; nothing is written")
public class ScenarioController {

    private final ScenarioService scenarios;

    public ScenarioController(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @GetMapping
    @Operation(summary = "The shipped scenarios", description = "Every scenario of the scenarios/ folder: id, title, relation,"
            + " rationale, and how many changes and expectations it has.")
    @ApiResponse(responseCode = "200", description = "The shipped scenarios, by id")
    public List<ScenarioViews.ScenarioInfo> shipped() {
        return scenarios.shipped().stream().map(ScenarioViews.ScenarioInfo::of).toList();
    }

    /** A shipped scenario with its source text, e.g. to edit it and send it to {@code POST /api/scenarios/run}. */
    @GetMapping("/{id}")
    @Operation(summary = "One shipped scenario, with its source", description = "The scenario and its YAML text, e.g. to edit"
            + " it and send it to POST /api/scenarios/run.")
    @ApiResponse(responseCode = "200", description = "The scenario and its source text")
    @ApiDocs.ScenarioNotFound
    public ShippedView scenario(@Parameter(description = "Scenario id", example = "turkey-never-vetoes") @PathVariable String id) {
        ScenarioService.Shipped shipped = find(id);
        return new ShippedView(ScenarioViews.ScenarioInfo.of(shipped.scenario()), shipped.source());
    }

    public record ShippedView(ScenarioViews.ScenarioInfo scenario, String source) {
    }

    @PostMapping(path = "/run", consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Run a scenario sent in the body", description = "The scenario as YAML (application/yaml, text/yaml,"
            + " text/plain) or JSON: its changes are applied to the relation's recorded facts, the rules judge the result in"
            + " memory, and the answer lists the accepted and rejected facts (with rule and reason), the scenario's timeline"
            + " (in the shape of /api/relations/{id}/timeline), the diff against history per dimension and the checked"
            + " expectations.")
    @ApiResponse(responseCode = "200", description = "The run: changes, accepted and rejected facts, timeline, diff, expectations")
    @ApiDocs.InvalidScenario
    public ScenarioViews.Result run(@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The scenario, YAML or JSON",
            required = true) @RequestBody String scenario) {
        return ScenarioViews.result(scenarios.run(scenarios.parse(scenario)));
    }

    /** Samples a scenario with uncertain changes (a {@code montecarlo} section): the share of each value per day. */
    @PostMapping(path = "/sample", consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Sample a scenario with uncertain changes (Monte Carlo)", description = "A scenario with a `montecarlo`"
            + " section (probabilities and date ranges on its changes), YAML or JSON: it is run many times with seeded,"
            + " reproducible sampling, and the answer gives the share of each value per day.")
    @ApiResponse(responseCode = "200", description = "The share of each value per dimension and day")
    @ApiDocs.InvalidScenario
    public MonteCarlo.Result sample(@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The scenario, YAML or JSON",
            required = true) @RequestBody String scenario) {
        return scenarios.sample(scenarios.parse(scenario));
    }

    @GetMapping("/{id}/result")
    @Operation(summary = "Run a shipped scenario", description = "As POST /api/scenarios/run, for a shipped scenario.")
    @ApiResponse(responseCode = "200", description = "The run: changes, accepted and rejected facts, timeline, diff, expectations")
    @ApiDocs.ScenarioNotFound
    public ScenarioViews.Result result(@Parameter(description = "Scenario id", example = "turkey-never-vetoes") @PathVariable String id) {
        return ScenarioViews.result(scenarios.run(find(id).scenario()));
    }

    @GetMapping("/{id}/status")
    @Operation(summary = "A shipped scenario's status at a date", description = "In the shape of /api/relations/{id}/status.")
    @ApiResponse(responseCode = "200", description = "Every dimension's answer at the date, in the scenario")
    @ApiDocs.BadRequest
    @ApiDocs.ScenarioNotFound
    public StatusView status(@Parameter(description = "Scenario id", example = "turkey-never-vetoes") @PathVariable String id,
                             @Parameter(description = "A day, YYYY-MM-DD", example = "2011-01-01") @RequestParam String at) {
        LocalDate day = Dates.day("at", at);
        return ScenarioViews.status(scenarios.run(find(id).scenario()), day);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "Where a shipped scenario diverges from history", description = "The first divergence, and per"
            + " dimension the intervals where the scenario answers differently, with both answers and the facts that caused it.")
    @ApiResponse(responseCode = "200", description = "The divergence intervals per dimension")
    @ApiDocs.ScenarioNotFound
    public ScenarioViews.DiffView diff(@Parameter(description = "Scenario id", example = "turkey-never-vetoes") @PathVariable String id) {
        return ScenarioViews.diff(scenarios.run(find(id).scenario()));
    }

    private ScenarioService.Shipped find(String id) {
        return scenarios.shipped(id).orElseThrow(() -> new UnknownScenarioException(id));
    }
}
