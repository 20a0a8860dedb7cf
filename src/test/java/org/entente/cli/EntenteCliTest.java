package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's scenario commands: output, JSON, exit codes. */
class EntenteCliTest {

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EntenteCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void scenarioRunPrintsTheResultAndExitsZeroWhenExpectationsHold() {
        Result result = cli("scenario", "run", "scenarios/turkey-never-vetoes.yaml");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("turkey-never-vetoes").contains("rejected turkey-veto-lifted-2016")
                .contains("LIFT_ONLY_VETO_IN_FORCE").contains("first divergence: 2010-01-01").contains("5 passed, 0 failed");
    }

    @Test
    void aFailedExpectationExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wrong.yaml");
        Files.writeString(file, Files.readString(Path.of("scenarios/turkey-never-vetoes.yaml"))
                .replaceFirst("value: ACTIVE", "value: VETOED"));
        Result result = cli("scenario", "run", file.toString());
        assertThat(result.code()).isEqualTo(EntenteCli.EXPECTATION_FAILED);
        assertThat(result.out()).contains("FAIL " + file + ":11").contains("got ACTIVE");
    }

    @Test
    void jsonOutputIsParseable() throws Exception {
        Result run = cli("scenario", "run", "--json", "scenarios/no-mediterranean-dialogue.yaml");
        JsonNode result = Json.newMapper().readTree(run.out());
        assertThat(result.get("expectationsMet").asBoolean()).isTrue();
        Result diff = cli("scenario", "diff", "--json", "scenarios/veto-never-lifted.yaml");
        assertThat(Json.newMapper().readTree(diff.out()).get("firstDivergence").asText()).isEqualTo("2016-06-01");
    }

    @Test
    void badInputExitsTwoNamingFileLineAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "id: bad\ntitle: t\nrelation: israel-nato\nrationale: r\nchanges:\n  - remove: no-such-fact\n");
        Result result = cli("scenario", "run", file.toString());
        assertThat(result.code()).isEqualTo(EntenteCli.BAD_INPUT);
        assertThat(result.err()).contains(file + ":6: changes[0]: no fact 'no-such-fact'");
        assertThat(cli("scenario", "run", dir.resolve("missing.yaml").toString()).code()).isEqualTo(EntenteCli.BAD_INPUT);
    }

    @Test
    void badArgumentsPrintUsageAndExitTwo() {
        Result result = cli("scenario", "run");
        assertThat(result.code()).isEqualTo(EntenteCli.BAD_INPUT);
        assertThat(result.err()).contains("Missing required parameter").contains("Usage");
        assertThat(cli("scenario", "fly").code()).isEqualTo(EntenteCli.BAD_INPUT);
    }
}
