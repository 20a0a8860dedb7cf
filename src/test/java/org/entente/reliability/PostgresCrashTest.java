package org.entente.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.entente.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The crash test on PostgreSQL: the test starts the embedded PostgreSQL server (synchronous_commit on, as the
 * application requires) and makes a database for it; the child JVMs run the application in the
 * {@code postgres} profile against it, and are killed with SIGKILL, restarted, and checked as on H2.
 */
class PostgresCrashTest extends CrashTestSupport {

    private final Path data = Path.of("target", "crash-test", "postgres-" + UUID.randomUUID()).toAbsolutePath();
    private String url;

    @Override
    List<String> storeArguments() {
        if (url == null) {
            url = PostgresServer.newDatabase("entente_crash");
        }
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresServer.username(), "--spring.datasource.password=" + PostgresServer.password(),
                "--entente.data-dir=" + data.resolve("data"));
    }

    @Override
    Path logs() {
        return data.resolve("logs");
    }

    @Test
    void everyAcknowledgedFactSurvivesSigkillExactlyOnce() throws Exception {
        killAndRestartRepeatedly();
    }
}
