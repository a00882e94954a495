package org.unlearnstability.cli;

import java.io.PrintWriter;
import org.unlearnstability.family.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code unlearn-stability} command line: one subcommand per job, {@code --help} on each. */
@Command(name = "unlearn-stability", mixinStandardHelpOptions = true, version = "unlearn-stability 0.1.0",
        description = "Coherence measures, exact mean-square dynamics and claim audits for the paper "
                + "'Why Some Models Resist Unlearning: A Linear Stability Perspective'.",
        subcommands = {ReproduceCommand.class, AuditCommand.class, AnalyzeCommand.class, SimulateCommand.class,
                CnnCommand.class, FrontierCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status for rejected input (bad file, bad option value). */
    public static final int EXIT_BAD_INPUT = 2;

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, also used by tests to run commands in-process */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Bad input is the user's to fix: one line naming what and why, no stack trace. */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof InputException || e instanceof IllegalArgumentException) {
            PrintWriter err = commandLine.getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        throw e;
    }
}
