package org.entente.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar target/entente.jar <command>}. It runs without the web server or
 * the Spring context, so it answers in well under the time the application takes to start.
 *
 * <p>Exit codes: 0 done (and every expectation met), 1 an expectation of a scenario failed, 2 bad input or
 * usage, 3 no store or no such relation.
 */
@Command(name = "entente", mixinStandardHelpOptions = true, version = "entente 0.1",
        description = "Entente: an event-sourced diplomatic relations simulator.",
        subcommands = {StoreCommands.Status.class, StoreCommands.Timeline.class, StoreCommands.Events.class, ScenarioCommand.class,
                BenchCommand.class, GenerateCommand.class, PasswordHashCommand.class})
public final class EntenteCli {

    public static final int OK = 0;
    public static final int EXPECTATION_FAILED = 1;
    public static final int BAD_INPUT = 2;

    private static final Set<String> COMMANDS = Set.of("status", "timeline", "events", "scenario", "bench", "generate", "password-hash", "help", "--help", "-h", "--version", "-V");

    /** Whether these arguments are a command-line command rather than the server's arguments. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new EntenteCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> BAD_INPUT);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
            sub.getSubcommands().values().forEach(s -> s.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT));
        }
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return BAD_INPUT;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
