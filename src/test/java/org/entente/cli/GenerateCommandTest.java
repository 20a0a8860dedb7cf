package org.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator records valid synthetic relations into the store, the same for the same seed. */
class GenerateCommandTest {

    @Test
    void generatesTheSameValidHistoriesForTheSameSeed(@TempDir Path first, @TempDir Path second) throws Exception {
        for (Path dir : List.of(first, second)) {
            EntenteCliTest.Result result = EntenteCliTest.cli("generate", "--relations", "3", "--facts", "250", "--batch", "100",
                    "--seed", "5", "--data-dir", dir.toAbsolutePath().toString());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("recorded 750 facts in 3 relations");
        }
        List<String> a = payloads(first);
        List<String> b = payloads(second);
        assertThat(a).hasSize(3 * 251);
        assertThat(b).isEqualTo(a);
    }

    /** The stored payloads of the synthetic relations, in order (record times and event ids differ between runs). */
    private static List<String> payloads(Path dir) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath() + "/entente", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT aggregate_identifier, sequence_number, payload FROM domain_event_entry"
                     + " WHERE aggregate_identifier LIKE 'synthetic-%' ORDER BY aggregate_identifier, sequence_number")) {
            while (rs.next()) {
                payloads.add(rs.getString(1) + "/" + rs.getLong(2) + " " + new String(rs.getBytes(3)));
            }
        }
        return payloads;
    }
}
