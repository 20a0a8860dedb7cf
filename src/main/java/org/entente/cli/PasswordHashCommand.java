package org.entente.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code password-hash}: reads a password on standard input, prints its hash for {@code entente.security.users}. */
@Command(name = "password-hash", mixinStandardHelpOptions = true,
        description = "Read a password from standard input and print the hash to configure (entente.security.users[N].password-hash).")
final class PasswordHashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isBlank()) {
            spec.commandLine().getErr().println("error: give the password on standard input, e.g. read -s P; echo \"$P\" | java -jar target/entente.jar password-hash");
            return EntenteCli.BAD_INPUT;
        }
        spec.commandLine().getOut().println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
        return EntenteCli.OK;
    }
}
