package org.entente.whatif;

import java.time.LocalDate;
import java.util.List;
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
public class ScenarioController {

    private final ScenarioService scenarios;

    public ScenarioController(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @GetMapping
    public List<ScenarioViews.ScenarioInfo> shipped() {
        return scenarios.shipped().stream().map(ScenarioViews.ScenarioInfo::of).toList();
    }

    /** A shipped scenario with its source text, e.g. to edit it and send it to {@code POST /api/scenarios/run}. */
    @GetMapping("/{id}")
    public ShippedView scenario(@PathVariable String id) {
        ScenarioService.Shipped shipped = find(id);
        return new ShippedView(ScenarioViews.ScenarioInfo.of(shipped.scenario()), shipped.source());
    }

    public record ShippedView(ScenarioViews.ScenarioInfo scenario, String source) {
    }

    @PostMapping(path = "/run", consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    public ScenarioViews.Result run(@RequestBody String scenario) {
        return ScenarioViews.result(scenarios.run(scenarios.parse(scenario)));
    }

    /** Samples a scenario with uncertain changes (a {@code montecarlo} section): the share of each value per day. */
    @PostMapping(path = "/sample", consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_JSON_VALUE})
    public MonteCarlo.Result sample(@RequestBody String scenario) {
        return scenarios.sample(scenarios.parse(scenario));
    }

    @GetMapping("/{id}/result")
    public ScenarioViews.Result result(@PathVariable String id) {
        return ScenarioViews.result(scenarios.run(find(id).scenario()));
    }

    @GetMapping("/{id}/status")
    public StatusView status(@PathVariable String id, @RequestParam String at) {
        LocalDate day = Dates.day("at", at);
        return ScenarioViews.status(scenarios.run(find(id).scenario()), day);
    }

    @GetMapping("/{id}/diff")
    public ScenarioViews.DiffView diff(@PathVariable String id) {
        return ScenarioViews.diff(scenarios.run(find(id).scenario()));
    }

    private ScenarioService.Shipped find(String id) {
        return scenarios.shipped(id).orElseThrow(() -> new UnknownScenarioException(id));
    }
}
