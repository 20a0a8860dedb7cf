package org.entente.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.Assertions;
import org.entente.EntenteApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The application refuses a PostgreSQL database where commits are acknowledged before they are durable. */
class SynchronousCommitTest {

    @Test
    void refusesToStartWhenSynchronousCommitIsOff() {
        String url = PostgresServer.newDatabase("entente_async");
        String database = url.substring(url.lastIndexOf('/') + 1);
        PostgresServer.execute("ALTER DATABASE " + database + " SET synchronous_commit = off");

        assertThatThrownBy(() -> new SpringApplicationBuilder(EntenteApplication.class).profiles("postgres")
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresServer.username(),
                        "--spring.datasource.password=" + PostgresServer.password()))
                .satisfies(e -> Assertions.assertThat(rootCause(e).getMessage())
                        .contains("synchronous_commit is off for database " + database)
                        .contains("ALTER DATABASE " + database + " SET synchronous_commit = on"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
