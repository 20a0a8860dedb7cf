package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * status, timeline and events on the command line read the store on disk — here while the server runs on it —
 * and answer exactly what the API answers.
 */
class StoreCommandsTest extends ApplicationTest {

    @Autowired
    DataSource dataSource;

    /** The folder of the test application's database (read from its URL: the configured value is random per read). */
    private String dir() throws Exception {
        try (var connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';') < 0 ? url.length() : url.indexOf(';'));
            return Path.of(file).toAbsolutePath().normalize().getParent().toString();
        }
    }

    @Test
    void statusAnswersAsTheApi() throws Exception {
        EntenteCliTest.Result result = EntenteCliTest.cli("status", "--at", "2011-01-01", "--data-dir", dir(), "--json");
        assertThat(result.code()).as(result.err()).isZero();
        JsonNode cli = json.readTree(result.out());
        assertThat(cli.get("dimensions")).isEqualTo(get("/api/relations/israel-nato/status?at=2011-01-01").get("dimensions"));

        EntenteCliTest.Result table = EntenteCliTest.cli("status", "--at", "2011-01-01", "--data-dir", dir());
        assertThat(table.out()).contains("exerciseParticipation").contains("VETOED").contains("turkey-veto-2010");
    }

    @Test
    void timelineAndEventsAnswerAsTheApi() throws Exception {
        EntenteCliTest.Result timeline = EntenteCliTest.cli("timeline", "--data-dir", dir(), "--json");
        assertThat(json.readTree(timeline.out()).get("dimensions"))
                .isEqualTo(get("/api/relations/israel-nato/timeline").get("dimensions"));
        EntenteCliTest.Result events = EntenteCliTest.cli("events", "--data-dir", dir(), "--json");
        assertThat(json.readTree(events.out())).isEqualTo(get("/api/relations/israel-nato/events"));
        EntenteCliTest.Result known = EntenteCliTest.cli("status", "--at", "2010-06-01", "--known-at", "2999-01-01T00:00:00Z",
                "--data-dir", dir(), "--json");
        assertThat(json.readTree(known.out()).at("/dimensions/exerciseParticipation/certain").asBoolean()).isFalse();
    }

    @Test
    void exitCodesSayWhatWentWrong(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        assertThat(EntenteCliTest.cli("status", "--at", "2011-01-01", "--data-dir", empty.toString()).code()).isEqualTo(3);
        assertThat(EntenteCliTest.cli("status", "--at", "2011-01-01", "--data-dir", dir(), "--relation", "nope").code()).isEqualTo(3);
        EntenteCliTest.Result badDate = EntenteCliTest.cli("status", "--at", "2011-02-30", "--data-dir", dir());
        assertThat(badDate.code()).isEqualTo(EntenteCli.BAD_INPUT);
        assertThat(badDate.err()).contains("--at");
        assertThat(EntenteCliTest.cli("status", "--data-dir", dir()).code()).isEqualTo(EntenteCli.BAD_INPUT);
        assertThat(EntenteCliTest.cli("events", "--known-at", "yesterday", "--data-dir", dir()).code()).isEqualTo(EntenteCli.BAD_INPUT);
    }
}
