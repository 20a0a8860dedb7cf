package org.entente;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.entente.cli.EntenteCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entente: an event-sourced diplomatic relations simulator. */
@SpringBootApplication
public class EntenteApplication {

    /** With a command ({@code scenario}, {@code bench}, ...) runs the command line; otherwise the server. */
    public static void main(String[] args) {
        if (EntenteCli.handles(args)) {
            System.exit(EntenteCli.run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
        }
        SpringApplication.run(EntenteApplication.class, args);
    }
}
